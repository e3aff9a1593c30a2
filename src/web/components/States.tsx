import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { awsDetail, errorMessage } from '../api/client';

/** A spinner announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-2 text-body-secondary py-4" role="status">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** A failed request, in the user's language, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = awsDetail(error);
  return (
    <div className="alert alert-danger d-flex align-items-center justify-content-between gap-3" role="alert">
      <div>
        <div>{errorMessage(error, t)}</div>
        {detail && (
          <div className="small mt-1 text-break">
            {t('common.awsDetail')}: <span lang="en">{detail}</span>
          </div>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A friendly empty page section that tells the user what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  headingLevel = 2,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="empty-state text-center rounded-4 border bg-body px-4 py-5">
      {icon && <div className="empty-state-icon mx-auto mb-3">{icon}</div>}
      <Heading className="h5 mb-2">{title}</Heading>
      {children && <p className="text-body-secondary mx-auto mb-3 empty-state-body">{children}</p>}
      {action}
    </section>
  );
}
