import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../shared/api/auth';
import { fieldErrors } from '../../api/client';
import { useChangePassword, useMe } from '../../api/hooks';
import { NewPasswordFields, PasswordField } from '../../components/AuthFields';
import { issueMessages, useFormFields } from '../../components/formState';
import { TitledCard } from '../../components/SettingsCard';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { AuditLogCard } from './AuditLogCard';
import { DisplayCurrencyCard } from './DisplayCurrencyCard';
import { InvitesCard } from './InvitesCard';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** Settings → Account: the password, the admin's invites (invite-only servers), the security log. */
export function AccountSettings() {
  const me = useMe();
  return (
    <div className="d-flex flex-column gap-4">
      <ChangePasswordCard />
      <DisplayCurrencyCard />
      {me.data?.user?.role === 'admin' && <InvitesCard />}
      <AuditLogCard />
    </div>
  );
}

function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useFormFields<Field>({ currentPassword: '', newPassword: '', confirm: '' });
  const serverErrors = fieldErrors(change.error, t);
  const { values } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const parsed = ChangePasswordBody.safeParse(values);
    const found = parsed.success
      ? {}
      : issueMessages(parsed.error.issues, ['currentPassword', 'newPassword'], () => 'field_required', t);
    const mismatch = values.newPassword !== values.confirm;
    const errors = mismatch ? { ...found, confirm: t('auth.register.passwordMismatch') } : found;
    form.setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: form.reset },
    );
  };

  return (
    <TitledCard titleId="password-title" title={t('settings.account.title')}>
      <div aria-live="polite">
        {change.isSuccess && (
          <div className="alert alert-success" role="status">
            {t('settings.account.success')}
          </div>
        )}
      </div>
      {change.isError && <ErrorAlert error={change.error} />}
      <form onSubmit={onSubmit} noValidate className="account-form">
        <PasswordField
          id="password-current"
          label={t('settings.account.currentPassword')}
          {...form.bind('currentPassword', serverErrors)}
          autoComplete="current-password"
        />
        <NewPasswordFields
          password={{
            id: 'password-new',
            label: t('settings.account.newPassword'),
            ...form.bind('newPassword', serverErrors),
          }}
          confirm={{
            id: 'password-confirm',
            label: t('settings.account.confirmNewPassword'),
            ...form.bind('confirm', serverErrors),
          }}
        />
        <SubmitButton
          pending={change.isPending}
          spinner={false}
          label={t('settings.account.submit')}
          pendingLabel={t('settings.account.submitting')}
        />
      </form>
    </TitledCard>
  );
}
