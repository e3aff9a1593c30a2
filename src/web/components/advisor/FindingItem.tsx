import { useTranslation } from 'react-i18next';
import type { CheckCatalogueEntry, FindingDto } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { SeverityBadge, StatusBadge } from './badges';
import { MutedNote } from './muteScope';
import { RemediationSteps } from './RemediationSteps';

/**
 * One finding: badges, the check's failure label (its title for passes), message, resource and region always visible; the
 * remediation steps, documentation links, savings basis and details behind a disclosure so long
 * lists stay scannable.
 */
export function FindingItem({
  finding,
  check,
  onMute,
  onUnmute,
  busy,
}: {
  finding: FindingDto;
  check: CheckCatalogueEntry | undefined;
  onMute?: (finding: FindingDto) => void;
  onUnmute?: (finding: FindingDto) => void;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  // Failures (and muted failures) are named by what is wrong; passes by the desired state.
  const failing = finding.status === 'fail' || finding.status === 'warning';
  const title = (failing ? check?.failureLabel[lang] : check?.title[lang]) ?? finding.checkId;
  const resource = finding.resourceName ?? finding.resourceId;
  const details = Object.entries(finding.details ?? {});
  const savings = finding.estimatedMonthlySavingsUsd;

  return (
    <li
      className={`list-group-item finding-item sev-${finding.severity}`}
      data-testid="finding"
      data-check={finding.checkId}
      data-resource={finding.resourceId}
    >
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div className="flex-grow-1 finding-main">
          <div className="d-flex flex-wrap align-items-center gap-2 mb-1">
            <StatusBadge status={finding.status} />
            <SeverityBadge severity={finding.severity} />
            <h4 className="h6 mb-0">{title}</h4>
          </div>
          <p className="mb-1">{finding.message[lang]}</p>
          <div className="small text-body-secondary d-flex flex-wrap column-gap-3">
            <span>
              {t('advisor.finding.resource')}: <span className="font-monospace text-body">{resource}</span>
              {finding.resourceName && finding.resourceName !== finding.resourceId && (
                <span className="ms-1">({finding.resourceId})</span>
              )}
            </span>
            <span>
              {t('advisor.finding.region')}: <span className="text-body">{finding.region}</span>
            </span>
            <span>
              {t('advisor.finding.check')}: <code>{finding.checkId}</code>
            </span>
          </div>
          {savings !== undefined && savings > 0 && (
            <p className="mb-0 mt-1 fw-semibold text-success-emphasis" title={fmt.rateNote}>
              {t('advisor.finding.savings', { amount: fmt.usd(savings) })}
            </p>
          )}
          {finding.muted && <MutedNote muted={finding.muted} />}
        </div>
        <div>
          {onMute && (
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              onClick={() => onMute(finding)}
              disabled={busy}
              aria-label={`${t('advisor.finding.mute')}: ${title} – ${resource}`}
            >
              {t('advisor.finding.mute')}
            </button>
          )}
          {onUnmute && finding.muted && (
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              onClick={() => onUnmute(finding)}
              disabled={busy}
              aria-label={`${t('advisor.finding.unmute')}: ${title} – ${resource}`}
            >
              {t('advisor.finding.unmute')}
            </button>
          )}
        </div>
      </div>
      {(check || savings !== undefined || details.length > 0) && (
        <details className="mt-2 small">
          <summary>{t('advisor.finding.remediation')}</summary>
          <div className="pt-2">
            {check && <RemediationSteps remediation={check.remediation} finding={finding} />}
            {finding.savingsBasis && (
              <p className="mb-2">
                <strong>{t('advisor.finding.basis')}:</strong> {finding.savingsBasis[lang]}
              </p>
            )}
            {details.length > 0 && (
              <dl className="row mb-2">
                {details.map(([key, value]) => (
                  <div key={key} className="col-12 col-md-6 d-flex gap-2">
                    <dt className="fw-normal text-body-secondary">{key}</dt>
                    <dd className="mb-0 font-monospace">{value === null ? '—' : String(value)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {check && check.docs.length > 0 && (
              <>
                <strong>{t('advisor.finding.docs')}</strong>
                <ul className="mb-0">
                  {check.docs.map((url) => (
                    <li key={url}>
                      <a href={url} target="_blank" rel="noreferrer noopener">
                        {url.replace(/^https:\/\//, '')}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </details>
      )}
    </li>
  );
}
