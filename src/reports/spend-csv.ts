import type { Lang } from '../core/services.js';
import type { SpendResponse } from '../shared/api/spend.js';
import { type Cell, toCsv } from './csv.js';

const LABELS = {
  en: {
    service: 'Service',
    tag: 'Tag {key}',
    untagged: '(no tag)',
    monthToDate: '{month} (month to date)',
    changeUsd: 'Change vs previous month (USD)',
    changePercent: 'Change vs previous month (%)',
    savings: 'Advisor savings / month (USD)',
    total: 'Total',
  },
  ko: {
    service: '서비스',
    tag: '태그 {key}',
    untagged: '(태그 없음)',
    monthToDate: '{month} (이번 달 현재까지)',
    changeUsd: '전월 대비 증감 (USD)',
    changePercent: '전월 대비 증감률 (%)',
    savings: '어드바이저 예상 절감액 / 월 (USD)',
    total: '합계',
  },
} satisfies Record<Lang, Record<string, string>>;

/**
 * The Spend table as CSV (BOM, injection-safe cells from csv.ts): one row per service or tag
 * value, a column per month in USD, the month-over-month change, and the advisor's savings when
 * grouped by service; a total row last. Amounts stay plain numbers so they can be summed.
 */
export function spendToCsv(report: SpendResponse, lang: Lang): string {
  const l = LABELS[lang];
  const bySavings = report.grouping.kind === 'service';
  const header = [
    report.grouping.kind === 'service' ? l.service : l.tag.replace('{key}', report.grouping.key),
    ...report.months.map((m) => (m.complete ? m.month : l.monthToDate.replace('{month}', m.month))),
    l.changeUsd,
    l.changePercent,
    ...(bySavings ? [l.savings] : []),
  ];
  const rows: Cell[][] = report.rows.map((row) => [
    row.key === '' && !bySavings ? l.untagged : row.key,
    ...row.amounts,
    row.change.usd,
    row.change.percent ?? undefined,
    ...(bySavings ? [row.savingsUsd] : []),
  ]);
  const savingsTotal = report.rows.reduce((sum, r) => sum + (r.savingsUsd ?? 0), 0);
  rows.push([
    l.total,
    ...report.totals.amounts,
    report.totals.change.usd,
    report.totals.change.percent ?? undefined,
    ...(bySavings ? [Math.round(savingsTotal * 100) / 100] : []),
  ]);
  return toCsv(header, rows);
}
