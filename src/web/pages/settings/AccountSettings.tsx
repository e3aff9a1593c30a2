import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../shared/api/auth';
import { fieldErrors } from '../../api/client';
import { useChangePassword } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { ErrorAlert } from '../../components/States';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

export function AccountSettings() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors: Partial<Record<string, string>> = { ...fieldErrors(change.error, t), ...clientErrors };
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const found: Partial<Record<Field, string>> = {};
    const parsed = ChangePasswordBody.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'currentPassword' || field === 'newPassword') && !found[field]) {
          found[field] = t(`errors.${/^[a-z_]+$/.test(issue.message) ? issue.message : 'field_required'}`);
        }
      }
    }
    if (values.newPassword !== values.confirm) found.confirm = t('auth.register.passwordMismatch');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirm: '' }) },
    );
  };

  return (
    <section className="card shadow-sm" aria-labelledby="password-title">
      <div className="card-body">
        <h2 id="password-title" className="h5 mb-3">
          {t('settings.account.title')}
        </h2>
        <div aria-live="polite">
          {change.isSuccess && (
            <div className="alert alert-success" role="status">
              {t('settings.account.success')}
            </div>
          )}
        </div>
        {change.isError && <ErrorAlert error={change.error} />}
        <form onSubmit={onSubmit} noValidate className="account-form">
          <FormField
            id="password-current"
            label={t('settings.account.currentPassword')}
            type="password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <FormField
            id="password-new"
            label={t('settings.account.newPassword')}
            help={t('auth.register.passwordHelp')}
            type="password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errors.newPassword}
            autoComplete="new-password"
            required
          />
          <FormField
            id="password-confirm"
            label={t('settings.account.confirmNewPassword')}
            type="password"
            value={values.confirm}
            onChange={set('confirm')}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {change.isPending ? t('settings.account.submitting') : t('settings.account.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
