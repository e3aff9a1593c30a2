import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A settings card: a header with the h2 title (id `titleId`) and an optional action on the right,
 * then the body. `labelled` makes the card a region named by its title.
 */
export function SettingsCard({
  titleId,
  title,
  action,
  labelled = true,
  bodyClassName = 'card-body',
  children,
}: {
  titleId: string;
  title: string;
  action?: ReactNode;
  labelled?: boolean;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <section className="card shadow-sm" aria-labelledby={labelled ? titleId : undefined}>
      <div className="card-header bg-body d-flex flex-wrap align-items-center justify-content-between gap-2 py-3">
        <h2 id={titleId} className="h5 mb-0">
          {title}
        </h2>
        {action}
      </div>
      <div className={bodyClassName}>{children}</div>
    </section>
  );
}

/** A settings card without a header bar: the h2 title (id `titleId`) opens the body and names the region. */
export function TitledCard({
  titleId,
  title,
  titleClassName = 'h5 mb-3',
  children,
}: {
  titleId: string;
  title: string;
  titleClassName?: string;
  children: ReactNode;
}) {
  return (
    <section className="card shadow-sm" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 id={titleId} className={titleClassName}>
          {title}
        </h2>
        {children}
      </div>
    </section>
  );
}

/** A message the user can close (the outcome of an action), announced by the caller's live region. */
export function DismissibleAlert({
  variant,
  onClose,
  className = '',
  testId,
  children,
}: {
  variant: 'success' | 'info';
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`alert alert-${variant} d-flex justify-content-between align-items-start gap-3 ${className}`.trim()}
      data-testid={testId}
    >
      <span>{children}</span>
      <button type="button" className="btn-close" aria-label={t('common.close')} onClick={onClose} />
    </div>
  );
}
