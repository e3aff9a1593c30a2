import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SERVICE_IDS, type ServiceId } from '../../../core/services';
import type { StartAdvisorRunBody } from '../../../shared/api/advisor';
import { useConnections } from '../../api/hooks';
import { useFormat } from '../../i18n/format';
import { useCollectionList, useStartRun } from '../../pages/advisor/api';
import { useStartScan } from '../../pages/advisor/scans/api';
import { RegionPicker } from '../RegionPicker';
import { noRegionChosen, type RegionSelection } from '../regionChoices';
import { ServiceCheckboxes } from '../ServiceCheckboxes';
import { ErrorAlert } from '../States';
import { ScanScope, type ScopeState, targetOf } from './ScanScope';

const REUSABLE = new Set(['completed', 'completed_with_errors']);

/** Choose services and data (collect now in chosen regions, or reuse a completed collection). */
export function StartRunForm({
  onStarted,
  onScanStarted,
}: {
  onStarted: (runId: string) => void;
  /** With an organization connection: a run over many accounts (a scan) was started. */
  onScanStarted?: (scanId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const connections = useConnections();
  const collections = useCollectionList();
  const start = useStartRun();
  const [services, setServices] = useState<ServiceId[]>([...SERVICE_IDS]);
  const [source, setSource] = useState<'collect' | 'reuse'>('collect');
  const [regions, setRegions] = useState<RegionSelection | null>(null);
  const [collectionId, setCollectionId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const startScan = useStartScan();
  const organizations = (connections.data?.connections ?? []).filter((c) => c.organization);
  const [scope, setScope] = useState<ScopeState>({
    kind: 'single',
    connectionId: '',
    ouId: '',
    accountIds: [],
  });
  const scopeOf = (): ScopeState =>
    scope.connectionId || !organizations[0] ? scope : { ...scope, connectionId: organizations[0].id };

  if (connections.data && connections.data.connections.length === 0) {
    return (
      <div className="alert alert-info d-flex flex-wrap align-items-center justify-content-between gap-2">
        <span>{t('advisor.start.needsConnection')}</span>
        <Link className="btn btn-sm btn-primary" to="/settings/aws">
          {t('advisor.start.connect')}
        </Link>
      </div>
    );
  }

  const reusable = (collections.data?.collections ?? []).filter((c) => REUSABLE.has(c.status));
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (services.length === 0) return setProblem(t('advisor.start.pickService'));
    const body: StartAdvisorRunBody = { services };
    const chosen = scopeOf();
    // A scan collects every account anew: reusing one collection applies to one account only.
    const scanning = chosen.kind !== 'single' && onScanStarted !== undefined;
    if (source === 'reuse' && !scanning) {
      if (!collectionId) return setProblem(t('advisor.start.pickCollection'));
      body.collectionId = collectionId;
    } else {
      if (noRegionChosen(regions)) return setProblem(t('regionPicker.needRegion'));
      body.regions = regions;
    }
    if (scanning) {
      const target = targetOf(chosen);
      if ('problem' in target) return setProblem(t(target.problem));
      setProblem(null);
      const { collectionId: _c, ...rest } = body;
      return startScan.mutate(
        { ...rest, regions: body.regions ?? 'all-enabled', connectionId: chosen.connectionId, target },
        { onSuccess: ({ scan }) => onScanStarted(scan.scanId) },
      );
    }
    setProblem(null);
    start.mutate(body, { onSuccess: ({ run }) => onStarted(run.runId) });
  };

  return (
    <form className="card stat-card mb-4" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5 mb-3">
          {t('advisor.start.title')}
        </h2>
        {start.isError && <ErrorAlert error={start.error} />}
        {startScan.isError && <ErrorAlert error={startScan.error} />}
        {problem && (
          <div className="alert alert-warning py-2" role="alert">
            {problem}
          </div>
        )}
        <div className="row g-3">
          {organizations.length > 0 && onScanStarted && (
            <ScanScope
              idPrefix={`${id}-scope`}
              organizations={organizations}
              scope={scopeOf()}
              onChange={setScope}
            />
          )}
          <ServiceCheckboxes
            className="col-12 col-lg-4"
            legend={t('advisor.start.services')}
            idPrefix={`${id}-svc`}
            selected={services}
            onToggle={(service) => setServices(toggle(services, service))}
            label={(service) => t(`advisor.services.${service}`)}
          />
          <fieldset className="col-12 col-lg-8">
            <legend className="form-label fs-6 fw-semibold">{t('advisor.start.source')}</legend>
            <div className="d-flex flex-wrap gap-3 mb-2">
              {(['collect', 'reuse'] as const).map((value) => (
                <div className="form-check" key={value}>
                  <input
                    className="form-check-input"
                    type="radio"
                    name={`${id}-source`}
                    id={`${id}-source-${value}`}
                    checked={source === value}
                    onChange={() => setSource(value)}
                  />
                  <label className="form-check-label" htmlFor={`${id}-source-${value}`}>
                    {t(value === 'collect' ? 'advisor.start.sourceCollect' : 'advisor.start.sourceReuse')}
                  </label>
                </div>
              ))}
            </div>
            {source === 'reuse' ? (
              reusable.length === 0 ? (
                <p className="small text-body-secondary mb-0">{t('advisor.start.noCollections')}</p>
              ) : (
                <div>
                  <label className="form-label small mb-1" htmlFor={`${id}-collection`}>
                    {t('advisor.start.collection')}
                  </label>
                  <select
                    id={`${id}-collection`}
                    className="form-select form-select-sm"
                    value={collectionId}
                    onChange={(e) => setCollectionId(e.target.value)}
                  >
                    <option value="">—</option>
                    {reusable.map((c) => (
                      <option key={c.id} value={c.id}>
                        {t('advisor.start.collectionOption', {
                          date: fmt.dateTime(c.finishedAt ?? c.requestedAt),
                          regions: c.regions.join(', '),
                        })}
                      </option>
                    ))}
                  </select>
                </div>
              )
            ) : (
              <RegionPicker idPrefix={`${id}-regions`} value={regions} onChange={setRegions} />
            )}
          </fieldset>
        </div>
        <button
          type="submit"
          className="btn btn-primary mt-3"
          disabled={start.isPending || startScan.isPending}
        >
          {(start.isPending || startScan.isPending) && (
            <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
          )}
          {start.isPending || startScan.isPending ? t('advisor.start.submitting') : t('advisor.start.submit')}
        </button>
      </div>
    </form>
  );
}
