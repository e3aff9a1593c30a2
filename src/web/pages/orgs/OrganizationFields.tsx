import { useTranslation } from 'react-i18next';
import { OrganizationSettings } from '../../../shared/api/orgs';
import { FormField } from '../../components/FormField';

/** The template's default role name (the member role every account gets). */
export const DEFAULT_MEMBER_ROLE_NAME = 'AgainConsoleAudit';

export type OrgField = 'memberRoleName' | 'externalId';
export interface OrgFieldValues {
  enabled: boolean;
  memberRoleName: string;
  externalId: string;
}

export const emptyOrgFields = (settings?: OrganizationSettings): OrgFieldValues => ({
  enabled: settings !== undefined,
  memberRoleName: settings?.memberRoleName ?? DEFAULT_MEMBER_ROLE_NAME,
  externalId: settings?.externalId ?? '',
});

/** The organization settings the API takes (null when the option is off); the caller validates. */
export function organizationBody(values: OrgFieldValues): OrganizationSettings | null {
  if (!values.enabled) return null;
  const externalId = values.externalId.trim();
  return { memberRoleName: values.memberRoleName, ...(externalId ? { externalId } : {}) };
}

/** Field errors of the organization part: the client's schema issues or the server's `organization.*` fields. */
export function organizationErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  serverFields: Readonly<Record<string, string>>,
  t: (key: string) => string,
): Partial<Record<OrgField, string>> {
  const found: Partial<Record<OrgField, string>> = {};
  const fallback: Record<OrgField, string> = {
    memberRoleName: 'member_role_name_invalid',
    externalId: 'external_id_invalid',
  };
  for (const issue of issues) {
    const field = issue.path.at(-1);
    if ((field === 'memberRoleName' || field === 'externalId') && !found[field]) {
      found[field] = t(`errors.${/^[a-z_]+$/.test(issue.message) ? issue.message : fallback[field]}`);
    }
  }
  for (const field of ['memberRoleName', 'externalId'] as const) {
    found[field] ??= serverFields[`organization.${field}`];
  }
  return found;
}

/** Client-side check of the organization part with the API's own schema. */
export function validateOrganization(values: OrgFieldValues) {
  const body = organizationBody(values);
  return body ? OrganizationSettings.safeParse(body) : null;
}

/** "This is the management account of an organization" and, when on, the member role fields. */
export function OrganizationFields({
  idPrefix,
  values,
  onChange,
  errors,
}: {
  idPrefix: string;
  values: OrgFieldValues;
  onChange: (values: OrgFieldValues) => void;
  errors: Partial<Record<OrgField, string>>;
}) {
  const { t } = useTranslation();
  const set = (field: OrgField) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <fieldset className="mb-3">
      <div className="form-check mb-2">
        <input
          id={`${idPrefix}-enabled`}
          className="form-check-input"
          type="checkbox"
          checked={values.enabled}
          aria-describedby={`${idPrefix}-enabled-help`}
          onChange={(event) => onChange({ ...values, enabled: event.target.checked })}
        />
        <label className="form-check-label fw-medium" htmlFor={`${idPrefix}-enabled`}>
          {t('orgs.form.option')}
        </label>
        <div id={`${idPrefix}-enabled-help`} className="form-text">
          {t('orgs.form.optionHelp')}
        </div>
      </div>
      {values.enabled && (
        <div className="ps-4 border-start ms-2">
          <FormField
            id={`${idPrefix}-memberRoleName`}
            label={t('orgs.form.memberRoleName')}
            help={t('orgs.form.memberRoleNameHelp')}
            value={values.memberRoleName}
            onChange={set('memberRoleName')}
            error={errors.memberRoleName}
            autoComplete="off"
            spellCheck={false}
            monospace
            required
          />
          <FormField
            id={`${idPrefix}-externalId`}
            label={`${t('orgs.form.externalId')} (${t('common.optional')})`}
            help={t('orgs.form.externalIdHelp')}
            value={values.externalId}
            onChange={set('externalId')}
            error={errors.externalId}
            autoComplete="off"
            spellCheck={false}
            monospace
          />
        </div>
      )}
    </fieldset>
  );
}
