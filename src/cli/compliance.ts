import stringWidth from 'string-width';
import { selectChecks } from '../checks/engine.js';
import { allChecks } from '../checks/registry.js';
import { complianceView } from '../compliance/service.js';
import { COMPLIANCE_FRAMEWORK_IDS, type ComplianceFrameworkId, controlTitleIn } from '../core/compliance.js';
import type { Lang } from '../core/services.js';
import { complianceToCsv } from '../reports/compliance-csv.js';
import { CONTROL_STATUS_LABELS, label } from '../reports/i18n.js';
import type { ReportInput } from '../reports/types.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
import type { OrgCompliance } from '../shared/api/report.js';
import type { ScanArgs } from './args.js';

/** The scan's compliance view of one framework: the run is the scan, its trend the scan alone. */
export function scanCompliance(
  args: Pick<ScanArgs, 'services'>,
  input: ReportInput,
  framework: ComplianceFrameworkId,
): ComplianceResponse {
  return complianceView(allChecks, framework, {
    run: {
      runId: input.runId ?? 'scan',
      requestedAt: input.collection.startedAt ?? input.generatedAt,
      ...(input.account.id ? { accountId: input.account.id } : {}),
    },
    executedCheckIds: new Set(selectChecks(allChecks, args.services).map((c) => c.id)),
    findings: input.findings,
  });
}

/** Every framework's view, for the PDF report's compliance section (as the console's merged PDF). */
export function scanComplianceViews(
  args: Pick<ScanArgs, 'services'>,
  input: ReportInput,
): ComplianceResponse[] {
  return COMPLIANCE_FRAMEWORK_IDS.map((framework) => scanCompliance(args, input, framework));
}

const TABLE_HEADERS: Record<Lang, [string, string, string, string]> = {
  en: ['Control', 'Status', 'Failed resources', 'Title'],
  ko: ['통제 항목', '상태', '실패 리소스', '제목'],
};

const ORG_TABLE_HEADERS: Record<Lang, [string, string, string, string, string]> = {
  en: ['Control', 'Status', 'Failing accounts', 'Title', 'Accounts failing it (failed resources)'],
  ko: ['통제 항목', '상태', '실패 계정', '제목', '실패한 계정 (실패 리소스 수)'],
};

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

interface ViewHead {
  framework: Pick<ComplianceResponse['framework'], 'name' | 'version'>;
  passShare: number | null;
  counts: ComplianceResponse['counts'];
}

/**
 * A framework's line (share of judged controls passing, counts) above a table whose first three
 * columns are padded to their widest cell; later cells run on.
 */
function textTable(
  view: ViewHead,
  lang: Lang,
  headers: readonly string[],
  rows: readonly string[][],
): string {
  const statuses = CONTROL_STATUS_LABELS[lang];
  const widths = [0, 1, 2].map((i) =>
    Math.max(stringWidth(headers[i] ?? ''), ...rows.map((row) => stringWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < 3 ? padTo(cell, widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const share = view.passShare === null ? '—' : `${Math.round(view.passShare * 100)} %`;
  const counts = (['pass', 'fail', 'unknown', 'manual'] as const)
    .map((status) => `${statuses[status]} ${view.counts[status]}`)
    .join(', ');
  return [
    `${view.framework.name[lang]} ${view.framework.version}`,
    `${label(lang, 'complianceShare')}: ${share} (${counts})`,
    '',
    line(headers),
    ...rows.map(line),
    '',
  ].join('\n');
}

/**
 * The per-control table: control id, status, distinct failing resources, title in `lang` (ISMS-P:
 * Korean first), under a line with the framework, the share of judged controls passing and counts.
 */
export function complianceTable(view: ComplianceResponse, lang: Lang): string {
  const statuses = CONTROL_STATUS_LABELS[lang];
  const rows = view.controls.map((control) => [
    control.id,
    statuses[control.status],
    String(new Set(control.failedResources.map((r) => `${r.region}/${r.resourceId}`)).size),
    controlTitleIn(control.title, view.framework.koreanFirst, lang),
  ]);
  return textTable(view, lang, TABLE_HEADERS[lang], rows);
}

/** The organization's per-control table: the failing accounts counted, then named with their resources. */
export function orgComplianceTable(view: OrgCompliance, lang: Lang): string {
  const statuses = CONTROL_STATUS_LABELS[lang];
  const rows = view.controls.map((control) => [
    control.id,
    statuses[control.status],
    String(control.failedAccounts.length),
    controlTitleIn(control.title, view.framework.koreanFirst, lang),
    control.failedAccounts.map((a) => `${a.accountId} (${a.failedResources})`).join(', '),
  ]);
  const accounts = label(lang, 'complianceAccountsEvaluated', { count: String(view.accountsEvaluated) });
  return `${accounts}\n${textTable(view, lang, ORG_TABLE_HEADERS[lang], rows)}`;
}

/** The compliance output of `scan --compliance`: the table, or the console's CSV / JSON download. */
export function renderCompliance(
  view: ComplianceResponse,
  format: 'table' | 'csv' | 'json',
  lang: Lang,
): string {
  if (format === 'csv') return complianceToCsv([view], lang);
  if (format === 'json') return `${JSON.stringify(view, null, 2)}\n`;
  return complianceTable(view, lang);
}
