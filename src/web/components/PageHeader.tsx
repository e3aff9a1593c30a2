import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's h1, also used as the document title so tabs and history read well. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="d-flex flex-wrap align-items-end justify-content-between gap-2 mb-4">
      <div>
        <h1 className="h3 mb-1">{title}</h1>
        {children && <p className="text-body-secondary mb-0">{children}</p>}
      </div>
    </div>
  );
}
