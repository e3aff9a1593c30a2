import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORG_PRINCIPAL_PLACEHOLDER, OrgSetupResponse } from '../../../shared/api/org-setup';
import { useApi } from '../../api/hooks';
import { CodeBlock } from '../../components/CodeBlock';
import { CopyButton } from '../../components/CopyButton';
import { SettingsCard } from '../../components/SettingsCard';
import { ErrorAlert, Loading } from '../../components/States';

function useOrgSetup() {
  const api = useApi();
  return useQuery({
    queryKey: ['org-setup'],
    queryFn: () => api.get('/api/org-setup', OrgSetupResponse),
    staleTime: 5 * 60_000,
  });
}

/** One command to run: named by its first line ("aws cloudformation create-stack-set"), copyable. */
function Command({ id, text }: { id: string; text: string }) {
  const { t } = useTranslation();
  const name = `${t('settings.memberRole.commandLabel')}: ${text.split(' \\\n')[0]}`;
  return (
    <div className="mt-2 mb-3">
      <div className="d-flex justify-content-end mb-1">
        <span className="visually-hidden" id={id}>
          {name}
        </span>
        <CopyButton text={text} label={`${t('common.copy')}: ${name}`} />
      </div>
      <CodeBlock text={text} labelledBy={id} />
    </div>
  );
}

/** Settings → AWS access: deploying the read-only audit role to every account of an organization. */
export function MemberRoleSetupPanel() {
  const { t } = useTranslation();
  const setup = useOrgSetup();
  const title = t('settings.memberRole.title');
  if (!setup.isSuccess) {
    return (
      <SettingsCard titleId="member-role-title" title={title}>
        {setup.isError ? (
          <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />
        ) : (
          <Loading />
        )}
      </SettingsCard>
    );
  }
  const s = setup.data;
  const placeholder = s.targetsPlaceholder;
  const principalPlaceholder = ORG_PRINCIPAL_PLACEHOLDER;

  return (
    <SettingsCard titleId="member-role-title" title={title}>
      <p className="text-body-secondary">{t('settings.memberRole.intro')}</p>
      <dl className="row mb-3 small" data-testid="member-role-facts">
        <dt className="col-sm-3">{t('settings.addConnection.externalId')}</dt>
        <dd className="col-sm-9 d-flex flex-wrap align-items-center gap-2">
          <code className="user-select-all" data-testid="member-role-external-id">
            {s.externalId}
          </code>
          <CopyButton
            text={s.externalId}
            label={`${t('common.copy')}: ${t('settings.addConnection.externalId')}`}
          />
          <span className="w-100 text-body-secondary">{t('settings.memberRole.externalIdHelp')}</span>
        </dd>
        <dt className="col-sm-3">{t('settings.memberRole.principal')}</dt>
        <dd className="col-sm-9">
          {s.trustedPrincipalArn ? (
            <code className="text-break">{s.trustedPrincipalArn}</code>
          ) : (
            <span className="text-warning-emphasis">
              {t('settings.memberRole.principalUnknown', {
                placeholder: principalPlaceholder,
              })}
            </span>
          )}
          <span className="d-block text-body-secondary">{t('settings.memberRole.principalKeys')}</span>
        </dd>
        <dt className="col-sm-3">{t('settings.memberRole.policies')}</dt>
        <dd className="col-sm-9">{t('settings.memberRole.policiesValue', { count: s.policyCount })}</dd>
      </dl>

      <ol className="ps-3 mb-0">
        <li className="mb-3">
          {t('settings.memberRole.step1')}
          <div className="d-flex flex-wrap gap-2 mt-2" data-testid="member-role-downloads">
            <a className="btn btn-sm btn-primary" href="/api/org-setup/template?format=yaml" download>
              {t('settings.memberRole.downloadYaml')}
            </a>
            <a className="btn btn-sm btn-outline-primary" href="/api/org-setup/template?format=json" download>
              {t('settings.memberRole.downloadJson')}
            </a>
          </div>
        </li>
        <li>
          {t('settings.memberRole.step2')}
          <Command id="member-role-cmd-activate" text={s.commands.activateTrustedAccess} />
        </li>
        <li>
          {t('settings.memberRole.step3')}
          <Command id="member-role-cmd-stack-set" text={s.commands.createStackSet} />
        </li>
        <li>
          {t('settings.memberRole.step4', { placeholder })}
          <Command id="member-role-cmd-instances" text={s.commands.createStackInstances} />
        </li>
      </ol>

      <section className="rounded-3 border p-3 mt-2" aria-labelledby="member-role-management-title">
        <h3 id="member-role-management-title" className="h6">
          {t('settings.memberRole.managementTitle')}
        </h3>
        <p className="small mb-0">{t('settings.memberRole.managementNote')}</p>
        <Command id="member-role-cmd-management" text={s.commands.createManagementStack} />
      </section>
      <p className="small text-body-secondary mt-3 mb-0">
        {t('settings.memberRole.roleArn', { roleName: s.roleName })}
      </p>
    </SettingsCard>
  );
}
