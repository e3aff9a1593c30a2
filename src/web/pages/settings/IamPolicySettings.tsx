import { useTranslation } from 'react-i18next';
import { useIamPolicy } from '../../api/hooks';
import { CodeBlock } from '../../components/CodeBlock';
import { CopyButton } from '../../components/CopyButton';
import { TitledCard } from '../../components/SettingsCard';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';

export function IamPolicySettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const policy = useIamPolicy();
  return (
    <TitledCard titleId="iam-policy-title" title={t('settings.iamPolicy.title')} titleClassName="h5">
      <p className="text-body-secondary">{t('settings.iamPolicy.body')}</p>
      {policy.isPending && <Loading />}
      {policy.isError && <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.isSuccess && (
        <>
          <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
            <span className="badge text-bg-light border" id="iam-policy-label">
              {t('settings.iamPolicy.actions', {
                count: policy.data.actions.length,
                formattedCount: format.number(policy.data.actions.length),
              })}
            </span>
            <CopyButton
              text={JSON.stringify(policy.data.policy, null, 2)}
              label={`${t('common.copy')}: ${t('settings.iamPolicy.title')}`}
            />
          </div>
          <CodeBlock text={JSON.stringify(policy.data.policy, null, 2)} labelledBy="iam-policy-label" tall />
          {policy.data.optionalActions.length > 0 && (
            <p className="small text-body-secondary mt-2 mb-0" data-testid="iam-policy-optional">
              {t('settings.iamPolicy.optional', { actions: policy.data.optionalActions.join(', ') })}
            </p>
          )}
        </>
      )}
    </TitledCard>
  );
}
