import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Connection, CreateConnectionBody } from '../../../shared/api/connections';
import { fieldErrors } from '../../api/client';
import { useCreateConnection } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { KeyIcon, ShieldIcon } from '../../components/Icons';
import { ErrorAlert } from '../../components/States';
import { RoleSetupPanel } from './RoleSetupPanel';

type Kind = 'role' | 'keys';
type Field = 'name' | 'roleArn' | 'accessKeyId' | 'secretAccessKey' | 'sessionToken';

/** zod's generic messages become our codes, so every field error is translated. */
const FALLBACK_CODE: Record<Field, string> = {
  name: 'field_required',
  roleArn: 'role_arn_invalid',
  accessKeyId: 'access_key_id_invalid',
  secretAccessKey: 'secret_invalid',
  sessionToken: 'field_invalid',
};
const FIELDS = Object.keys(FALLBACK_CODE) as Field[];

function isField(value: unknown): value is Field {
  return typeof value === 'string' && (FIELDS as string[]).includes(value);
}

const METHODS = [
  {
    kind: 'role',
    icon: ShieldIcon,
    title: 'settings.addConnection.roleOption',
    body: 'settings.addConnection.roleOptionBody',
  },
  {
    kind: 'keys',
    icon: KeyIcon,
    title: 'settings.addConnection.keysOption',
    body: 'settings.addConnection.keysOptionBody',
  },
] as const;

/** Role first and recommended; keys second. The server saves only after STS accepts the access. */
export function AddConnectionForm({ onConnected }: { onConnected: (connection: Connection) => void }) {
  const { t } = useTranslation();
  const create = useCreateConnection();
  const [kind, setKind] = useState<Kind>('role');
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    roleArn: '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
  });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors: Partial<Record<string, string>> = { ...fieldErrors(create.error, t), ...clientErrors };
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const body = () =>
    kind === 'role'
      ? { kind, name: values.name, roleArn: values.roleArn }
      : {
          kind,
          name: values.name,
          accessKeyId: values.accessKeyId,
          secretAccessKey: values.secretAccessKey,
          sessionToken: values.sessionToken.trim() || undefined,
        };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const parsed = CreateConnectionBody.safeParse(body());
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (!isField(field) || found[field]) continue;
        const code = /^[a-z_]+$/.test(issue.message) ? issue.message : FALLBACK_CODE[field];
        found[field] = t(`errors.${code}`);
      }
      setClientErrors(found);
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`connection-${first}`)?.focus();
      return;
    }
    setClientErrors({});
    // mutateAsync, not mutate's callbacks: the list refresh may unmount this form first, and the
    // page must still hear about the new connection.
    create
      .mutateAsync(parsed.data)
      .then(({ connection }) => {
        // The secret leaves the page's memory as soon as the server has it.
        setValues({ name: '', roleArn: '', accessKeyId: '', secretAccessKey: '', sessionToken: '' });
        onConnected(connection);
      })
      .catch(() => {
        // Shown from create.error.
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-connection-title">
      <fieldset className="mb-4">
        <legend className="form-label fw-medium fs-6">{t('settings.addConnection.method')}</legend>
        <div className="row g-3">
          {METHODS.map((method) => {
            const Icon = method.icon;
            const checked = kind === method.kind;
            return (
              <div className="col-12 col-md-6" key={method.kind}>
                <label
                  className={`method-option card h-100 ${checked ? 'border-primary method-selected' : ''}`}
                >
                  <span className="card-body d-flex gap-3">
                    <input
                      className="form-check-input mt-1 flex-shrink-0"
                      type="radio"
                      name="connection-kind"
                      value={method.kind}
                      checked={checked}
                      onChange={() => {
                        setKind(method.kind);
                        setClientErrors({});
                        create.reset();
                      }}
                    />
                    <span>
                      <span className="d-flex align-items-center gap-2 fw-semibold mb-1">
                        <Icon size={18} />
                        {t(method.title)}
                        {method.kind === 'role' && (
                          <span className="badge text-bg-success">
                            {t('settings.addConnection.recommended')}
                          </span>
                        )}
                      </span>
                      <span className="d-block small text-body-secondary">{t(method.body)}</span>
                    </span>
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>

      {kind === 'role' && <RoleSetupPanel />}

      <div className="row">
        <div className="col-12 col-lg-8">
          <FormField
            id="connection-name"
            label={t('settings.addConnection.name')}
            placeholder={t('settings.addConnection.namePlaceholder')}
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            maxLength={64}
            autoComplete="off"
            required
          />
          {kind === 'role' ? (
            <FormField
              id="connection-roleArn"
              label={t('settings.addConnection.roleArn')}
              help={t('settings.addConnection.roleArnHelp')}
              value={values.roleArn}
              onChange={set('roleArn')}
              error={errors.roleArn}
              autoComplete="off"
              spellCheck={false}
              monospace
              required
            />
          ) : (
            <>
              <FormField
                id="connection-accessKeyId"
                label={t('settings.addConnection.accessKeyId')}
                value={values.accessKeyId}
                onChange={set('accessKeyId')}
                error={errors.accessKeyId}
                autoComplete="off"
                spellCheck={false}
                monospace
                required
              />
              <FormField
                id="connection-secretAccessKey"
                label={t('settings.addConnection.secretAccessKey')}
                help={t('settings.addConnection.secretHelp')}
                type="password"
                value={values.secretAccessKey}
                onChange={set('secretAccessKey')}
                error={errors.secretAccessKey}
                autoComplete="off"
                spellCheck={false}
                monospace
                required
              />
              <FormField
                id="connection-sessionToken"
                label={`${t('settings.addConnection.sessionToken')} (${t('common.optional')})`}
                help={t('settings.addConnection.sessionTokenHelp')}
                type="password"
                value={values.sessionToken}
                onChange={set('sessionToken')}
                error={errors.sessionToken}
                autoComplete="off"
                monospace
              />
            </>
          )}
        </div>
      </div>

      {create.isError && <ErrorAlert error={create.error} />}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
        {create.isPending ? t('settings.addConnection.submitting') : t('settings.addConnection.submit')}
      </button>
    </form>
  );
}
