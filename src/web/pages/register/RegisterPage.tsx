import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MeResponse, RegisterBody } from '../../../shared/api/auth';
import { fieldErrors } from '../../api/client';
import { queryKeys, useRegister, useRegistrationStatus } from '../../api/hooks';
import { NewPasswordFields, UsernameField } from '../../components/AuthFields';
import { AUTH_SUBMIT_CLASS, AuthFooter, AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import { focusFirstError, issueMessages, useFormFields } from '../../components/formState';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import type { SignInNotice } from '../../components/UserMenu';

type Field = 'username' | 'password' | 'confirm' | 'inviteCode';

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const register = useRegister();
  const registration = useRegistrationStatus();
  const [search] = useSearchParams();
  // An invite link (/register?invite=…) fills the code in.
  const form = useFormFields<Field>({
    username: '',
    password: '',
    confirm: '',
    inviteCode: search.get('invite') ?? '',
  });
  const serverErrors = fieldErrors(register.error, t);
  const { username, password, confirm, inviteCode } = form.values;
  const inviteRequired = registration.data?.inviteRequired === true;

  /** The same schema the server applies, so the user hears about a bad name before a round trip. */
  const validate = (): Partial<Record<Field, string>> => {
    const parsed = RegisterBody.safeParse({ username, password, ...(inviteRequired ? { inviteCode } : {}) });
    const found: Partial<Record<Field, string>> = parsed.success
      ? {}
      : issueMessages(parsed.error.issues, ['username', 'password', 'inviteCode'], () => 'field_invalid', t);
    if (inviteRequired && inviteCode.trim() === '') found.inviteCode = t('errors.invite_required');
    if (password !== confirm) found.confirm = t('auth.register.passwordMismatch');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    form.setClientErrors(found);
    if (focusFirstError('register', found)) return;
    register.mutate(
      { username, password, ...(inviteRequired ? { inviteCode: inviteCode.trim() } : {}) },
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
        <AuthFooter text={t('auth.register.haveAccount')} to="/signin" link={t('auth.register.signInLink')} />
      }
    >
      {register.isError && <ErrorAlert error={register.error} />}
      <form onSubmit={onSubmit} noValidate>
        {inviteRequired && (
          <FormField
            id="register-inviteCode"
            label={t('auth.register.inviteCode')}
            {...form.bind('inviteCode', serverErrors)}
            help={t('auth.register.inviteHelp')}
            autoComplete="off"
            spellCheck={false}
            monospace
            required
          />
        )}
        <UsernameField
          id="register-username"
          {...form.bind('username', serverErrors)}
          help={t('auth.register.usernameHelp')}
          maxLength={32}
        />
        <NewPasswordFields
          password={{
            id: 'register-password',
            label: t('auth.password'),
            ...form.bind('password', serverErrors),
          }}
          confirm={{
            id: 'register-confirm',
            label: t('auth.confirmPassword'),
            ...form.bind('confirm', serverErrors),
          }}
        />
        <SubmitButton
          className={AUTH_SUBMIT_CLASS}
          pending={register.isPending}
          label={t('auth.register.submit')}
          pendingLabel={t('auth.register.submitting')}
        />
      </form>
    </AuthLayout>
  );
}
