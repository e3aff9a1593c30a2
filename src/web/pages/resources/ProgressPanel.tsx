import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../../core/services';
import {
  type CollectionStatus,
  type ProgressEntry,
  progressByServiceRegion,
} from '../../../shared/api/collections';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProgressStateBadge } from '../../components/resources/StatusBadge';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useCancelCollection } from './api';
import { ErrorsTable } from './ErrorsTable';

/** Live service × region grid, overall bar, cancel, and the errors as they happen. */
export function ProgressPanel({
  collectionId,
  services,
  regions,
  entries,
  status,
  connected,
}: {
  collectionId: string;
  services: ServiceId[];
  regions: string[];
  entries: ProgressEntry[];
  status: CollectionStatus | null;
  connected: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cancel = useCancelCollection();
  const [confirming, setConfirming] = useState(false);
  const cells = new Map(progressByServiceRegion(entries).map((c) => [`${c.service}|${c.region}`, c]));
  // Regions of the grid: the requested ones, plus any the run resolved ('all enabled', global IAM).
  const gridRegions = [...new Set([...regions, ...entries.map((e) => e.region)])];
  const finished = entries.filter(
    (e) => e.state === 'done' || e.state === 'error' || e.state === 'skipped',
  ).length;
  const total = entries.length;
  const percent = total === 0 ? 0 : Math.round((finished / total) * 100);
  const errors = entries.flatMap((e) => (e.error ? [e.error] : []));

  return (
    <section className="card shadow-sm mb-4" aria-labelledby="progress-title">
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
          <h2 className="h5 mb-0" id="progress-title">
            {t('resources.progress.title')}
          </h2>
          <span className={`badge ${connected ? 'state-badge state-done' : 'state-badge state-skipped'}`}>
            {connected ? t('resources.progress.live') : t('resources.progress.reconnecting')}
          </span>
          <button
            type="button"
            className="btn btn-sm btn-outline-danger ms-auto"
            onClick={() => setConfirming(true)}
            disabled={cancel.isPending || status === 'cancelled'}
          >
            {t('resources.progress.cancel')}
          </button>
        </div>
        {cancel.error && <ErrorAlert error={cancel.error} />}
        <div
          className="progress mb-1"
          role="progressbar"
          aria-label={t('resources.progress.title')}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ height: '1.25rem' }}
        >
          <div
            className="progress-bar progress-bar-striped progress-bar-animated"
            style={{ width: `${percent}%` }}
          >
            {percent}%
          </div>
        </div>
        <p className="small text-body-secondary mb-3" data-testid="progress-overall">
          {total === 0
            ? t('resources.progress.waiting')
            : t('resources.progress.overall', {
                finished: format.number(finished),
                total: format.number(total),
              })}
        </p>
        {/* Regions as rows: "all enabled" means 20+ regions, which must not scroll sideways. */}
        <table className="table table-sm align-middle progress-grid mb-0" data-testid="progress-grid">
          <thead>
            <tr>
              <th scope="col">{t('resources.errorColumns.region')}</th>
              {services.map((service) => (
                <th scope="col" key={service}>
                  {t(`resources.services.${service}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gridRegions.map((region) => (
              <tr key={region}>
                <th scope="row" className="font-monospace small fw-semibold">
                  {region === 'global' ? t('resources.values.global') : region}
                </th>
                {services.map((service) => {
                  const cell = cells.get(`${service}|${region}`);
                  return (
                    <td key={service} className="progress-cell" data-state={cell?.state ?? 'none'}>
                      {cell ? (
                        <span className="d-inline-flex align-items-baseline gap-2">
                          <ProgressStateBadge state={cell.state} />
                          <span className="small text-body-secondary">
                            {t('resources.progress.found', { formattedCount: format.number(cell.count) })}
                          </span>
                        </span>
                      ) : (
                        <span className="text-body-secondary">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {errors.length > 0 && (
          <div className="mt-3">
            <h3 className="h6">{t('resources.collection.errorsTitle', { count: errors.length })}</h3>
            <ErrorsTable errors={errors} />
          </div>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('resources.progress.cancelTitle')}
          body={t('resources.progress.cancelBody')}
          confirmLabel={t('resources.progress.cancelConfirm')}
          busy={cancel.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => cancel.mutate(collectionId, { onSettled: () => setConfirming(false) })}
        />
      )}
    </section>
  );
}
