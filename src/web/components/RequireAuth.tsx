import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/hooks';
import { ErrorAlert, Loading } from './States';

/** Where a signed-out user was headed, so sign-in can bring them back. */
export interface FromState {
  from?: string;
}

function FullPageStatus({ children }: { children: ReactNode }) {
  return <main className="container py-5">{children}</main>;
}

/** Signed-out users go to the sign-in page; the page they asked for is remembered. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) {
    return (
      <FullPageStatus>
        <Loading label={t('common.loading')} />
      </FullPageStatus>
    );
  }
  if (me.isError) {
    return (
      <FullPageStatus>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </FullPageStatus>
    );
  }
  if (!me.data.user) {
    const state: FromState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/signin" replace state={state} />;
  }
  return <Outlet />;
}

/** The sign-in and register pages make no sense to a signed-in user. */
export function RedirectIfSignedIn() {
  const me = useMe();
  if (me.data?.user) return <Navigate to="/" replace />;
  return <Outlet />;
}
