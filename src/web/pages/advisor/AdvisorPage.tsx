import { useTranslation } from 'react-i18next';
import { GettingStarted } from '../../components/GettingStarted';
import { ShieldIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';

export function AdvisorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.advisor.title')} />
      <div className="mb-4">
        <EmptyState icon={<ShieldIcon size={32} />} title={t('pages.advisor.emptyTitle')}>
          {t('pages.advisor.emptyBody')}
        </EmptyState>
      </div>
      <GettingStarted />
    </>
  );
}
