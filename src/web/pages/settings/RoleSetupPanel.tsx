import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRoleSetup } from '../../api/hooks';
import { CodeBlock } from '../../components/CodeBlock';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert, Loading } from '../../components/States';

/** What the user pastes into AWS: their External ID and the trust policy built around it. */
export function RoleSetupPanel() {
  const { t } = useTranslation();
  const setup = useRoleSetup();
  if (setup.isPending) return <Loading />;
  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />;
  const { externalId, serverPrincipalArn, trustPolicy } = setup.data;
  const policyText = JSON.stringify(trustPolicy, null, 2);

  return (
    <section className="role-setup rounded-3 border p-3 p-md-4 mb-4" aria-labelledby="role-setup-title">
      <h3 id="role-setup-title" className="h6 mb-3">
        {t('settings.addConnection.roleSteps')}
      </h3>
      <ol className="small mb-4 ps-3">
        <li>{t('settings.addConnection.roleStep1')}</li>
        <li>
          {t('settings.addConnection.roleStep2')}{' '}
          <Link to="/settings/iam-policy">{t('settings.addConnection.viewPolicy')}</Link>
        </li>
        <li>{t('settings.addConnection.roleStep3')}</li>
      </ol>

      <dl className="row mb-3 small">
        <dt className="col-sm-3">{t('settings.addConnection.externalId')}</dt>
        <dd className="col-sm-9 d-flex flex-wrap align-items-center gap-2">
          <code className="external-id user-select-all" data-testid="external-id">
            {externalId}
          </code>
          <CopyButton
            text={externalId}
            label={`${t('common.copy')}: ${t('settings.addConnection.externalId')}`}
          />
          <span className="w-100 text-body-secondary">{t('settings.addConnection.externalIdHelp')}</span>
        </dd>
        {serverPrincipalArn && (
          <>
            <dt className="col-sm-3">{t('settings.addConnection.serverPrincipal')}</dt>
            <dd className="col-sm-9">
              <code className="text-break">{serverPrincipalArn}</code>
            </dd>
          </>
        )}
      </dl>

      <div className="d-flex align-items-center justify-content-between mb-2">
        <span className="fw-medium small" id="trust-policy-label">
          {t('settings.addConnection.trustPolicy')}
        </span>
        <CopyButton
          text={policyText}
          label={`${t('common.copy')}: ${t('settings.addConnection.trustPolicy')}`}
        />
      </div>
      <CodeBlock text={policyText} labelledBy="trust-policy-label" />
    </section>
  );
}
