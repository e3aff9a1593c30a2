import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { fieldErrors } from '../../api/client';
import { useSignIn } from '../../api/hooks';
import { AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import type { FromState } from '../../components/RequireAuth';
import { ErrorAlert } from '../../components/States';
import type { SignInNotice } from '../../components/UserMenu';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as FromState & SignInNotice;
  const signIn = useSignIn();
  const [username, setUsername] = useState(state.username ?? '');
  const [password, setPassword] = useState('');
  const serverFields = fieldErrors(signIn.error, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password },
      { onSuccess: () => navigate(state.from?.startsWith('/') ? state.from : '/', { replace: true }) },
    );
  };

  return (
    <AuthLayout
      title={t('auth.signIn.title')}
      footer={
        <>
          {t('auth.signIn.noAccount')} <Link to="/register">{t('auth.signIn.registerLink')}</Link>
        </>
      }
    >
      {state.notice === 'registered' && !signIn.isError && (
        <div className="alert alert-success" role="status">
          {t('auth.signIn.registered', { username: state.username ?? '' })}
        </div>
      )}
      {state.notice === 'signedOut' && !signIn.isError && (
        <div className="alert alert-info" role="status">
          {t('auth.signIn.signedOut')}
        </div>
      )}
      {signIn.isError && <ErrorAlert error={signIn.error} />}
      <form onSubmit={onSubmit} noValidate>
        <FormField
          id="signin-username"
          label={t('auth.username')}
          value={username}
          onChange={setUsername}
          error={serverFields.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <FormField
          id="signin-password"
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={setPassword}
          error={serverFields.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="btn btn-primary w-100 py-2 mt-2" disabled={signIn.isPending}>
          {signIn.isPending && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
          {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
