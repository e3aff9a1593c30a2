import { SEVERITIES } from '../../core/services.js';
import type { Formatters } from '../format.js';
import { label, SERVICE_LABELS, SEVERITY_LABELS } from '../i18n.js';
import type { OrgAccountRow, OrgModel } from '../org-model.js';
import type { OrgReport } from '../types.js';
import { drawBarChart } from './charts.js';
import { drawCoverPage, statCard } from './front.js';
import type { PageMap, PdfWriter } from './layout.js';
import { COLORS, CONTENT_WIDTH, PAGE, SEVERITY_COLORS, SIZE, scoreColor } from './theme.js';

/** What the organization's cover and summary read. `pageMap` is known in the second pass only. */
export interface OrgRenderContext {
  w: PdfWriter;
  input: Omit<OrgReport, 'accounts'>;
  org: OrgModel;
  fmt: Formatters;
  pageMap?: PageMap;
}

/** `name (id)`: how an account is named everywhere in the report. */
export const accountTitle = (account: { id: string; name: string }) =>
  account.name && account.name !== account.id ? `${account.name} (${account.id})` : account.id;

/** The first page of an account's sections ("" before the second pass knows it). */
function pageOf(ctx: OrgRenderContext, accountId: string): string {
  const page = ctx.pageMap?.toc.find((entry) => entry.key === accountId)?.page;
  return page === undefined ? '' : String(page);
}

export function drawOrgCover(ctx: OrgRenderContext): void {
  const { w, input, org, fmt } = ctx;
  const lang = input.lang;
  const services = org.total.services.map((s) => SERVICE_LABELS[s]);
  const rows: [string, string][] = [];
  if (input.organizationId) rows.push([label(lang, 'organization'), input.organizationId]);
  rows.push([label(lang, 'scannedBy'), input.account.id ?? '—']);
  rows.push([
    label(lang, 'accounts'),
    label(lang, 'accountsLine', {
      scanned: fmt.number(org.scanned.length),
      failed: fmt.number(org.failed.length),
    }),
  ]);
  rows.push([label(lang, 'generatedAt'), fmt.dateTime(input.generatedAt)]);
  rows.push([label(lang, 'regions'), input.regions.join(', ')]);
  rows.push([label(lang, 'services'), services.join(', ')]);
  drawCoverPage(w, { title: label(lang, 'orgReportTitle'), subtitle: services.join(' · '), rows });
}

/** Why an account was not scanned, in the report's language (AWS's own message kept after it). */
export function failureReason(lang: OrgReport['lang'], error: string): string[] {
  if (error === 'suspended') return [label(lang, 'accountSuspended')];
  if (error === 'pending_closure') return [label(lang, 'accountPendingClosure')];
  if (error === 'cancelled') return [label(lang, 'accountCancelled')];
  return [label(lang, 'memberRoleFailed'), error];
}

/**
 * Totals over the scanned accounts, the accounts ranked by risk and by savings (with the page their
 * section starts on), and the accounts that could not be scanned with the reason.
 */
export async function drawOrgSummary(ctx: OrgRenderContext): Promise<void> {
  const { w, input, org, fmt } = ctx;
  const lang = input.lang;
  const doc = w.doc;
  w.heading(label(lang, 'orgSummary'), 1);
  const top = doc.y;
  const width = (CONTENT_WIDTH - 3 * 8) / 4;
  const cards: [string, string, string][] = [
    [label(lang, 'accountsScanned'), fmt.number(org.scanned.length), COLORS.accent],
    [
      label(lang, 'accountsNotScanned'),
      fmt.number(org.failed.length),
      org.failed.length > 0 ? COLORS.poor : COLORS.good,
    ],
    [
      label(lang, 'overallScore'),
      org.total.overall.score === null ? label(lang, 'noScore') : String(org.total.overall.score),
      scoreColor(org.total.overall.score),
    ],
    [label(lang, 'totalSavings'), fmt.money(org.total.totalSavingsUsd), COLORS.good],
  ];
  cards.forEach(([title, value, color], i) => {
    statCard(w, { x: PAGE.marginX + i * (width + 8), y: top, width }, title, value, color);
  });
  doc.y = top + 52;
  w.paragraph(label(lang, 'scoreExplained'), { size: SIZE.small, color: COLORS.muted, gapAfter: 10 });

  w.heading(label(lang, 'findingsBySeverity'), 2, { toc: false });
  const chartTop = doc.y;
  drawBarChart(
    doc,
    SEVERITIES.map((s) => ({
      label: SEVERITY_LABELS[lang][s],
      value: org.total.openBySeverity[s],
      color: SEVERITY_COLORS[s],
    })),
    { x: PAGE.marginX, y: chartTop, width: CONTENT_WIDTH / 2, height: 90 },
    fmt.number,
  );
  doc.x = PAGE.marginX;
  doc.y = chartTop + 100;

  w.heading(label(lang, 'rankedByRisk'), 2, { toc: false });
  w.paragraph(label(lang, 'rankedByRiskNote'), { size: SIZE.small, color: COLORS.muted });
  const score = (row: OrgAccountRow) =>
    row.model.overall.score === null ? label(lang, 'noScore') : String(row.model.overall.score);
  await w.table(
    [
      { header: label(lang, 'rank'), width: 0.07, align: 'right' },
      { header: label(lang, 'account'), width: 0.33 },
      { header: label(lang, 'ou'), width: 0.18 },
      { header: label(lang, 'score'), width: 0.08, align: 'right' },
      { header: label(lang, 'critical'), width: 0.08, align: 'right' },
      { header: label(lang, 'high'), width: 0.08, align: 'right' },
      { header: label(lang, 'open'), width: 0.09, align: 'right' },
      { header: label(lang, 'pageColumn'), width: 0.09, align: 'right' },
    ],
    org.byRisk.map((row, i) => [
      fmt.number(i + 1),
      accountTitle(row),
      row.ouPath ?? '',
      score(row),
      fmt.number(row.model.openBySeverity.critical),
      fmt.number(row.model.openBySeverity.high),
      fmt.number(row.openCount),
      pageOf(ctx, row.id),
    ]),
  );

  w.heading(label(lang, 'rankedBySavings'), 2, { toc: false });
  if (org.bySavings.length === 0) w.paragraph(label(lang, 'noAccountSavings'), { color: COLORS.muted });
  else
    await w.table(
      [
        { header: label(lang, 'rank'), width: 0.07, align: 'right' },
        { header: label(lang, 'account'), width: 0.4 },
        { header: label(lang, 'ou'), width: 0.2 },
        { header: label(lang, 'savingsPerMonth'), width: 0.22, align: 'right' },
        { header: label(lang, 'pageColumn'), width: 0.11, align: 'right' },
      ],
      org.bySavings.map((row, i) => [
        fmt.number(i + 1),
        accountTitle(row),
        row.ouPath ?? '',
        fmt.money(row.model.totalSavingsUsd),
        pageOf(ctx, row.id),
      ]),
    );

  w.heading(label(lang, 'accountsNotScanned'), 2, { toc: false });
  if (org.failed.length === 0) w.paragraph(label(lang, 'allAccountsScanned'), { color: COLORS.muted });
  else
    await w.table(
      [
        { header: label(lang, 'account'), width: 0.35 },
        { header: label(lang, 'ou'), width: 0.18 },
        { header: label(lang, 'reason'), width: 0.47 },
      ],
      org.failed.map((a) => [accountTitle(a), a.ouPath ?? '', failureReason(lang, a.error)]),
    );
}
