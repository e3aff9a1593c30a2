import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FindingDto } from '../../../shared/api/advisor';
import { SeverityBadge } from '../../components/advisor/badges';
import { useMutedScopeText } from '../../components/advisor/muteScope';
import { ErrorAlert, Loading } from '../../components/States';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useChecks } from '../advisor/api';
import { useResourceFindings } from './findingsApi';

interface Props {
  collectionId: string;
  collector: string;
  resourceId: string;
  region: string;
}

/** The resource's findings from the latest advisor run that covered it: open, muted, passed. */
export function ResourceFindings({ collectionId, collector, resourceId, region }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = currentLang(i18n);
  const query = useResourceFindings(collectionId, collector, resourceId, region);
  const checks = useChecks();
  const checkOf = (id: string) => checks.data?.checks.find((c) => c.id === id);
  const label = (f: FindingDto) => checkOf(f.checkId)?.failureLabel[lang] ?? f.checkId;
  const title = (f: FindingDto) => checkOf(f.checkId)?.title[lang] ?? f.checkId;
  const mutedScope = useMutedScopeText();

  return (
    <section className="card shadow-sm mb-4" aria-labelledby="resource-findings-title">
      <div className="card-body">
        <h2 className="h5" id="resource-findings-title">
          {t('resources.findings.title')}
        </h2>
        {query.isPending && <Loading />}
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && !query.data.run && (
          <p className="text-body-secondary mb-0" data-testid="resource-findings-none">
            {t('resources.findings.noRun')} <Link to="/advisor/new">{t('resources.findings.startRun')}</Link>
          </p>
        )}
        {query.data?.run && (
          <>
            <p className="small text-body-secondary" data-testid="resource-findings-summary">
              {t('resources.findings.summary', {
                open: fmt.number(query.data.open.length),
                muted: fmt.number(query.data.muted.length),
                passed: fmt.number(query.data.passed.length),
              })}
              {query.data.estimatedMonthlySavingsUsd > 0 &&
                ` · ${t('resources.findings.savings', { amount: fmt.usd(query.data.estimatedMonthlySavingsUsd) })}`}
              {' · '}
              <Link to={`/advisor?run=${encodeURIComponent(query.data.run.runId)}`}>
                {t('resources.findings.fromRun', { date: fmt.dateTime(query.data.run.finishedAt) })}
              </Link>
            </p>
            {query.data.open.length === 0 ? (
              <p className="mb-3">{t('resources.findings.noOpen')}</p>
            ) : (
              <ul className="list-unstyled mb-3" data-testid="resource-findings-open">
                {query.data.open.map((f) => (
                  <li key={f.checkId} className="border-start border-3 ps-2 mb-2">
                    <div className="d-flex flex-wrap gap-2 align-items-baseline">
                      <SeverityBadge severity={f.severity} />
                      <strong>{label(f)}</strong>
                      {(f.estimatedMonthlySavingsUsd ?? 0) > 0 && (
                        <span className="text-nowrap small">
                          {t('resources.findings.savings', {
                            amount: fmt.usd(f.estimatedMonthlySavingsUsd ?? 0),
                          })}
                        </span>
                      )}
                    </div>
                    <div className="small text-break">{f.message[lang]}</div>
                  </li>
                ))}
              </ul>
            )}
            <FindingList
              testId="resource-findings-muted"
              heading={t('resources.findings.muted', { count: query.data.muted.length })}
              findings={query.data.muted}
              render={(f) => (
                <>
                  {label(f)}
                  {f.muted && (
                    <span className="text-body-secondary">
                      {' — '}
                      {f.muted.reason} · <span data-testid="muted-scope">{mutedScope(f.muted)}</span>
                    </span>
                  )}
                </>
              )}
            />
            <FindingList
              testId="resource-findings-passed"
              heading={t('resources.findings.passed', { count: query.data.passed.length })}
              findings={query.data.passed}
              render={title}
            />
            <FindingList
              testId="resource-findings-unknown"
              heading={t('resources.findings.unknown', { count: query.data.unknown.length })}
              findings={query.data.unknown}
              render={(f) => `${title(f)} — ${f.message[lang]}`}
            />
          </>
        )}
      </div>
    </section>
  );
}

/** A folded list (native details/summary: keyboard and screen readers work without script). */
function FindingList({
  heading,
  findings,
  render,
  testId,
}: {
  heading: string;
  findings: FindingDto[];
  render: (f: FindingDto) => React.ReactNode;
  testId: string;
}) {
  if (findings.length === 0) return null;
  return (
    <details className="mb-2" data-testid={testId}>
      <summary>{heading}</summary>
      <ul className="small mt-2 mb-0">
        {findings.map((f) => (
          <li key={f.checkId} className="text-break">
            {render(f)}
          </li>
        ))}
      </ul>
    </details>
  );
}
