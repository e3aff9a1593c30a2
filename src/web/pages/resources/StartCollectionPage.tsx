import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { SERVICE_IDS, type ServiceId } from '../../../core/services';
import { useConnections } from '../../api/hooks';
import { ConnectionSelect } from '../../components/ConnectionSelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionPicker } from '../../components/RegionPicker';
import { noRegionChosen, type RegionSelection } from '../../components/regionChoices';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { ServiceCheckboxes } from '../../components/ServiceCheckboxes';
import { ErrorAlert, Loading } from '../../components/States';
import { useStartCollection } from './api';

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
  const [services, setServices] = useState<ServiceId[]>([...SERVICE_IDS]);
  const [regions, setRegions] = useState<RegionSelection | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useStartCollection();

  if (connections.isPending) return <Loading />;
  if (connections.isError)
    return <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />;
  const list = connections.data.connections;

  const chooseConnection = (id: string) => {
    setConnectionId(id);
    // Another account may have other regions: propose its home region again.
    if (regions !== 'all-enabled') setRegions(null);
  };

  const toggleService = (service: ServiceId, on: boolean) =>
    setServices((prev) =>
      on ? SERVICE_IDS.filter((s) => s === service || prev.includes(s)) : prev.filter((s) => s !== service),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (services.length === 0) return setProblem(t('resources.start.needService'));
    if (noRegionChosen(regions)) return setProblem(t('regionPicker.needRegion'));
    setProblem(null);
    start.mutate(
      {
        ...(chosenConnection ? { connectionId: chosenConnection } : {}),
        services,
        regions,
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
              <ConnectionSelect
                id="collection-connection"
                className="mb-4"
                style={{ maxWidth: '28rem' }}
                labelClassName="form-label fw-semibold"
                label={t('resources.start.connection')}
                value={chosenConnection}
                connections={list}
                onChange={chooseConnection}
              />
            )}
            <ServiceCheckboxes
              className="mb-4"
              legend={t('resources.start.services')}
              idPrefix="service"
              selected={services}
              onToggle={toggleService}
              label={(service) => t(`resources.services.${service}`)}
            />
            <RegionPicker
              className="mb-4"
              idPrefix="collection-regions"
              connectionId={chosenConnection}
              value={regions}
              onChange={setRegions}
            />
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
