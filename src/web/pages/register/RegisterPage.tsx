import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MeResponse, RegisterBody } from '../../../shared/api/auth';
import { fieldErrors } from '../../api/client';
import { queryKeys, useRegister } from '../../api/hooks';
import { AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import { ErrorAlert } from '../../components/States';
import type { SignInNotice } from '../../components/UserMenu';

type Field = 'username' | 'password' | 'confirm';

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const register = useRegister();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors = { ...fieldErrors(register.error, t), ...clientErrors };

  /** The same schema the server applies, so the user hears about a bad name before a round trip. */
  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const parsed = RegisterBody.safeParse({ username, password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'username' || field === 'password') && !found[field]) {
          const code = issue.message.match(/^[a-z_]+$/) ? issue.message : 'field_invalid';
          found[field] = t(`errors.${code}`);
        }
      }
    }
    if (password !== confirm) found.confirm = t('auth.register.passwordMismatch');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`register-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    register.mutate(
      { username, password },
      {
        onSuccess: async ({ user }) => {
          // The server signs a new user in; should it ever not, ask them to sign in.
          await queryClient.invalidateQueries({ queryKey: queryKeys.me });
          const me = MeResponse.safeParse(queryClient.getQueryData(queryKeys.me));
          if (me.success && me.data.user) {
            navigate('/', { replace: true });
            return;
          }
          const state: SignInNotice = { notice: 'registered', username: user.username };
          navigate('/signin', { replace: true, state });
        },
      },
    );
  };

  return (
    <AuthLayout
      title={t('auth.register.title')}
      footer={
        <>
          {t('auth.register.haveAccount')} <Link to="/signin">{t('auth.register.signInLink')}</Link>
        </>
      }
    >
      {register.isError && <ErrorAlert error={register.error} />}
      <form onSubmit={onSubmit} noValidate>
        <FormField
          id="register-username"
          label={t('auth.username')}
          value={username}
          onChange={setUsername}
          error={errors.username}
          help={t('auth.register.usernameHelp')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          required
        />
        <FormField
          id="register-password"
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          help={t('auth.register.passwordHelp')}
          autoComplete="new-password"
          required
        />
        <FormField
          id="register-confirm"
          label={t('auth.confirmPassword')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="btn btn-primary w-100 py-2 mt-2" disabled={register.isPending}>
          {register.isPending && (
            <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
          )}
          {register.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
