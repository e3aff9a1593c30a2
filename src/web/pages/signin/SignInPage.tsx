import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { fieldErrors } from '../../api/client';
import { useSignIn } from '../../api/hooks';
import { PasswordField, UsernameField } from '../../components/AuthFields';
import { AUTH_SUBMIT_CLASS, AuthFooter, AuthLayout } from '../../components/AuthLayout';
import type { FromState } from '../../components/RequireAuth';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
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
        <AuthFooter text={t('auth.signIn.noAccount')} to="/register" link={t('auth.signIn.registerLink')} />
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
        <UsernameField
          id="signin-username"
          value={username}
          onChange={setUsername}
          error={serverFields.username}
        />
        <PasswordField
          id="signin-password"
          label={t('auth.password')}
          value={password}
          onChange={setPassword}
          error={serverFields.password}
          autoComplete="current-password"
        />
        <SubmitButton
          className={AUTH_SUBMIT_CLASS}
          pending={signIn.isPending}
          label={t('auth.signIn.submit')}
          pendingLabel={t('auth.signIn.submitting')}
        />
      </form>
    </AuthLayout>
  );
}
