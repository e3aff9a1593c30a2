import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** "Collection history" first, then the page's own trail (`<li className="breadcrumb-item">…`). */
export function ResourcesBreadcrumb({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <nav aria-label="breadcrumb">
      <ol className="breadcrumb small mb-2">
        <li className="breadcrumb-item">
          <Link to="/resources">{t('resources.collection.backToHistory')}</Link>
        </li>
        {children}
      </ol>
    </nav>
  );
}
