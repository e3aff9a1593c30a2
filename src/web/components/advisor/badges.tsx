import { useTranslation } from 'react-i18next';
import type { FindingStatus, Severity } from '../../../core/services';
import {
  SEVERITY_TEXT_COLORS,
  SEVERITY_COLORS as SHARED_SEVERITY_COLORS,
} from '../../../shared/advisor-text';
import type { AdvisorRunStatus } from '../../../shared/api/advisor';

const STATUS_CLASS: Record<FindingStatus, string> = {
  fail: 'badge-status-fail',
  warning: 'badge-status-warning',
  pass: 'badge-status-pass',
  unknown: 'badge-status-unknown',
  not_applicable: 'badge-status-unknown',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span
      className="badge"
      data-severity={severity}
      style={{ backgroundColor: SHARED_SEVERITY_COLORS[severity], color: SEVERITY_TEXT_COLORS[severity] }}
    >
      {t(`advisor.severities.${severity}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge rounded-pill border ${STATUS_CLASS[status]}`}>
      {t(`advisor.statuses.${status}`)}
    </span>
  );
}

/** Chart and legend colours per severity: the same as the PDF's (src/shared/advisor-text.ts). */
export const SEVERITY_COLORS = SHARED_SEVERITY_COLORS;

export const CATEGORY_COLORS = ['#2f5bd3', '#20c997', '#f0b429', '#6f42c1', '#fd7e14'];

/** A 0–100 score as text, or the "n/a" word when nothing could be scored. */
export function ScoreValue({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <>{t('advisor.results.noScore')}</>;
  return <>{Math.round(score)}</>;
}

export function scoreClass(score: number | null): string {
  if (score === null) return 'text-body-secondary';
  if (score >= 80) return 'text-success-emphasis';
  if (score >= 50) return 'text-warning-emphasis';
  return 'text-danger-emphasis';
}

const RUN_STATUS_CLASS: Record<AdvisorRunStatus, string> = {
  queued: 'text-bg-secondary',
  collecting: 'text-bg-primary',
  evaluating: 'text-bg-primary',
  completed: 'text-bg-success',
  failed: 'text-bg-danger',
  cancelled: 'text-bg-secondary',
};

/** An advisor run's status, coloured like a collection's in the resources history. */
export function RunStatusBadge({ status }: { status: AdvisorRunStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${RUN_STATUS_CLASS[status]}`} data-status={status}>
      {t(`advisor.runStatuses.${status}`)}
    </span>
  );
}
