import './spend.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useConnections } from '../../api/hooks';
import { Card } from '../../components/Card';
import { ConnectionSelect } from '../../components/ConnectionSelect';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { currentLang } from '../../i18n/index';
import { type SpendSelection, spendQueryString, useRefreshSpend, useSpend } from './api';
import { SpendChart } from './SpendChart';
import { SpendTable } from './SpendTable';

/**
 * Spend (FinOps): the connection's monthly AWS cost from Cost Explorer, by service or by a cost
 * allocation tag, with the advisor's savings beside each service. The choice lives in the URL
 * (?connection=…&groupBy=tag&tagKey=team) so it can be shared and the back button works.
 */
export function SpendPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const connections = useConnections();
  const list = connections.data?.connections ?? [];
  const connectionId =
    list.find((c) => c.id === params.get('connection'))?.id ??
    list.find((c) => c.isDefault)?.id ??
    list[0]?.id;
  const tagKey = params.get('tagKey')?.trim() ?? '';
  const groupBy = params.get('groupBy') === 'tag' && tagKey ? 'tag' : 'service';
  const selection: SpendSelection | null = connectionId ? { connectionId, groupBy, tagKey } : null;
  const spend = useSpend(selection);
  const refresh = useRefreshSpend(selection);
  // The tag choice is a draft until "Show": only complete choices go into the URL (and history).
  const [groupDraft, setGroupDraft] = useState<'service' | 'tag'>(groupBy);
  const [tagDraft, setTagDraft] = useState(tagKey);
  useEffect(() => {
    setGroupDraft(groupBy);
    setTagDraft(tagKey);
  }, [groupBy, tagKey]);

  const choose = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    refresh.reset();
    setParams(next);
  };
  const showTag = (event: FormEvent) => {
    event.preventDefault();
    choose({ groupBy: 'tag', tagKey: tagDraft.trim() });
  };

  const header = <PageHeader title={t('spend.title')}>{t('spend.intro')}</PageHeader>;
  if (connections.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (connections.error)
    return (
      <>
        {header}
        <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
      </>
    );
  if (!selection)
    return (
      <>
        {header}
        <EmptyState
          title={t('spend.noConnectionTitle')}
          action={
            <Link className="btn btn-primary" to="/settings/aws">
              {t('spend.openSettings')}
            </Link>
          }
        >
          {t('spend.noConnectionBody')}
        </EmptyState>
      </>
    );

  const data = spend.data;
  const label = (key: string) => (key === '' && data?.grouping.kind === 'tag' ? t('spend.untagged') : key);
  const refreshBlocked = data ? Date.now() < Date.parse(data.refreshAvailableAt) : true;
  const lang = currentLang(i18n);

  return (
    <>
      {header}
      <form className="spend-controls d-flex flex-wrap align-items-end gap-3 mb-3" onSubmit={showTag}>
        {list.length > 1 && (
          <ConnectionSelect
            id="spend-connection"
            label={t('spend.connection')}
            labelClassName="form-label small mb-1"
            selectClassName="form-select form-select-sm"
            value={selection.connectionId}
            connections={list}
            onChange={(connection) => choose({ connection })}
          />
        )}
        <div>
          <label className="form-label small mb-1" htmlFor="spend-group-by">
            {t('spend.groupBy')}
          </label>
          <select
            id="spend-group-by"
            className="form-select form-select-sm"
            value={groupDraft}
            onChange={(e) => {
              if (e.target.value === 'tag') setGroupDraft('tag');
              else choose({ groupBy: null, tagKey: null });
            }}
          >
            <option value="service">{t('spend.byService')}</option>
            <option value="tag">{t('spend.byTag')}</option>
          </select>
        </div>
        {groupDraft === 'tag' && (
          <div className="spend-tag-key">
            <label className="form-label small mb-1" htmlFor="spend-tag-key">
              {t('spend.tagKey')}
            </label>
            <div className="input-group input-group-sm">
              <input
                id="spend-tag-key"
                className="form-control"
                value={tagDraft}
                maxLength={128}
                required
                aria-describedby="spend-tag-key-help"
                onChange={(e) => setTagDraft(e.target.value)}
              />
              <button className="btn btn-outline-primary" type="submit">
                {t('spend.show')}
              </button>
            </div>
            <div id="spend-tag-key-help" className="form-text">
              {t('spend.tagKeyHelp')}
            </div>
          </div>
        )}
      </form>

      {spend.isFetching && !data && <Loading />}
      {spend.error && <ErrorAlert error={spend.error} onRetry={() => void spend.refetch()} />}
      {refresh.error && <ErrorAlert error={refresh.error} />}

      {data && (
        <>
          <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
            <div className="small text-body-secondary" data-testid="spend-fetched">
              <div>{t('spend.fetchedAt', { date: fmt.dateTime(data.fetchedAt) })}</div>
              <div>
                {t('spend.costNote', {
                  requests: t('spend.requests', {
                    count: data.costExplorerRequests,
                    formattedCount: fmt.number(data.costExplorerRequests),
                  }),
                })}
              </div>
            </div>
            <div className="d-flex flex-wrap gap-2">
              <button
                type="button"
                className="btn btn-sm btn-outline-primary"
                disabled={refresh.isPending || refreshBlocked}
                title={
                  refreshBlocked
                    ? t('spend.refreshAfter', { date: fmt.dateTime(data.refreshAvailableAt) })
                    : undefined
                }
                onClick={() => refresh.mutate()}
              >
                {refresh.isPending ? t('spend.refreshing') : t('spend.refresh')}
              </button>
              <a
                className="btn btn-sm btn-outline-primary"
                href={`/api/spend/${encodeURIComponent(selection.connectionId)}/export?${spendQueryString(selection, { lang })}`}
                download
              >
                {t('spend.downloadCsv')}
              </a>
            </div>
          </div>
          {refreshBlocked && (
            <p className="small text-body-secondary" data-testid="spend-refresh-after">
              {t('spend.refreshAfter', { date: fmt.dateTime(data.refreshAvailableAt) })}
            </p>
          )}
          {data.rows.length === 0 ? (
            <EmptyState title={t('spend.noCosts')} />
          ) : (
            <div className="row g-3">
              <Card col="col-12" testId="spend-chart">
                <SpendChart
                  data={data}
                  label={label}
                  title={
                    data.grouping.kind === 'tag'
                      ? t('spend.chartTitleTag', { key: data.grouping.key })
                      : t('spend.chartTitle')
                  }
                />
              </Card>
              <Card col="col-12">
                <SpendTable data={data} label={label} />
                {data.grouping.kind === 'service' && (
                  <p className="small text-body-secondary mt-2 mb-0">
                    {data.savingsSources.length > 0 ? t('spend.savingsHelp') : t('spend.noAdvisorRun')}
                  </p>
                )}
              </Card>
            </div>
          )}
        </>
      )}
    </>
  );
}
