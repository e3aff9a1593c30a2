import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import { fieldErrors } from '../../api/client';
import { focusFirstError } from '../../components/formState';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { useUpdateOrganization } from './OrgApi';
import {
  emptyOrgFields,
  OrganizationFields,
  type OrgField,
  organizationBody,
  organizationErrors,
  validateOrganization,
} from './OrganizationFields';

/** Turns an existing connection into an organization connection, changes its member role, or turns it off. */
export function OrganizationSettingsForm({
  connection,
  onSaved,
  onCancel,
}: {
  connection: Connection;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const [values, setValues] = useState(() => emptyOrgFields(connection.organization));
  const [clientErrors, setClientErrors] = useState<Partial<Record<OrgField, string>>>({});
  const errors = { ...organizationErrors([], fieldErrors(update.error, t), t), ...clientErrors };
  const titleId = `org-settings-${connection.id}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const parsed = validateOrganization(values);
    if (parsed && !parsed.success) {
      const found = organizationErrors(parsed.error.issues, {}, t);
      setClientErrors(found);
      focusFirstError(`org-edit-${connection.id}`, found);
      return;
    }
    setClientErrors({});
    update
      .mutateAsync({ id: connection.id, organization: parsed ? parsed.data : organizationBody(values) })
      .then(() =>
        onSaved(t(values.enabled ? 'orgs.form.saved' : 'orgs.form.turnedOff', { name: connection.name })),
      )
      .catch(() => {
        // Shown from update.error.
      });
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
      className="rounded-3 border p-3 mt-3"
      data-testid="organization-settings-form"
    >
      <h3 id={titleId} className="h6 mb-3">
        {t('orgs.form.editTitle', { name: connection.name })}
      </h3>
      <OrganizationFields
        idPrefix={`org-edit-${connection.id}`}
        values={values}
        onChange={(next) => {
          setValues(next);
          setClientErrors({});
        }}
        errors={errors}
      />
      {update.isError && <ErrorAlert error={update.error} />}
      <div className="d-flex gap-2">
        <SubmitButton
          pending={update.isPending}
          label={t('orgs.form.save')}
          pendingLabel={t('orgs.form.saving')}
        />
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
