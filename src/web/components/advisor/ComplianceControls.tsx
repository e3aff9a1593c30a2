import { useTranslation } from 'react-i18next';
import { type ControlStatus, controlTitleIn } from '../../../core/compliance';
import type { LocalizedText } from '../../../core/services';
import type { ComplianceResponse, ControlResultDto } from '../../../shared/api/compliance';
import { currentLang } from '../../i18n';
import { DataTable } from '../DataTable';

/** Failing resources shown per control before "and N more". */
const SHOWN_RESOURCES = 10;

const STATUS_CLASS: Record<ControlStatus | 'not_run', string> = {
  pass: 'badge-status-pass',
  fail: 'badge-status-fail',
  unknown: 'badge-status-unknown',
  not_run: 'badge-status-unknown',
  manual: 'badge-status-warning',
};

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge rounded-pill border ${STATUS_CLASS[status]}`} data-status={status}>
      {t(`compliance.statuses.${status}`)}
    </span>
  );
}

/** A control's title: ISMS-P shows its Korean title first in English too. */
export function useControlTitle(koreanFirst: boolean) {
  const { i18n } = useTranslation();
  const lang = currentLang(i18n);
  return (title: LocalizedText) => controlTitleIn(title, koreanFirst, lang);
}

function ControlRow({ control, koreanFirst }: { control: ControlResultDto; koreanFirst: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const titleOf = useControlTitle(koreanFirst);
  const hidden = control.failedResources.length - SHOWN_RESOURCES;
  return (
    <tr data-testid="compliance-control" data-control={control.id} data-status={control.status}>
      <th scope="row" className="text-nowrap">
        {control.id}
      </th>
      <td>{titleOf(control.title)}</td>
      <td>
        <ControlStatusBadge status={control.status} />
      </td>
      <td>
        <ul className="list-unstyled mb-0 small">
          {control.checks.map((check) => (
            <li key={check.checkId}>
              <span className={`badge rounded-pill border me-1 ${STATUS_CLASS[check.status]}`}>
                {t(`compliance.checkStatuses.${check.status}`)}
              </span>
              {check.title ? check.title[lang] : check.checkId}
            </li>
          ))}
        </ul>
      </td>
      <td className="small">
        {control.failedResources.length === 0 ? (
          <span className="text-body-secondary">{t('compliance.controls.none')}</span>
        ) : (
          <ul className="list-unstyled mb-0" data-testid="failed-resources">
            {control.failedResources.slice(0, SHOWN_RESOURCES).map((r) => (
              <li key={`${r.checkId}|${r.region}|${r.resourceId}`}>
                <code>{r.resourceName ?? r.resourceId}</code>{' '}
                <span className="text-body-secondary">{r.region}</span>
              </li>
            ))}
            {hidden > 0 && (
              <li className="text-body-secondary">{t('compliance.controls.more', { count: hidden })}</li>
            )}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** The judged controls, one table per section, then the controls left to a manual review. */
export function ComplianceControls({ data }: { data: ComplianceResponse }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const titleOf = useControlTitle(data.framework.koreanFirst);
  const judged = data.controls.filter((c) => c.status !== 'manual');
  const manual = data.controls.filter((c) => c.status === 'manual');
  const sections = data.framework.sections
    .map((s) => ({ ...s, controls: judged.filter((c) => c.section === s.id) }))
    .filter((s) => s.controls.length > 0);
  return (
    <>
      <section className="card stat-card mb-4" aria-labelledby="compliance-controls-title">
        <div className="card-body">
          <h3 id="compliance-controls-title" className="h5">
            {t('compliance.controls.title')}
          </h3>
          {sections.length === 0 && (
            <p className="text-body-secondary mb-0">{t('compliance.controls.empty')}</p>
          )}
          {sections.map((section) => (
            <div key={section.id} className="mb-3">
              <h4 className="h6 mt-3">
                {section.id} · {section.title[lang]}
              </h4>
              <DataTable
                className="table-sm"
                testId="compliance-controls"
                columns={[
                  { label: t('compliance.controls.id') },
                  { label: t('compliance.controls.name') },
                  { label: t('compliance.controls.status') },
                  { label: t('compliance.controls.checks') },
                  { label: t('compliance.controls.failing') },
                ]}
              >
                {section.controls.map((control) => (
                  <ControlRow key={control.id} control={control} koreanFirst={data.framework.koreanFirst} />
                ))}
              </DataTable>
            </div>
          ))}
        </div>
      </section>
      <section className="card stat-card mb-4" aria-labelledby="compliance-manual-title">
        <div className="card-body">
          <h3 id="compliance-manual-title" className="h5">
            {t('compliance.manual.title')}
          </h3>
          <p className="text-body-secondary">
            {manual.length > 0 ? t('compliance.manual.intro') : t('compliance.manual.empty')}
          </p>
          <ul className="mb-0" data-testid="manual-controls">
            {manual.map((c) => (
              <li key={c.id} data-control={c.id}>
                <strong>{c.id}</strong> {titleOf(c.title)}
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
