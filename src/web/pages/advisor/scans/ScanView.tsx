import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { COMPLIANCE_FRAMEWORK_IDS, type ComplianceFrameworkId } from '../../../../core/compliance';
import { SEVERITIES } from '../../../../core/services';
import type { Scan, ScanAccount } from '../../../../shared/api/scans';
import { DownloadPanel } from '../../../components/advisor/DownloadPanel';
import { DataTable } from '../../../components/DataTable';
import { ErrorAlert, Loading } from '../../../components/States';
import { currentLang } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { scanReportUrl, useCancelScan, useScan } from './api';
import { type ScanSort, sortAccounts } from './sort';

const STATUS_CLASS: Record<string, string> = {
  completed: 'text-bg-success',
  completed_with_errors: 'text-bg-warning',
  failed: 'text-bg-danger',
  cancelled: 'text-bg-secondary',
  skipped: 'text-bg-secondary',
  running: 'text-bg-info',
  pending: 'text-bg-light',
};

export function ScanStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? 'text-bg-light'}`}>
      {t(`scans.statuses.${status}`)}
    </span>
  );
}

/** Rows whose run finished and can be reported on its own. */
const REPORTABLE = new Set(['completed', 'completed_with_errors']);

function AccountRow({ scanId, row }: { scanId: string; row: ScanAccount }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <tr data-testid="scan-account">
      <th scope="row">
        {row.name} <span className="d-block small font-monospace text-body-secondary">{row.accountId}</span>
      </th>
      <td className="small">{row.ouPath}</td>
      <td>
        <ScanStatusBadge status={row.status} />
        {row.error && (
          <span className="d-block small text-danger">
            <span className="font-monospace">{row.error.code}</span> {row.error.message}
          </span>
        )}
      </td>
      <td>{row.results?.score == null ? '—' : fmt.number(row.results.score)}</td>
      <td className="small">
        {row.results
          ? SEVERITIES.filter((s) => (row.results?.openBySeverity[s] ?? 0) > 0)
              .map((s) => `${t(`advisor.severities.${s}`)} ${row.results?.openBySeverity[s]}`)
              .join(' · ') || '0'
          : '—'}
      </td>
      <td>{row.results ? fmt.usd(row.results.estimatedMonthlySavingsUsd) : '—'}</td>
      <td>
        {row.runId && row.status !== 'pending' && (
          <Link to={`/advisor?run=${encodeURIComponent(row.runId)}`}>
            {t('scans.results')}
            <span className="visually-hidden">: {row.name}</span>
          </Link>
        )}
        {REPORTABLE.has(row.status) && (
          <a
            className="d-block small text-nowrap"
            data-testid="scan-account-report"
            href={scanReportUrl(scanId, { format: 'pdf', lang: currentLang(i18n), account: row.accountId })}
            aria-label={t('scans.accountReportOf', { name: row.name })}
            download
          >
            {t('scans.accountReport')}
          </a>
        )}
      </td>
    </tr>
  );
}

function Totals({ scan }: { scan: Scan }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const done = scan.accounts.filter((a) => !['pending', 'running'].includes(a.status)).length;
  return (
    <dl className="row small mb-3">
      <dt className="col-sm-3">{t('scans.accounts')}</dt>
      <dd className="col-sm-9">{t('scans.totalsAccounts', { done, count: scan.totals.accounts })}</dd>
      <dt className="col-sm-3">{t('scans.open')}</dt>
      <dd className="col-sm-9">
        {SEVERITIES.map((s) => `${t(`advisor.severities.${s}`)} ${scan.totals.openBySeverity[s] ?? 0}`).join(
          ' · ',
        )}
      </dd>
      <dt className="col-sm-3">{t('scans.savings')}</dt>
      <dd className="col-sm-9">{fmt.usd(scan.totals.estimatedMonthlySavingsUsd)}</dd>
    </dl>
  );
}

/** One scan: live status while it runs, totals, and its accounts (worst first), each linking to its run. */
/** PDF (organization summary, then each account), CSV and JSON of a finished scan, in ko or en. */
function ScanDownloads({ scanId }: { scanId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState<'ko' | 'en'>(currentLang(i18n));
  const [compliance, setCompliance] = useState<ComplianceFrameworkId | ''>('');
  return (
    <DownloadPanel
      title={t('scans.downloads')}
      heading="h3"
      languageLabel={t('advisor.downloads.language')}
      lang={lang}
      onLangChange={setLang}
      testId="scan-downloads"
      links={(['pdf', 'csv', 'json'] as const).map((format) => ({
        format,
        href: scanReportUrl(scanId, { format, lang, ...(compliance ? { compliance } : {}) }),
      }))}
    >
      <div style={{ maxWidth: '22rem' }}>
        <label className="form-label small mb-1" htmlFor={`${id}-compliance`}>
          {t('scans.complianceSection')}
        </label>
        <select
          id={`${id}-compliance`}
          className="form-select form-select-sm"
          value={compliance}
          aria-describedby={`${id}-compliance-hint`}
          onChange={(e) => setCompliance(e.target.value as ComplianceFrameworkId | '')}
        >
          <option value="">{t('scans.complianceEvery')}</option>
          {COMPLIANCE_FRAMEWORK_IDS.map((framework) => (
            <option key={framework} value={framework}>
              {t(`compliance.frameworks.${framework}`)}
            </option>
          ))}
        </select>
        <div id={`${id}-compliance-hint`} className="form-text small">
          {t('scans.complianceHint')}
        </div>
      </div>
    </DownloadPanel>
  );
}

export function ScanView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { scanId = '' } = useParams();
  const query = useScan(scanId);
  const cancel = useCancelScan(scanId);
  const [sort, setSort] = useState<ScanSort>('worst');
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { scan } = query.data;
  return (
    <section aria-labelledby="scan-title">
      <p className="small mb-2">
        <Link to="/advisor/scans">{t('scans.back')}</Link>
      </p>
      <h2 id="scan-title" className="h5 d-flex flex-wrap align-items-center gap-2" tabIndex={-1}>
        {t('scans.title', { connection: scan.connectionName ?? scan.connectionId })}{' '}
        <ScanStatusBadge status={scan.status} />
      </h2>
      <p className="small text-body-secondary">
        {fmt.dateTime(scan.requestedAt)} · {scan.services.map((s) => t(`advisor.services.${s}`)).join(', ')}
      </p>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {scan.status === 'running' && (
        <button
          type="button"
          className="btn btn-sm btn-outline-danger mb-3"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate()}
        >
          {cancel.isPending ? t('scans.cancelling') : t('scans.cancel')}
        </button>
      )}
      <Totals scan={scan} />
      {scan.status !== 'running' && <ScanDownloads scanId={scan.scanId} />}
      <div className="d-flex align-items-center gap-2 mb-2">
        <label className="form-label small mb-0" htmlFor="scan-sort">
          {t('scans.sort')}
        </label>
        <select
          id="scan-sort"
          className="form-select form-select-sm w-auto"
          value={sort}
          onChange={(e) => setSort(e.target.value as ScanSort)}
        >
          {(['worst', 'name', 'score', 'savings'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`scans.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <DataTable
        testId="scan-accounts"
        className="table-sm"
        columns={[
          { label: t('scans.account') },
          { label: t('scans.ouPath') },
          { label: t('scans.status') },
          { label: t('scans.score') },
          { label: t('scans.open') },
          { label: t('scans.savings') },
          { label: t('scans.results'), hiddenLabel: true },
        ]}
      >
        {sortAccounts(scan.accounts, sort).map((row) => (
          <AccountRow key={row.accountId} scanId={scan.scanId} row={row} />
        ))}
      </DataTable>
    </section>
  );
}
