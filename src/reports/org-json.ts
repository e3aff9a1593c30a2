import type { OrgJsonReport, OrgJsonReportFinding, ReportAccount } from '../shared/api/report.js';
import { jsonReportParts } from './json.js';
import { buildOrgModel } from './org-model.js';
import { type OrgReportInput, scannedAccounts } from './types.js';

/** The organization's JSON report without its findings, and a generator of them (one account at a time). */
export interface OrgJsonReportParts {
  report: OrgJsonReport;
  findings(): Generator<OrgJsonReportFinding>;
}

/**
 * The SPEC's JSON report over several accounts: each account's part converted as the single-account
 * report does it (remediation with that account's id), tagged with `accountId`; resource counts
 * summed over the scanned accounts and kept per account; the summary over every finding.
 */
export function orgJsonReportParts(input: OrgReportInput): OrgJsonReportParts {
  const org = buildOrgModel(input);
  const parts = scannedAccounts(input).map((a) => ({ id: a.id, parts: jsonReportParts(a.input) }));
  const resourceCounts: Record<string, number> = {};
  const resourceCountsByAccount: Record<string, Record<string, number>> = {};
  for (const { id, parts: account } of parts) {
    resourceCountsByAccount[id] = account.report.collection.resourceCounts;
    for (const [collector, count] of Object.entries(account.report.collection.resourceCounts))
      resourceCounts[collector] = (resourceCounts[collector] ?? 0) + count;
  }
  const accounts: ReportAccount[] = input.accounts.map((a) => ({
    id: a.id,
    name: a.name,
    status: a.status,
    ...(a.status === 'failed' ? { error: a.error } : {}),
    ...(a.ouPath ? { ouPath: a.ouPath } : {}),
  }));
  const scoreByService: OrgJsonReport['summary']['scoreByService'] = {};
  for (const section of org.total.sections) scoreByService[section.service] = section.score;

  const report: OrgJsonReport = {
    account: { id: input.account.id ?? null },
    accounts,
    regions: input.regions,
    services: org.total.services,
    collection: {
      id: input.scanId,
      status: input.status,
      resourceCounts,
      resourceCountsByAccount,
      errors: parts.flatMap(({ id, parts: account }) =>
        account.report.collection.errors.map((e) => ({ accountId: id, ...e })),
      ),
    },
    findings: [],
    lang: input.lang,
    generatedAt: input.generatedAt,
    summary: {
      score: org.total.overall,
      scoreByService,
      openBySeverity: org.total.openBySeverity,
      openByCategory: org.total.openByCategory,
      totalEstimatedMonthlySavingsUsd: org.total.totalSavingsUsd,
    },
  };
  if (input.account.connectionName) report.account.connectionName = input.account.connectionName;
  if (input.organizationId) report.organizationId = input.organizationId;
  if (input.startedAt) report.collection.startedAt = input.startedAt;
  if (input.finishedAt) report.collection.finishedAt = input.finishedAt;
  report.runId = input.scanId;
  if (input.compliance) report.compliance = input.compliance;
  return {
    report,
    *findings() {
      for (const { id, parts: account } of parts)
        for (const finding of account.findings()) yield { accountId: id, ...finding };
    },
  };
}

/** The whole organization JSON report as one object (tests, small reports). */
export function buildOrgJsonReport(input: OrgReportInput): OrgJsonReport {
  const { report, findings } = orgJsonReportParts(input);
  report.findings = [...findings()];
  return report;
}
