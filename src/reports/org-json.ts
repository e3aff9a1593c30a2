import type { OrgJsonReport, OrgJsonReportFinding } from '../shared/api/report.js';
import { jsonReportParts } from './json.js';
import { buildOrgModel, type OrgModel } from './org-model.js';
import { accountReportInput, type OrgAccountReport, type OrgReport, type OrgReportInput } from './types.js';

/**
 * The SPEC's JSON report over several accounts without its findings: resource counts summed over
 * the scanned accounts and kept per account, collection errors tagged with their account, the
 * summary over every finding — all read from the organization's model, none from findings.
 */
export function orgJsonSummary(input: Omit<OrgReport, 'accounts'>, org: OrgModel): OrgJsonReport {
  const resourceCounts: Record<string, number> = {};
  const resourceCountsByAccount: Record<string, Record<string, number>> = {};
  for (const { id, collection } of org.collections) {
    resourceCountsByAccount[id] = collection.resourceCounts;
    for (const [collector, count] of Object.entries(collection.resourceCounts))
      resourceCounts[collector] = (resourceCounts[collector] ?? 0) + count;
  }
  const scoreByService: OrgJsonReport['summary']['scoreByService'] = {};
  for (const section of org.total.sections) scoreByService[section.service] = section.score;

  const report: OrgJsonReport = {
    account: { id: input.account.id ?? null },
    accounts: org.accounts,
    regions: input.regions,
    services: org.total.services,
    collection: {
      id: input.scanId,
      status: input.status,
      resourceCounts,
      resourceCountsByAccount,
      errors: org.collections.flatMap(({ id, collection }) =>
        collection.errors.map((e) => ({ accountId: id, ...e })),
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
  return report;
}

/**
 * One account's findings as the organization report lists them: converted as the single-account
 * report does it (remediation with that account's id), tagged with `accountId`. None when failed.
 */
export function* accountJsonFindings(
  input: Omit<OrgReport, 'accounts'>,
  account: OrgAccountReport,
): Generator<OrgJsonReportFinding> {
  if (account.status !== 'scanned') return;
  const { findings } = jsonReportParts(accountReportInput(input, account.report));
  for (const finding of findings()) yield { accountId: account.id, ...finding };
}

/** The whole organization JSON report as one object (tests, small reports). */
export function buildOrgJsonReport(input: OrgReportInput): OrgJsonReport {
  const report = orgJsonSummary(input, buildOrgModel(input));
  report.findings = input.accounts.flatMap((account) => [...accountJsonFindings(input, account)]);
  return report;
}
