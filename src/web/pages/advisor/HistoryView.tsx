import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FindingDto } from '../../../shared/api/advisor';
import { Amount } from '../../components/Amount';
import {
  RunStatusBadge,
  ScoreValue,
  SeverityBadge,
  StatusBadge,
  scoreClass,
} from '../../components/advisor/badges';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert, Loading } from '../../components/States';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { reportUrl, useAdvisorRuns, useChecks, useCompare } from './api';

/** Every run, newest first, with its score, open findings and savings; compare any two. */
export function HistoryView() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  const id = useId();
  const runs = useAdvisorRuns(200);
  const completed = (runs.data?.runs ?? []).filter((r) => r.status === 'completed');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);

  if (runs.isPending) return <Loading />;
  if (runs.isError) return <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  const label = (runId: string) => {
    const run = completed.find((r) => r.runId === runId);
    return run ? `${fmt.dateTime(run.finishedAt ?? run.requestedAt)} · ${run.services.join(', ')}` : runId;
  };

  return (
    <>
      <section className="card stat-card mb-4" aria-labelledby={`${id}-runs`}>
        <div className="card-body">
          <h2 id={`${id}-runs`} className="h5">
            {t('advisor.history.title')}
          </h2>
          {runs.data.runs.length === 0 ? (
            <p className="text-body-secondary mb-0">{t('advisor.history.empty')}</p>
          ) : (
            <DataTable
              className="table-sm"
              testId="history-table"
              columns={[
                { label: t('advisor.history.date') },
                { label: t('advisor.history.status') },
                { label: t('advisor.history.scope'), className: 'd-none d-md-table-cell' },
                { label: t('advisor.history.score'), className: 'text-end' },
                { label: t('advisor.history.open'), className: 'text-end' },
                { label: t('advisor.history.savings'), className: 'text-end d-none d-sm-table-cell' },
                { label: t('advisor.history.view'), hiddenLabel: true },
              ]}
            >
              {runs.data.runs.map((run) => {
                const r = run.results;
                return (
                  <tr key={run.runId}>
                    <td>{fmt.dateTime(run.requestedAt)}</td>
                    <td>
                      <RunStatusBadge status={run.status} />
                      {run.reusedCollection && (
                        <span className="small text-body-secondary ms-1">
                          ({t('advisor.history.reused')})
                        </span>
                      )}
                    </td>
                    <td className="d-none d-md-table-cell" data-testid="run-scope">
                      {run.services.map((s) => t(`advisor.services.${s}`)).join(', ')}
                      <div className="small text-body-secondary">
                        {run.regions.length > 0 ? run.regions.join(', ') : '—'}
                      </div>
                    </td>
                    <td className={`text-end fw-semibold ${scoreClass(r?.score.score ?? null)}`}>
                      {r ? <ScoreValue score={r.score.score} /> : '—'}
                    </td>
                    <td className="text-end">
                      {r ? fmt.number(r.countsByStatus.fail + r.countsByStatus.warning) : '—'}
                    </td>
                    <td className="text-end d-none d-sm-table-cell">
                      {r ? <Amount usd={r.estimatedMonthlySavingsUsd} /> : '—'}
                    </td>
                    <td className="text-end text-nowrap">
                      <Link
                        className="btn btn-sm btn-outline-primary me-1"
                        to={`/advisor?run=${encodeURIComponent(run.runId)}`}
                      >
                        {t('advisor.history.view')}
                      </Link>
                      {run.status === 'completed' && (
                        <a
                          className="btn btn-sm btn-outline-secondary"
                          href={reportUrl(run.runId, { format: 'pdf', lang })}
                          download
                        >
                          PDF
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </div>
      </section>

      <section className="card stat-card" aria-labelledby={`${id}-compare`}>
        <form
          className="card-body"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked({ from, to });
          }}
        >
          <h2 id={`${id}-compare`} className="h5">
            {t('advisor.history.compare')}
          </h2>
          <p className="small text-body-secondary">{t('advisor.history.compareHint')}</p>
          <div className="row g-2 align-items-end mb-3">
            {(
              [
                ['from', from, setFrom, t('advisor.history.from')],
                ['to', to, setTo, t('advisor.history.to')],
              ] as const
            ).map(([key, value, set, text]) => (
              <div className="col-12 col-md-5" key={key}>
                <label className="form-label small mb-1" htmlFor={`${id}-${key}`}>
                  {text}
                </label>
                <select
                  id={`${id}-${key}`}
                  className="form-select form-select-sm"
                  value={value}
                  onChange={(e) => set(e.target.value)}
                >
                  <option value="">—</option>
                  {completed.map((run) => (
                    <option key={run.runId} value={run.runId}>
                      {label(run.runId)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div className="col-auto">
              <button type="submit" className="btn btn-sm btn-primary" disabled={!from || !to}>
                {t('advisor.history.compareSubmit')}
              </button>
            </div>
          </div>
          {asked && asked.from === asked.to && (
            <p className="text-warning-emphasis">{t('advisor.history.samePick')}</p>
          )}
          {asked && asked.from !== asked.to && <CompareResult from={asked.from} to={asked.to} />}
        </form>
      </section>
    </>
  );
}

function CompareResult({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const compare = useCompare(from, to);
  const checks = useChecks();
  const titles = useMemo(
    () => new Map((checks.data?.checks ?? []).map((c) => [c.id, c.title[lang]])),
    [checks.data, lang],
  );
  if (compare.isPending) return <Loading />;
  if (compare.isError) return <ErrorAlert error={compare.error} />;
  const { data } = compare;
  const list = (items: { finding: FindingDto; note?: string }[], testId: string) =>
    items.length === 0 ? (
      <p className="small text-body-secondary">{t('advisor.history.none')}</p>
    ) : (
      <ul className="list-group mb-3" data-testid={testId}>
        {items.map(({ finding: f, note }) => (
          <li
            key={`${f.checkId}|${f.region}|${f.resourceId}`}
            className="list-group-item small d-flex flex-wrap gap-2 align-items-center"
          >
            <StatusBadge status={f.status} />
            <SeverityBadge severity={f.severity} />
            <span className="fw-semibold">{titles.get(f.checkId) ?? f.checkId}</span>
            <span className="font-monospace">{f.resourceName ?? f.resourceId}</span>
            <span className="text-body-secondary">{f.region}</span>
            {note && <span className="text-body-secondary">({note})</span>}
          </li>
        ))}
      </ul>
    );
  return (
    <div data-testid="compare-result">
      <p className="small">
        {t('advisor.history.comparedServices', {
          services: data.services.map((s) => t(`advisor.services.${s}`)).join(', '),
        })}
      </p>
      <h3 className="h6">{t('advisor.history.new', { count: data.new.length })}</h3>
      {list(
        data.new.map((finding) => ({ finding })),
        'compare-new',
      )}
      <h3 className="h6">{t('advisor.history.resolved', { count: data.resolved.length })}</h3>
      {list(
        data.resolved.map((r) => ({
          finding: r.after ?? r.before,
          ...(r.after ? {} : { note: t('advisor.history.gone') }),
        })),
        'compare-resolved',
      )}
      <h3 className="h6">{t('advisor.history.stillFailing', { count: data.stillFailing.length })}</h3>
      {list(
        data.stillFailing.map((finding) => ({ finding })),
        'compare-still',
      )}
    </div>
  );
}
