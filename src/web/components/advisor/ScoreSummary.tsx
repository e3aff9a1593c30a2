import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category, SERVICE_IDS, type ServiceId } from '../../../core/services';
import type { AdvisorRunSummary } from '../../../shared/api/advisor';
import type { Score } from '../../../shared/api/report';
import { useFormat } from '../../i18n/format';
import { Amount } from '../Amount';
import { ScoreValue, scoreClass } from './badges';

type Results = NonNullable<AdvisorRunSummary['results']>;

function ScoreRows<K extends string>({
  title,
  keys,
  scores,
  label,
}: {
  title: string;
  keys: readonly K[];
  scores: Partial<Record<K, Score>>;
  label: (key: K) => string;
}) {
  const { t } = useTranslation();
  const rows = keys.filter((k) => scores[k]);
  return (
    <div className="card stat-card h-100">
      <div className="card-body">
        <h3 className="h6 mb-3">{title}</h3>
        <ul className="list-unstyled mb-0">
          {rows.map((key) => {
            const s = scores[key] as Score;
            return (
              <li key={key} className="mb-2" data-testid={`score-${key}`}>
                <div className="d-flex justify-content-between small">
                  <span>{label(key)}</span>
                  <span className={`fw-semibold ${scoreClass(s.score)}`}>
                    <ScoreValue score={s.score} />
                  </span>
                </div>
                <div
                  className="progress score-bar"
                  role="progressbar"
                  aria-label={label(key)}
                  aria-valuenow={s.score === null ? 0 : Math.round(s.score)}
                  aria-valuemin={0}
                  aria-valuemax={100}
                >
                  <div
                    className={`progress-bar ${s.score !== null && s.score >= 80 ? 'bg-success' : s.score !== null && s.score >= 50 ? 'bg-warning' : 'bg-danger'}`}
                    style={{ width: `${s.score ?? 0}%` }}
                  />
                </div>
                <div className="small text-body-secondary">
                  {t('advisor.results.counts', { failed: s.failed, warning: s.warning, passed: s.passed })}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** Overall score, savings and open findings, then the score per service and per category. */
export function ScoreSummary({ results }: { results: Results }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const open = results.countsByStatus.fail + results.countsByStatus.warning;
  return (
    <div className="row g-3 mb-4">
      <div className="col-12 col-md-4 col-xl-2">
        <div className="card stat-card h-100">
          <div className="card-body">
            <div className="stat-label">{t('advisor.results.overallScore')}</div>
            <div className={`score-big ${scoreClass(results.score.score)}`} data-testid="overall-score">
              <ScoreValue score={results.score.score} />
            </div>
            <div className="small text-body-secondary mt-2">{t('advisor.results.scoreHelp')}</div>
          </div>
        </div>
      </div>
      <div className="col-6 col-md-4 col-xl-2">
        <div className="card stat-card h-100">
          <div className="card-body">
            <div className="stat-label">{t('advisor.results.openFindings')}</div>
            <div className="score-big text-danger-emphasis" data-testid="open-findings">
              {fmt.number(open)}
            </div>
            <div className="small text-body-secondary mt-2">
              {t('advisor.results.counts', {
                failed: fmt.number(results.countsByStatus.fail),
                warning: fmt.number(results.countsByStatus.warning),
                passed: fmt.number(results.countsByStatus.pass),
              })}
            </div>
          </div>
        </div>
      </div>
      <div className="col-6 col-md-4 col-xl-2">
        <div className="card stat-card h-100">
          <div className="card-body">
            <div className="stat-label">{t('advisor.results.savings')}</div>
            <div className="fs-3 fw-bold text-success-emphasis" data-testid="run-savings">
              <Amount usd={results.estimatedMonthlySavingsUsd} />
            </div>
          </div>
        </div>
      </div>
      <div className="col-12 col-md-6 col-xl-3">
        <ScoreRows
          title={t('advisor.results.byService')}
          keys={SERVICE_IDS}
          scores={results.scoreByService}
          label={(s: ServiceId) => t(`advisor.services.${s}`)}
        />
      </div>
      <div className="col-12 col-md-6 col-xl-3">
        <ScoreRows
          title={t('advisor.results.byCategory')}
          keys={CATEGORIES}
          scores={results.scoreByCategory}
          label={(c: Category) => t(`advisor.categories.${c}`)}
        />
      </div>
    </div>
  );
}
