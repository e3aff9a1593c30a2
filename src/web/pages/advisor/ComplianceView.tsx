import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { COMPLIANCE_FRAMEWORK_IDS, type ComplianceFrameworkId } from '../../../core/compliance';
import type { ComplianceResponse } from '../../../shared/api/compliance';
import { ComplianceControls, ControlStatusBadge } from '../../components/advisor/ComplianceControls';
import { ComplianceDownloads } from '../../components/advisor/ComplianceDownloads';
import { DataTable } from '../../components/DataTable';
import { LineChart } from '../../components/dashboard/LazyCharts';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useAdvisorRuns } from './api';
import { useCompliance } from './complianceApi';

const isFramework = (value: string | null): value is ComplianceFrameworkId =>
  (COMPLIANCE_FRAMEWORK_IDS as readonly (string | null)[]).includes(value);

const percent = (share: number | null, locale: string) =>
  share === null
    ? null
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

function Summary({ data }: { data: ComplianceResponse }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { pass, fail, unknown } = data.counts;
  const share = percent(data.passShare, fmt.locale);
  return (
    <section className="card stat-card mb-4" aria-labelledby="compliance-share-title">
      <div className="card-body">
        <h3 id="compliance-share-title" className="h6 text-body-secondary">
          {t('compliance.share')}
        </h3>
        <p className="display-6 mb-1" data-testid="compliance-share">
          {share ?? t('compliance.noShare')}
        </p>
        <p className="mb-2">{t('compliance.shareOf', { pass, judged: pass + fail + unknown })}</p>
        <ul className="list-inline mb-0" data-testid="compliance-counts">
          {(['pass', 'fail', 'unknown', 'manual'] as const).map((status) => (
            <li key={status} className="list-inline-item">
              <ControlStatusBadge status={status} /> {fmt.number(data.counts[status])}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Trend({ data }: { data: ComplianceResponse }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // A run in which no control could be judged has no share: it is left out of the line, not drawn as 0.
  const judged = data.trend.flatMap((p) => (p.passShare === null ? [] : [{ ...p, share: p.passShare }]));
  return (
    <section className="card stat-card mb-4" aria-labelledby="compliance-trend-title">
      <div className="card-body">
        <h3 id="compliance-trend-title" className="h5">
          {t('compliance.trend.title')}
        </h3>
        {data.trend.length < 2 && <p className="text-body-secondary">{t('compliance.trend.empty')}</p>}
        {judged.length >= 2 && (
          <div className="mb-3" data-testid="compliance-trend-chart">
            <LineChart
              title={t('compliance.trend.chart')}
              max={100}
              series={{
                labels: judged.map((p) => fmt.dateTime(p.requestedAt)),
                values: judged.map((p) => Math.round(p.share * 100)),
              }}
            />
          </div>
        )}
        <DataTable
          className="table-sm"
          testId="compliance-trend"
          columns={[
            { label: t('compliance.trend.date') },
            { label: t('compliance.trend.share'), className: 'text-end' },
            { label: t('compliance.statuses.pass'), className: 'text-end' },
            { label: t('compliance.statuses.fail'), className: 'text-end' },
            { label: t('compliance.statuses.unknown'), className: 'text-end' },
          ]}
        >
          {data.trend.map((point) => (
            <tr key={point.runId} aria-current={point.runId === data.run.runId ? 'true' : undefined}>
              <td>{fmt.dateTime(point.requestedAt)}</td>
              <td className="text-end fw-semibold">{percent(point.passShare, fmt.locale) ?? '—'}</td>
              <td className="text-end">{fmt.number(point.counts.pass)}</td>
              <td className="text-end">{fmt.number(point.counts.fail)}</td>
              <td className="text-end">{fmt.number(point.counts.unknown)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}

/** Compliance tab: a completed run (`?run=`, default the newest) against a framework (`?framework=`). */
export function ComplianceView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const runs = useAdvisorRuns(200);
  const completed = (runs.data?.runs ?? []).filter((r) => r.status === 'completed');
  const asked = params.get('framework');
  const framework: ComplianceFrameworkId = isFramework(asked) ? asked : 'cis';
  const runId = params.get('run') ?? completed[0]?.runId;
  const view = useCompliance(runId, framework);
  const choose = (key: 'run' | 'framework', value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });

  if (runs.isPending) return <Loading />;
  if (runs.isError) return <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  return (
    <section aria-labelledby="compliance-title">
      <h2 id="compliance-title" className="h4">
        {t('compliance.title')}
      </h2>
      <p className="text-body-secondary">{t('compliance.intro')}</p>
      {completed.length === 0 ? (
        <p className="alert alert-secondary">{t('compliance.noRun')}</p>
      ) : (
        <>
          <div className="d-flex flex-wrap gap-3 mb-4">
            <div>
              <label className="form-label small mb-1" htmlFor={`${id}-framework`}>
                {t('compliance.framework')}
              </label>
              <select
                id={`${id}-framework`}
                className="form-select"
                value={framework}
                onChange={(e) => choose('framework', e.target.value)}
              >
                {COMPLIANCE_FRAMEWORK_IDS.map((f) => (
                  <option key={f} value={f}>
                    {t(`compliance.frameworks.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="form-label small mb-1" htmlFor={`${id}-run`}>
                {t('compliance.run')}
              </label>
              <select
                id={`${id}-run`}
                className="form-select"
                value={runId}
                onChange={(e) => choose('run', e.target.value)}
              >
                {completed.map((r) => (
                  <option key={r.runId} value={r.runId}>
                    {fmt.dateTime(r.requestedAt)} · {r.accountId ?? r.connectionName ?? r.connectionId}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {view.isPending && <Loading />}
          {view.isError && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
          {view.data && (
            <div data-testid="compliance-view" data-framework={view.data.framework.id}>
              <Summary data={view.data} />
              <ComplianceDownloads runId={view.data.run.runId} framework={view.data.framework.id} />
              <Trend data={view.data} />
              <ComplianceControls data={view.data} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
