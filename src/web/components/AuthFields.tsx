import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';

/** What a form gives one field: its value, how to change it, and the error to show (if any). */
interface BoundField {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  help?: string;
}

/** The user name box of the sign-in and register forms: no auto-capitals or spelling marks. */
export function UsernameField({ maxLength, ...field }: BoundField & { maxLength?: number }) {
  const { t } = useTranslation();
  return (
    <FormField
      label={t('auth.username')}
      {...field}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={maxLength}
      required
    />
  );
}

/**
 * A required password box. `autoComplete` tells password managers whether to fill the saved
 * password (`current-password`) or offer a new one (`new-password`).
 */
export function PasswordField({
  label,
  autoComplete,
  ...field
}: BoundField & { label: string; autoComplete: 'current-password' | 'new-password' }) {
  return <FormField label={label} type="password" {...field} autoComplete={autoComplete} required />;
}

/** A new password and its confirmation, the password with the strength rule under it. */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: BoundField & { label: string };
  confirm: BoundField & { label: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField {...password} help={t('auth.register.passwordHelp')} autoComplete="new-password" />
      <PasswordField {...confirm} autoComplete="new-password" />
    </>
  );
}
