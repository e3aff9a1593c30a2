import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.notFound.title')} />
      <EmptyState
        title={t('pages.notFound.body')}
        action={
          <Link className="btn btn-primary" to="/">
            {t('pages.notFound.home')}
          </Link>
        }
      />
    </>
  );
}
