import { useTranslation } from 'react-i18next';
import { GettingStarted } from '../../components/GettingStarted';
import { PageHeader } from '../../components/PageHeader';

/** For now the dashboard guides a new user; charts arrive with collections and advisor runs. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')}>{t('pages.dashboard.intro')}</PageHeader>
      <GettingStarted />
    </>
  );
}
