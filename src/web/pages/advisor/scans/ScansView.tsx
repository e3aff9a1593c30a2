import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ScanSummary } from '../../../../shared/api/scans';
import { DataTable } from '../../../components/DataTable';
import { ErrorAlert, Loading } from '../../../components/States';
import { useFormat } from '../../../i18n/format';
import { useScans } from './api';
import { ScanStatusBadge } from './ScanView';

const PAGE = 20;

function useTargetLabel() {
  const { t } = useTranslation();
  return (scan: ScanSummary) =>
    scan.target.kind === 'all'
      ? t('scans.targetAll')
      : scan.target.kind === 'ou'
        ? t('scans.targetOu', { path: scan.targetPath ?? scan.target.ouId })
        : t('scans.targetAccounts', { count: scan.target.accountIds.length });
}

/** The scans of many accounts, newest first, a page at a time. */
export function ScansView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const target = useTargetLabel();
  const [offset, setOffset] = useState(0);
  const query = useScans(offset, PAGE);
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { scans, total } = query.data;
  return (
    <section aria-labelledby="scans-title">
      <h2 id="scans-title" className="h5">
        {t('scans.listTitle')}
      </h2>
      {total === 0 ? (
        <p className="text-body-secondary">{t('scans.listEmpty')}</p>
      ) : (
        <>
          <DataTable
            testId="scans"
            className="table-sm"
            columns={[
              { label: t('scans.requested') },
              { label: t('scans.target') },
              { label: t('scans.status') },
              { label: t('scans.accounts') },
              { label: t('scans.open') },
              { label: t('scans.savings') },
              { label: t('scans.view'), hiddenLabel: true },
            ]}
          >
            {scans.map((scan) => (
              <tr key={scan.scanId}>
                <td>{fmt.dateTime(scan.requestedAt)}</td>
                <td>
                  {scan.connectionName} · {target(scan)}
                </td>
                <td>
                  <ScanStatusBadge status={scan.status} />
                </td>
                <td>{fmt.number(scan.totals.accounts)}</td>
                <td>{fmt.number(Object.values(scan.totals.openBySeverity).reduce((a, b) => a + b, 0))}</td>
                <td>{fmt.usd(scan.totals.estimatedMonthlySavingsUsd)}</td>
                <td>
                  <Link to={`/advisor/scans/${encodeURIComponent(scan.scanId)}`}>
                    {t('scans.view')}
                    <span className="visually-hidden">: {fmt.dateTime(scan.requestedAt)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="d-flex gap-2 mt-2">
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('scans.previous')}
            </button>
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('scans.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
