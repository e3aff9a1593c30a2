import { resolveTimeZone } from './format.js';
import { reportServices } from './model.js';
import type { ReportInput } from './types.js';

/**
 * The reports module for routes and the CLI. Call `assertReportInput` before sending headers:
 * it throws ReportInputError (→ HTTP 400 / CLI exit 2) for an unknown service or time zone, so a
 * streamed PDF never starts with a 200 and then fails on a user's mistake.
 */
export function assertReportInput(input: Pick<ReportInput, 'services' | 'timeZone'>): void {
  reportServices(input);
  resolveTimeZone(input.timeZone);
}

export { FINDINGS_CSV_COLUMNS, findingsToCsv, inventoryToCsv, neutraliseCell } from './csv.js';
export { createFormatters } from './format.js';
export { LABELS, label } from './i18n.js';
export { buildJsonReport } from './json.js';
export { forService, renderAdvisorPdf } from './pdf.js';
export { computeScore, type ScoreResult, SEVERITY_WEIGHTS, scoresByService } from './score.js';
export { type ReportInput, ReportInputError } from './types.js';
