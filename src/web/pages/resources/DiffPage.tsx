import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { CollectorDiff, DiffResourceRef } from '../../../shared/api/collections';
import { PageHeader } from '../../components/PageHeader';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { CollectionStatusBadge } from '../../components/resources/StatusBadge';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useDiff } from './api';
import { collectorLabelKey } from './collectors';

type Ref = z.infer<typeof DiffResourceRef>;

/** A changed value, compactly: scalars as text, structures as one-line JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function RefLabel({ item }: { item: Ref }) {
  return (
    <>
      <span className="font-monospace small">{item.id}</span>
      {item.name && item.name !== item.id && <span className="text-body-secondary"> · {item.name}</span>}
      <span className="text-body-secondary small"> ({item.region})</span>
    </>
  );
}

function CollectorSection({ diff }: { diff: z.infer<typeof CollectorDiff> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <div className="mb-3">
      <h3 className="h6">
        {t(collectorLabelKey(diff.collector))}{' '}
        <span className="small text-body-secondary fw-normal">
          {t('resources.diff.totals', {
            added: format.number(diff.added.length),
            removed: format.number(diff.removed.length),
            changed: format.number(diff.changed.length),
          })}
        </span>
      </h3>
      <ul className="list-unstyled mb-0 small">
        {diff.added.map((item) => (
          <li key={`a|${item.region}|${item.id}`} className="mb-1">
            <span className="badge state-badge state-done me-2">{t('resources.diff.added')}</span>
            <RefLabel item={item} />
          </li>
        ))}
        {diff.removed.map((item) => (
          <li key={`r|${item.region}|${item.id}`} className="mb-1">
            <span className="badge state-badge state-error me-2">{t('resources.diff.removed')}</span>
            <RefLabel item={item} />
          </li>
        ))}
        {diff.changed.map((item) => (
          <li key={`c|${item.region}|${item.id}`} className="mb-2">
            <span className="badge state-badge state-running me-2">{t('resources.diff.changed')}</span>
            <RefLabel item={item} />
            <table className="table table-sm mt-1 mb-0 ms-md-4 w-auto">
              <thead>
                <tr>
                  <th scope="col">{t('resources.diff.field')}</th>
                  <th scope="col">{t('resources.diff.before')}</th>
                  <th scope="col">{t('resources.diff.after')}</th>
                </tr>
              </thead>
              <tbody>
                {item.fields.map((field) => (
                  <tr key={field.path}>
                    <td className="font-monospace">{field.path}</td>
                    <td className="diff-before text-break">{show(field.before)}</td>
                    <td className="diff-after text-break">→ {show(field.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Two collections of one account side by side: added, removed and changed resources per service. */
export function DiffPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const diff = useDiff(from, to);

  return (
    <>
      <ResourcesBreadcrumb />
      <PageHeader title={t('resources.diff.title')} />
      {!(from && to) && <p className="text-body-secondary">{t('resources.diff.pickTwo')}</p>}
      {diff.isLoading && <Loading />}
      {diff.isError && <ErrorAlert error={diff.error} />}
      {diff.data && (
        <>
          <div className="row g-3 mb-4">
            {(
              [
                ['from', diff.data.from],
                ['to', diff.data.to],
              ] as const
            ).map(([side, summary]) => (
              <div className="col-md-6" key={side}>
                <div className="card shadow-sm h-100">
                  <div className="card-body">
                    <div className="small text-body-secondary">{t(`resources.diff.${side}`)}</div>
                    <Link
                      to={`/resources/collections/${encodeURIComponent(summary.id)}`}
                      className="fw-semibold"
                    >
                      {format.dateTime(summary.startedAt ?? summary.requestedAt)}
                    </Link>{' '}
                    <CollectionStatusBadge status={summary.status} />
                    <div className="small font-monospace mt-1">{summary.regions.join(', ')}</div>
                  </div>
                </div>
              </div>
            ))}
          </div>
          <p className="fw-semibold" data-testid="diff-totals">
            {t('resources.diff.totals', {
              added: format.number(diff.data.totals.added),
              removed: format.number(diff.data.totals.removed),
              changed: format.number(diff.data.totals.changed),
            })}
          </p>
          {diff.data.totals.added + diff.data.totals.removed + diff.data.totals.changed === 0 ? (
            <p className="text-body-secondary">{t('resources.diff.noChanges')}</p>
          ) : (
            diff.data.services.map((service) => (
              <section
                key={service.service}
                className="card shadow-sm mb-3"
                aria-labelledby={`diff-${service.service}`}
              >
                <div className="card-body">
                  <h2 className="h5" id={`diff-${service.service}`}>
                    {t(`resources.services.${service.service}`)}
                  </h2>
                  {service.collectors.every(
                    (c) => c.added.length + c.removed.length + c.changed.length === 0,
                  ) ? (
                    <p className="text-body-secondary mb-0">{t('resources.diff.noChanges')}</p>
                  ) : (
                    service.collectors.map((c) => <CollectorSection key={c.collector} diff={c} />)
                  )}
                </div>
              </section>
            ))
          )}
        </>
      )}
    </>
  );
}
