import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Connection, CreateConnectionBody } from '../../../shared/api/connections';
import { fieldErrors } from '../../api/client';
import { useCreateConnection } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { focusFirstError, issueMessages, useFormFields } from '../../components/formState';
import { KeyIcon, ShieldIcon } from '../../components/Icons';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import {
  emptyOrgFields,
  OrganizationFields,
  type OrgField,
  organizationBody,
  organizationErrors,
} from '../orgs/OrganizationFields';
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
const EMPTY: Record<Field, string> = {
  name: '',
  roleArn: '',
  accessKeyId: '',
  secretAccessKey: '',
  sessionToken: '',
};

/**
 * The AWS fields of each method (label keys equal field names): monospace, never autofilled.
 * `help` is a key under settings.addConnection; `secret` fields are masked.
 */
const CREDENTIAL_FIELDS: Record<
  Kind,
  { field: Field; help?: string; secret?: boolean; optional?: boolean }[]
> = {
  role: [{ field: 'roleArn', help: 'roleArnHelp' }],
  keys: [
    { field: 'accessKeyId' },
    { field: 'secretAccessKey', help: 'secretHelp', secret: true },
    { field: 'sessionToken', help: 'sessionTokenHelp', secret: true, optional: true },
  ],
};

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
  const form = useFormFields<Field>(EMPTY);
  const [org, setOrg] = useState(emptyOrgFields);
  const [orgClientErrors, setOrgClientErrors] = useState<Partial<Record<OrgField, string>>>({});
  const serverErrors = fieldErrors(create.error, t);
  const orgErrors = { ...organizationErrors([], serverErrors, t), ...orgClientErrors };
  const { values } = form;

  const body = () => {
    const organization = organizationBody(org) ?? undefined;
    return kind === 'role'
      ? { kind, name: values.name, roleArn: values.roleArn, organization }
      : {
          kind,
          name: values.name,
          accessKeyId: values.accessKeyId,
          secretAccessKey: values.secretAccessKey,
          sessionToken: values.sessionToken.trim() || undefined,
          organization,
        };
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const parsed = CreateConnectionBody.safeParse(body());
    if (!parsed.success) {
      const found = issueMessages(parsed.error.issues, FIELDS, (field) => FALLBACK_CODE[field], t);
      const orgFound = organizationErrors(parsed.error.issues, {}, t);
      form.setClientErrors(found);
      setOrgClientErrors(orgFound);
      if (!focusFirstError('connection', found)) focusFirstError('connection-org', orgFound);
      return;
    }
    form.setClientErrors({});
    setOrgClientErrors({});
    // mutateAsync, not mutate's callbacks: the list refresh may unmount this form first, and the
    // page must still hear about the new connection.
    create
      .mutateAsync(parsed.data)
      .then(({ connection }) => {
        // The secret leaves the page's memory as soon as the server has it.
        form.reset();
        setOrg(emptyOrgFields());
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
                        form.setClientErrors({});
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
            {...form.bind('name', serverErrors)}
            maxLength={64}
            autoComplete="off"
            required
          />
          {CREDENTIAL_FIELDS[kind].map(({ field, help, secret, optional }) => {
            const label = t(`settings.addConnection.${field}`);
            return (
              <FormField
                key={field}
                id={`connection-${field}`}
                label={optional ? `${label} (${t('common.optional')})` : label}
                help={help && t(`settings.addConnection.${help}`)}
                type={secret ? 'password' : undefined}
                {...form.bind(field, serverErrors)}
                autoComplete="off"
                spellCheck={false}
                monospace
                required={!optional}
              />
            );
          })}
          <OrganizationFields
            idPrefix="connection-org"
            values={org}
            onChange={(next) => {
              setOrg(next);
              setOrgClientErrors({});
            }}
            errors={orgErrors}
          />
        </div>
      </div>

      {create.isError && <ErrorAlert error={create.error} />}
      <SubmitButton
        pending={create.isPending}
        label={t('settings.addConnection.submit')}
        pendingLabel={t('settings.addConnection.submitting')}
      />
    </form>
  );
}
