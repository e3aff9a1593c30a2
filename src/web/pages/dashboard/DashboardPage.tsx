import '../../components/advisor/advisor.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CATEGORIES, SERVICE_IDS, SEVERITIES } from '../../../core/services';
import { FINAL_STATUSES } from '../../../shared/api/collections';
import { CATEGORY_COLORS, ScoreValue, SEVERITY_COLORS, scoreClass } from '../../components/advisor/badges';
import { BarChart, DoughnutChart, LineChart } from '../../components/dashboard/Charts';
import { LastCollection } from '../../components/dashboard/LastCollection';
import { TopSavings } from '../../components/dashboard/TopSavings';
import { GettingStarted } from '../../components/GettingStarted';
import { CloudIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useAdvisorRun, useAdvisorRuns, useCollection, useCollectionList } from '../advisor/api';
import { resourcesByRegion, resourcesByService, resourceTotal } from './aggregate';

/** The first page after sign-in: the account at a glance, or the way there for a new user. */
export function DashboardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useAdvisorRuns(50);
  const collections = useCollectionList();
  const completedRuns = (runs.data?.runs ?? []).filter((r) => r.status === 'completed' && r.results);
  const latestRun = completedRuns[0];
  const latestDetail = useAdvisorRun(latestRun?.runId);
  const finished = (collections.data?.collections ?? []).filter((c) => FINAL_STATUSES.includes(c.status));
  const lastCollection = useCollection(finished[0]?.id);
  const withData = finished.filter((c) => c.status === 'completed' || c.status === 'completed_with_errors');
  const lastWithData = withData[0];

  const regionCounts = useMemo(
    () =>
      lastCollection.data
        ? resourcesByRegion(lastCollection.data.collection.results)
        : new Map<string, number>(),
    [lastCollection.data],
  );

  const header = <PageHeader title={t('pages.dashboard.title')}>{t('pages.dashboard.intro')}</PageHeader>;
  if (runs.isPending || collections.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  const failed = runs.error ?? collections.error;
  if (failed)
    return (
      <>
        {header}
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void runs.refetch();
            void collections.refetch();
          }}
        />
      </>
    );

  if (finished.length === 0 && completedRuns.length === 0) {
    return (
      <>
        {header}
        <div className="mb-4">
          <EmptyState icon={<CloudIcon size={32} />} title={t('dashboard.emptyTitle')}>
            {t('dashboard.emptyBody')}
          </EmptyState>
        </div>
        <GettingStarted />
      </>
    );
  }

  const byService = lastWithData ? resourcesByService(lastWithData.resourceCounts) : {};
  const results = latestRun?.results;
  const scoreTrend = [...completedRuns].reverse();
  const resourceTrend = [...withData].reverse();
  const shortDate = (iso: string) =>
    new Date(iso).toLocaleDateString(fmt.locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });

  return (
    <>
      {header}
      <div className="row g-3 mb-3">
        <div className="col-6 col-lg-3">
          <div className="card stat-card h-100">
            <div className="card-body">
              <div className="stat-label">{t('dashboard.resources')}</div>
              <div className="score-big" data-testid="dash-resources">
                {fmt.number(lastWithData ? resourceTotal(lastWithData.resourceCounts) : 0)}
              </div>
              <div className="small text-body-secondary mt-2">
                {t('dashboard.resourcesTotal', {
                  count: fmt.number(lastWithData ? resourceTotal(lastWithData.resourceCounts) : 0),
                  regions: fmt.number(lastWithData?.regions.length ?? 0),
                })}
              </div>
            </div>
          </div>
        </div>
        <div className="col-6 col-lg-3">
          <div className="card stat-card h-100">
            <div className="card-body">
              <div className="stat-label">{t('dashboard.score')}</div>
              <div
                className={`score-big ${scoreClass(results?.score.score ?? null)}`}
                data-testid="dash-score"
              >
                <ScoreValue score={results?.score.score ?? null} />
              </div>
              {latestRun && (
                <div className="small text-body-secondary mt-2">
                  {t('dashboard.scoreOf', {
                    date: fmt.dateTime(latestRun.finishedAt ?? latestRun.requestedAt),
                  })}
                </div>
              )}
            </div>
          </div>
        </div>
        <div className="col-6 col-lg-3">
          <div className="card stat-card h-100">
            <div className="card-body">
              <div className="stat-label">{t('dashboard.openFindings')}</div>
              <div className="score-big text-danger-emphasis" data-testid="dash-open">
                {fmt.number(results ? results.countsByStatus.fail + results.countsByStatus.warning : 0)}
              </div>
              <Link className="small" to="/advisor">
                {latestRun ? t('dashboard.viewAdvisor') : t('dashboard.runAdvisor')}
              </Link>
            </div>
          </div>
        </div>
        <div className="col-6 col-lg-3">
          <div className="card stat-card h-100">
            <div className="card-body">
              <div className="stat-label">{t('dashboard.savings')}</div>
              <div className="fs-2 fw-bold text-success-emphasis" data-testid="dash-savings">
                {fmt.usd(results?.estimatedMonthlySavingsUsd ?? 0)}
              </div>
              <div className="small text-body-secondary mt-2">{t('dashboard.savingsHelp')}</div>
            </div>
          </div>
        </div>
      </div>

      <div className="row g-3 mb-3">
        <div className="col-12 col-lg-6">
          <div className="card stat-card h-100">
            <div className="card-body" data-testid="chart-resources-service">
              <BarChart
                title={t('dashboard.resourcesByService')}
                series={{
                  labels: SERVICE_IDS.filter((s) => byService[s] !== undefined).map((s) =>
                    t(`advisor.services.${s}`),
                  ),
                  values: SERVICE_IDS.filter((s) => byService[s] !== undefined).map((s) => byService[s] ?? 0),
                }}
              />
            </div>
          </div>
        </div>
        <div className="col-12 col-lg-6">
          <div className="card stat-card h-100">
            <div className="card-body" data-testid="chart-resources-region">
              <BarChart
                title={t('dashboard.resourcesByRegion')}
                horizontal
                color="#20a67a"
                series={{ labels: [...regionCounts.keys()], values: [...regionCounts.values()] }}
              />
            </div>
          </div>
        </div>
      </div>

      {results && (
        <div className="row g-3 mb-3">
          <div className="col-12 col-lg-5">
            <div className="card stat-card h-100">
              <div className="card-body" data-testid="chart-severity">
                <DoughnutChart
                  title={t('dashboard.findingsBySeverity')}
                  series={{
                    labels: SEVERITIES.map((s) => t(`advisor.severities.${s}`)),
                    values: SEVERITIES.map((s) => results.openBySeverity[s] ?? 0),
                    colors: SEVERITIES.map((s) => SEVERITY_COLORS[s]),
                  }}
                />
              </div>
            </div>
          </div>
          <div className="col-12 col-lg-7">
            <div className="card stat-card h-100">
              <div className="card-body" data-testid="chart-category">
                <BarChart
                  title={t('dashboard.findingsByCategory')}
                  horizontal
                  series={{
                    labels: CATEGORIES.map((c) => t(`advisor.categories.${c}`)),
                    values: CATEGORIES.map((c) => results.openByCategory[c] ?? 0),
                    colors: CATEGORY_COLORS,
                  }}
                />
              </div>
            </div>
          </div>
        </div>
      )}

      <div className="row g-3 mb-3">
        <div className="col-12 col-lg-6">
          <div className="card stat-card h-100">
            <div className="card-body" data-testid="chart-score-trend">
              <LineChart
                title={t('dashboard.scoreTrend')}
                max={100}
                series={{
                  labels: scoreTrend.map((r) => shortDate(r.finishedAt ?? r.requestedAt)),
                  values: scoreTrend.map((r) => Math.round(r.results?.score.score ?? 0)),
                }}
              />
              {scoreTrend.length < 2 && (
                <p className="small text-body-secondary mb-0 mt-2">{t('dashboard.trendEmpty')}</p>
              )}
            </div>
          </div>
        </div>
        <div className="col-12 col-lg-6">
          <div className="card stat-card h-100">
            <div className="card-body" data-testid="chart-resource-trend">
              <LineChart
                title={t('dashboard.resourceTrend')}
                color="#20a67a"
                series={{
                  labels: resourceTrend.map((c) => shortDate(c.finishedAt ?? c.requestedAt)),
                  values: resourceTrend.map((c) => resourceTotal(c.resourceCounts)),
                }}
              />
              {resourceTrend.length < 2 && (
                <p className="small text-body-secondary mb-0 mt-2">{t('dashboard.trendEmpty')}</p>
              )}
            </div>
          </div>
        </div>
      </div>

      <div className="row g-3">
        <div className="col-12 col-xl-7">
          <TopSavings detail={latestDetail.data} pending={Boolean(latestRun) && latestDetail.isPending} />
        </div>
        <div className="col-12 col-xl-5">
          <LastCollection collection={lastCollection.data?.collection} summary={finished[0]} />
        </div>
      </div>
    </>
  );
}
