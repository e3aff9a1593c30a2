import { useTranslation } from 'react-i18next';
import type { CollectionStatus } from '../../../shared/api/collections';
import './resources.css';

type ProgressState = 'pending' | 'running' | 'done' | 'error' | 'skipped';

const STATUS_CLASS: Record<CollectionStatus, string> = {
  queued: 'text-bg-secondary',
  running: 'text-bg-primary',
  completed: 'text-bg-success',
  completed_with_errors: 'text-bg-warning',
  failed: 'text-bg-danger',
  cancelled: 'text-bg-secondary',
};

export function CollectionStatusBadge({ status }: { status: CollectionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_CLASS[status]}`} data-status={status}>
      {status === 'running' && (
        <span className="spinner-grow spinner-grow-sm me-1 status-pulse" aria-hidden="true" />
      )}
      {t(`resources.status.${status}`)}
    </span>
  );
}

export const STATE_CLASS: Record<ProgressState, string> = {
  pending: 'state-pending',
  running: 'state-running',
  done: 'state-done',
  error: 'state-error',
  skipped: 'state-skipped',
};

export function ProgressStateBadge({ state }: { state: ProgressState }) {
  const { t } = useTranslation();
  return <span className={`badge state-badge ${STATE_CLASS[state]}`}>{t(`resources.state.${state}`)}</span>;
}

/** A resource's own state (running, stopped, available …): green for healthy, grey otherwise. */
export function ResourceStateBadge({ state }: { state: string | undefined }) {
  if (!state) return null;
  const good = ['running', 'available', 'in-use', 'completed', 'active', 'enabled', 'Enabled'];
  const bad = ['stopped', 'error', 'failed', 'terminated', 'deleting', 'shutting-down', 'deleted'];
  const cls = good.includes(state)
    ? 'text-bg-success'
    : bad.includes(state)
      ? 'text-bg-danger'
      : 'text-bg-secondary';
  return (
    <span className={`badge ${cls}`} lang="en">
      {state}
    </span>
  );
}

/** Yes / No as a small badge so boolean columns scan quickly. */
export function YesNo({ value, good }: { value: boolean | undefined; good?: boolean }) {
  const { t } = useTranslation();
  if (value === undefined) return <span className="text-body-secondary">—</span>;
  const tone =
    good === undefined ? 'text-bg-light border' : value === good ? 'text-bg-success' : 'text-bg-danger';
  return (
    <span className={`badge ${tone}`}>{value ? t('resources.values.yes') : t('resources.values.no')}</span>
  );
}
