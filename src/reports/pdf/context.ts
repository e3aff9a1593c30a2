import type { CheckSummary, Finding } from '../../core/findings.js';
import type { Formatters } from '../format.js';
import type { ReportModel } from '../model.js';
import type { ReportInput } from '../types.js';
import type { PageMap, PdfWriter } from './layout.js';

/** What every section renderer reads. `pageMap` is known only in the second pass. */
export interface RenderContext {
  w: PdfWriter;
  input: ReportInput;
  model: ReportModel;
  fmt: Formatters;
  checkOf: (finding: Finding) => CheckSummary;
  pageMap?: PageMap;
}

/** The name above the id when the resource has a distinct name, else the id. */
export function resourceLabel(finding: Finding): string[] {
  const name = finding.resourceName;
  return name && name !== finding.resourceId ? [name, finding.resourceId] : [finding.resourceId];
}
