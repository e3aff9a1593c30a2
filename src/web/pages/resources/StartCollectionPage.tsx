import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { SERVICE_IDS, type ServiceId } from '../../../core/services';
import { useConnections } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { ServiceCheckboxes } from '../../components/ServiceCheckboxes';
import { ErrorAlert, Loading } from '../../components/States';
import { useRegions, useStartCollection } from './api';

type RegionMode = 'all-enabled' | 'chosen';

/** The start form: connection (when several), services, regions; on success, the live progress. */
export function StartCollectionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const connections = useConnections();
  const [connectionId, setConnectionId] = useState<string | undefined>(undefined);
  const chosenConnection =
    connectionId ??
    connections.data?.connections.find((c) => c.isDefault)?.id ??
    connections.data?.connections[0]?.id;
  const regions = useRegions(chosenConnection);
  const [services, setServices] = useState<ServiceId[]>([...SERVICE_IDS]);
  const [mode, setMode] = useState<RegionMode>('chosen');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useStartCollection();

  if (connections.isPending) return <Loading />;
  if (connections.isError)
    return <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />;
  const list = connections.data.connections;
  const regionList = regions.data?.regions ?? [];
  // Until the user picks, the first enabled region is proposed (usually the home region).
  const selectedRegions =
    chosen ?? (regionList.find((r) => r.name === 'us-east-1' && r.enabled) ? ['us-east-1'] : []);

  const toggleService = (service: ServiceId, on: boolean) =>
    setServices((prev) =>
      on ? SERVICE_IDS.filter((s) => s === service || prev.includes(s)) : prev.filter((s) => s !== service),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (services.length === 0) return setProblem(t('resources.start.needService'));
    if (mode === 'chosen' && selectedRegions.length === 0) return setProblem(t('resources.start.needRegion'));
    setProblem(null);
    start.mutate(
      {
        ...(chosenConnection ? { connectionId: chosenConnection } : {}),
        services,
        regions: mode === 'all-enabled' ? 'all-enabled' : selectedRegions,
      },
      { onSuccess: (collection) => navigate(`/resources/collections/${encodeURIComponent(collection.id)}`) },
    );
  };

  return (
    <>
      <ResourcesBreadcrumb />
      <PageHeader title={t('resources.start.title')}>{t('resources.start.intro')}</PageHeader>
      {list.length === 0 ? (
        <div className="alert alert-info">
          {t('resources.start.needConnection')}{' '}
          <Link to="/settings/aws">{t('resources.start.connectLink')}</Link>
        </div>
      ) : (
        <form className="card shadow-sm" onSubmit={submit} noValidate>
          <div className="card-body">
            {list.length > 1 && (
              <div className="mb-4" style={{ maxWidth: '28rem' }}>
                <label className="form-label fw-semibold" htmlFor="collection-connection">
                  {t('resources.start.connection')}
                </label>
                <select
                  id="collection-connection"
                  className="form-select"
                  value={chosenConnection}
                  onChange={(event) => {
                    setConnectionId(event.target.value);
                    setChosen(null);
                  }}
                >
                  {list.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.accountId})
                    </option>
                  ))}
                </select>
              </div>
            )}
            <ServiceCheckboxes
              className="mb-4"
              legend={t('resources.start.services')}
              idPrefix="service"
              selected={services}
              onToggle={toggleService}
              label={(service) => t(`resources.services.${service}`)}
            />
            <fieldset className="mb-4">
              <legend className="form-label fw-semibold fs-6">{t('resources.start.regions')}</legend>
              <div className="form-check">
                <input
                  className="form-check-input"
                  type="radio"
                  name="region-mode"
                  id="region-mode-all"
                  checked={mode === 'all-enabled'}
                  onChange={() => setMode('all-enabled')}
                  aria-describedby="region-mode-all-help"
                />
                <label className="form-check-label" htmlFor="region-mode-all">
                  {t('resources.start.allEnabled')}
                </label>
                <div id="region-mode-all-help" className="form-text mt-0">
                  {t('resources.start.allEnabledHelp')}
                </div>
              </div>
              <div className="form-check mt-2">
                <input
                  className="form-check-input"
                  type="radio"
                  name="region-mode"
                  id="region-mode-chosen"
                  checked={mode === 'chosen'}
                  onChange={() => setMode('chosen')}
                />
                <label className="form-check-label" htmlFor="region-mode-chosen">
                  {t('resources.start.chosenRegions')}
                </label>
              </div>
              {mode === 'chosen' && (
                <div className="mt-2 ms-4" style={{ maxWidth: '24rem' }}>
                  {regions.isPending && <Loading />}
                  {regions.isError && (
                    <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />
                  )}
                  {regions.data?.source === 'fallback' && (
                    <p className="small text-body-secondary">{t('resources.start.regionsFallback')}</p>
                  )}
                  {regions.data && (
                    <>
                      <label className="visually-hidden" htmlFor="collection-regions">
                        {t('resources.start.chosenRegions')}
                      </label>
                      <select
                        id="collection-regions"
                        className="form-select region-select font-monospace"
                        multiple
                        value={selectedRegions}
                        aria-describedby="collection-regions-help"
                        onChange={(event) => setChosen([...event.target.selectedOptions].map((o) => o.value))}
                      >
                        {regionList.map((r) => (
                          <option key={r.name} value={r.name} disabled={!r.enabled}>
                            {r.enabled ? r.name : t('resources.start.notEnabled', { region: r.name })}
                          </option>
                        ))}
                      </select>
                      <div id="collection-regions-help" className="form-text">
                        {t('resources.start.regionsHelp')}
                      </div>
                    </>
                  )}
                </div>
              )}
            </fieldset>
            {problem && (
              <div className="alert alert-warning py-2" role="alert">
                {problem}
              </div>
            )}
            {start.error && <ErrorAlert error={start.error} />}
            <button type="submit" className="btn btn-primary" disabled={start.isPending}>
              {start.isPending && (
                <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
              )}
              {start.isPending ? t('resources.start.submitting') : t('resources.start.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
