import type { Finding } from '../core/findings.js';
import type { CollectorId } from '../core/records.js';
import { serviceOfCollector } from '../core/records.js';
import { remediationText } from '../core/remediation.js';
import type { JsonReport, JsonReportFinding } from '../shared/api/report.js';
import { buildReportModel, checkLookup, reportServices } from './model.js';
import type { ReportInput } from './types.js';

/** The SPEC's JSON report as its summary (findings left empty) and its findings, converted one at a time. */
export interface JsonReportParts {
  report: JsonReport;
  findings(): Generator<JsonReportFinding>;
}

/**
 * The SPEC's JSON report for the services of `input` (findings of other services are left out).
 * Text stays raw: JSON.stringify escapes it, and consumers must treat it as untrusted.
 */
export function buildJsonReport(input: ReportInput): JsonReport {
  const { report, findings } = jsonReportParts(input);
  // Reassigning keeps the key's place: the object reads as the SPEC lists it.
  report.findings = [...findings()];
  return report;
}

/** The report without its findings plus a generator of them, so a writer never holds all at once. */
export function jsonReportParts(input: ReportInput): JsonReportParts {
  const model = buildReportModel(input);
  const lang = input.lang;
  const checkOf = checkLookup(input.checks);

  const accountId = input.account.id ?? input.collection.accountId ?? null;
  const toJson = (finding: Finding): JsonReportFinding => {
    const check = checkOf(finding);
    const out: JsonReportFinding = {
      checkId: finding.checkId,
      service: finding.service,
      category: finding.category,
      severity: finding.severity,
      status: finding.status,
      region: finding.region,
      resourceId: finding.resourceId,
      resourceArn: finding.resourceArn ?? null,
      message: finding.message[lang],
      remediation: remediationText(check.remediation, lang, {
        ...finding,
        accountId: accountId ?? undefined,
      }),
      estimatedMonthlySavingsUsd: finding.estimatedMonthlySavingsUsd ?? null,
      title: check.title[lang],
      failureLabel: check.failureLabel[lang],
    };
    if (finding.resourceName !== undefined) out.resourceName = finding.resourceName;
    if (finding.savingsBasis) out.savingsBasis = finding.savingsBasis[lang];
    if (finding.details) out.details = finding.details;
    if (finding.muted) out.muted = finding.muted;
    return out;
  };

  const scoreByService: Record<string, JsonReport['summary']['score']> = {};
  for (const section of model.sections) scoreByService[section.service] = section.score;

  const report: JsonReport = {
    account: { id: accountId },
    regions: input.regions,
    services: model.services,
    collection: { id: input.collection.id, status: input.collection.status, ...jsonCollection(input) },
    findings: [],
    lang,
    generatedAt: input.generatedAt,
    summary: {
      score: model.overall,
      scoreByService,
      openBySeverity: model.openBySeverity,
      openByCategory: model.openByCategory,
      totalEstimatedMonthlySavingsUsd: model.totalSavingsUsd,
    },
  };
  const connectionName = input.account.connectionName ?? input.collection.connectionName;
  if (connectionName) report.account.connectionName = connectionName;
  if (input.collection.startedAt) report.collection.startedAt = input.collection.startedAt;
  if (input.collection.finishedAt) report.collection.finishedAt = input.collection.finishedAt;
  if (input.collection.skippedRegions?.length)
    report.collection.skippedRegions = input.collection.skippedRegions;
  if (input.runId) report.runId = input.runId;
  if (input.change) {
    const { previousRunAt, newCount, resolvedCount } = input.change;
    report.changeSincePreviousRun = { previousRunAt, newCount, resolvedCount };
  }
  return {
    report,
    *findings() {
      for (const finding of model.findings) yield toJson(finding);
    },
  };
}

/** The collection's resource counts and errors as the JSON report shows them: the report's services only. */
export function jsonCollection(
  input: Pick<ReportInput, 'collection' | 'services'>,
): Pick<JsonReport['collection'], 'resourceCounts' | 'errors'> {
  const included = new Set<string>(reportServices(input));
  const resourceCounts: Record<string, number> = {};
  for (const [collector, count] of Object.entries(input.collection.resourceCounts)) {
    if (count !== undefined && included.has(serviceOfCollector(collector as CollectorId))) {
      resourceCounts[collector] = count;
    }
  }
  const errors = input.collection.errors
    .filter((e) => included.has(e.service))
    .map((e) => ({
      service: e.service,
      region: e.region,
      operation: e.operation,
      code: e.code,
      message: e.message,
      ...(e.collector ? { collector: e.collector } : {}),
    }));
  return { resourceCounts, errors };
}
