import { useTranslation } from 'react-i18next';
import { GettingStarted } from '../../components/GettingStarted';
import { ServerIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';

export function ResourcesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.resources.title')} />
      <div className="mb-4">
        <EmptyState icon={<ServerIcon size={32} />} title={t('pages.resources.emptyTitle')}>
          {t('pages.resources.emptyBody')}
        </EmptyState>
      </div>
      <GettingStarted />
    </>
  );
}
