import { Amount } from '../../components/Amount';
import '../../components/advisor/advisor.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CATEGORIES, SERVICE_IDS, SEVERITIES } from '../../../core/services';
import { type CollectionMetadataDto, FINAL_STATUSES } from '../../../shared/api/collections';
import type { DashboardResponse } from '../../../shared/api/dashboard';
import { CATEGORY_COLORS, ScoreValue, SEVERITY_COLORS, scoreClass } from '../../components/advisor/badges';
import { Card, StatCard } from '../../components/Card';
import { LastCollection } from '../../components/dashboard/LastCollection';
import { BarChart, DoughnutChart, LineChart } from '../../components/dashboard/LazyCharts';
import { Sources } from '../../components/dashboard/Sources';
import { TopSavings } from '../../components/dashboard/TopSavings';
import { GettingStarted } from '../../components/GettingStarted';
import { CloudIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { OrgRollup } from '../../components/scope/OrgRollup';
import { useFormat } from '../../i18n/format';
import { useAdvisorRuns, useCollection, useCollectionList } from '../advisor/api';
import {
  latestCollectionPerService,
  mergedResourcesByRegion,
  mergedResourcesByService,
  resourceTotal,
} from './aggregate';
import { useCollectionDetails, useDashboard } from './api';

/**
 * The first page after sign-in: the account at a glance, or the way there for a new user. Every
 * per-service figure comes from the latest run (or collection) that covered that service; the
 * trends stay one point per run.
 */
const NO_RUN: DashboardResponse = { sources: [], results: null, topSavings: [] };

export function DashboardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useAdvisorRuns(50);
  const dashboard = useDashboard();
  const collections = useCollectionList();
  const completedRuns = (runs.data?.runs ?? []).filter((r) => r.status === 'completed' && r.results);
  const allCollections = collections.data?.collections ?? [];
  const finished = allCollections.filter((c) => FINAL_STATUSES.includes(c.status));
  const lastCollection = useCollection(finished[0]?.id);
  const withData = finished.filter((c) => c.status === 'completed' || c.status === 'completed_with_errors');
  const collectionSources = latestCollectionPerService(allCollections);
  const details = useCollectionDetails([...new Set(collectionSources.map((s) => s.collectionId))]);
  const detailResults = new Map<string, CollectionMetadataDto['results']>();
  for (const d of details) if (d.data) detailResults.set(d.data.collection.id, d.data.collection.results);
  const regionCounts = mergedResourcesByRegion(collectionSources, detailResults);
  const byService = mergedResourcesByService(collectionSources, allCollections);
  const resources = Object.values(byService).reduce((a, b) => a + b, 0);
  const regionCount = new Set(
    allCollections
      .filter((c) => collectionSources.some((s) => s.collectionId === c.id))
      .flatMap((c) => c.regions),
  ).size;

  // The "three steps" intro suits a console still on its way; once it has data, say what it shows.
  const ready = withData.length > 0 && completedRuns.length > 0;
  const header = (
    <PageHeader title={t('pages.dashboard.title')}>
      {t(ready ? 'pages.dashboard.introReady' : 'pages.dashboard.intro')}
    </PageHeader>
  );
  if (runs.isPending || collections.isPending || dashboard.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  const failed = runs.error ?? collections.error ?? dashboard.error;
  if (failed)
    return (
      <>
        {header}
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void runs.refetch();
            void collections.refetch();
            void dashboard.refetch();
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

  const { results, sources: runSources, topSavings } = dashboard.data ?? NO_RUN;
  const newestRunSource = runSources
    .map((r) => r.at)
    .sort()
    .at(-1);
  const scoreTrend = [...completedRuns].reverse();
  const resourceTrend = [...withData].reverse();
  const shortDate = (iso: string) =>
    new Date(iso).toLocaleDateString(fmt.locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });

  const trendHint = <p className="small text-body-secondary mb-0 mt-2">{t('dashboard.trendEmpty')}</p>;
  const shownServices = SERVICE_IDS.filter((s) => byService[s] !== undefined);

  return (
    <>
      {header}
      <GettingStarted hideWhenDone />
      <OrgRollup />
      <div className="row g-3 mb-3">
        <StatCard label={t('dashboard.resources')} value={fmt.number(resources)} testId="dash-resources">
          <div className="small text-body-secondary mt-2">
            {t('dashboard.resourcesInRegions', { count: regionCount })}
          </div>
        </StatCard>
        <StatCard
          label={t('dashboard.score')}
          value={<ScoreValue score={results?.score.score ?? null} />}
          valueClassName={`score-big ${scoreClass(results?.score.score ?? null)}`}
          testId="dash-score"
        >
          {newestRunSource && (
            <div className="small text-body-secondary mt-2">
              {t('dashboard.scoreOf', { date: fmt.dateTime(newestRunSource) })}
            </div>
          )}
        </StatCard>
        <StatCard
          label={t('dashboard.openFindings')}
          value={fmt.number(results ? results.countsByStatus.fail + results.countsByStatus.warning : 0)}
          valueClassName="score-big text-danger-emphasis"
          testId="dash-open"
        >
          <Link className="small" to="/advisor">
            {results ? t('dashboard.viewAdvisor') : t('dashboard.runAdvisor')}
          </Link>
        </StatCard>
        <StatCard
          label={t('dashboard.savings')}
          value={<Amount usd={results?.estimatedMonthlySavingsUsd ?? 0} />}
          valueClassName="fs-2 fw-bold text-success-emphasis"
          testId="dash-savings"
        >
          <div className="small text-body-secondary mt-2">{t('dashboard.savingsHelp')}</div>
        </StatCard>
      </div>

      <div className="row g-3 mb-3">
        <Card col="col-12 col-lg-6" testId="chart-resources-service">
          <BarChart
            title={t('dashboard.resourcesByService')}
            series={{
              labels: shownServices.map((s) => t(`advisor.services.${s}`)),
              values: shownServices.map((s) => byService[s] ?? 0),
            }}
          />
        </Card>
        <Card col="col-12 col-lg-6" testId="chart-resources-region">
          <BarChart
            title={t('dashboard.resourcesByRegion')}
            horizontal
            color="#20a67a"
            series={{ labels: [...regionCounts.keys()], values: [...regionCounts.values()] }}
          />
        </Card>
      </div>

      <Sources runs={runSources} collections={collectionSources} />

      {results && (
        <div className="row g-3 mb-3">
          <Card col="col-12 col-lg-5" testId="chart-severity">
            <DoughnutChart
              title={t('dashboard.findingsBySeverity')}
              series={{
                labels: SEVERITIES.map((s) => t(`advisor.severities.${s}`)),
                values: SEVERITIES.map((s) => results.openBySeverity[s] ?? 0),
                colors: SEVERITIES.map((s) => SEVERITY_COLORS[s]),
              }}
            />
          </Card>
          <Card col="col-12 col-lg-7" testId="chart-category">
            <BarChart
              title={t('dashboard.findingsByCategory')}
              horizontal
              series={{
                labels: CATEGORIES.map((c) => t(`advisor.categories.${c}`)),
                values: CATEGORIES.map((c) => results.openByCategory[c] ?? 0),
                colors: CATEGORY_COLORS,
              }}
            />
          </Card>
        </div>
      )}

      <div className="row g-3 mb-3">
        <Card col="col-12 col-lg-6" testId="chart-score-trend">
          <LineChart
            title={t('dashboard.scoreTrend')}
            max={100}
            series={{
              labels: scoreTrend.map((r) => shortDate(r.finishedAt ?? r.requestedAt)),
              values: scoreTrend.map((r) => Math.round(r.results?.score.score ?? 0)),
            }}
          />
          {scoreTrend.length < 2 && trendHint}
        </Card>
        <Card col="col-12 col-lg-6" testId="chart-resource-trend">
          <LineChart
            title={t('dashboard.resourceTrend')}
            color="#20a67a"
            series={{
              labels: resourceTrend.map((c) => shortDate(c.finishedAt ?? c.requestedAt)),
              values: resourceTrend.map((c) => resourceTotal(c.resourceCounts)),
            }}
          />
          {resourceTrend.length < 2 && trendHint}
        </Card>
      </div>

      <div className="row g-3">
        <div className="col-12 col-xl-7">
          <TopSavings top={topSavings} />
        </div>
        <div className="col-12 col-xl-5">
          <LastCollection collection={lastCollection.data?.collection} summary={finished[0]} />
        </div>
      </div>
    </>
  );
}
