import type { CheckSummary, Finding } from '../core/findings.js';
import {
  CATEGORIES,
  type Category,
  SERVICE_IDS,
  SEVERITIES,
  type ServiceId,
  type Severity,
} from '../core/services.js';
import { computeScore, type ScoreResult } from './score.js';
import { type ReportInput, ReportInputError } from './types.js';

/** The findings of one check within one service, split the way the report shows them. */
export interface CheckGroup {
  check: CheckSummary;
  /** Failed and warning findings that are not muted, failures first. */
  open: Finding[];
  passed: number;
  muted: Finding[];
  unknown: Finding[];
  notApplicable: number;
}

export interface ServiceSection {
  service: ServiceId;
  score: ScoreResult;
  /** Checks ordered by severity, then by number of open findings. */
  groups: CheckGroup[];
}

/** Aggregates shared by the PDF and the JSON report, computed once per render. */
export interface ReportModel {
  services: ServiceId[];
  findings: Finding[];
  overall: ScoreResult;
  sections: ServiceSection[];
  openBySeverity: Record<Severity, number>;
  openByCategory: Record<Category, number>;
  totalSavingsUsd: number;
  topOpportunities: Finding[];
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

export function isOpen(finding: Finding): boolean {
  return !finding.muted && (finding.status === 'fail' || finding.status === 'warning');
}

/** Validated, de-duplicated services in canonical order. */
export function reportServices(input: Pick<ReportInput, 'services'>): ServiceId[] {
  const known = new Set<string>(SERVICE_IDS);
  for (const service of input.services) {
    if (!known.has(service)) throw new ReportInputError(`Unknown service "${String(service)}".`);
  }
  if (input.services.length === 0) throw new ReportInputError('A report needs at least one service.');
  return SERVICE_IDS.filter((s) => input.services.includes(s));
}

/** The check's catalogue entry, or a stand-in built from the finding when the catalogue lacks it. */
function checkFor(checks: Map<string, CheckSummary>, finding: Finding): CheckSummary {
  const known = checks.get(finding.checkId);
  if (known) return known;
  const stub: CheckSummary = {
    id: finding.checkId,
    service: finding.service,
    category: finding.category,
    severity: finding.severity,
    title: { ko: finding.checkId, en: finding.checkId },
    failureLabel: { ko: finding.checkId, en: finding.checkId },
    description: { ko: '', en: '' },
    remediation: { why: { ko: '', en: '' }, steps: { ko: [], en: [] }, commands: [] },
    docs: [],
  };
  checks.set(finding.checkId, stub);
  return stub;
}

function emptyGroup(check: CheckSummary): CheckGroup {
  return { check, open: [], passed: 0, muted: [], unknown: [], notApplicable: 0 };
}

function buildSection(
  service: ServiceId,
  findings: Finding[],
  checks: Map<string, CheckSummary>,
): ServiceSection {
  const groups = new Map<string, CheckGroup>();
  // Catalogue checks without findings still appear (as "no resources evaluated") to show coverage.
  for (const check of checks.values()) {
    if (check.service === service) groups.set(check.id, emptyGroup(check));
  }
  for (const finding of findings) {
    let group = groups.get(finding.checkId);
    if (!group) {
      group = emptyGroup(checkFor(checks, finding));
      groups.set(finding.checkId, group);
    }
    if (finding.muted) group.muted.push(finding);
    else if (finding.status === 'fail' || finding.status === 'warning') group.open.push(finding);
    else if (finding.status === 'pass') group.passed += 1;
    else if (finding.status === 'unknown') group.unknown.push(finding);
    else group.notApplicable += 1;
  }
  for (const group of groups.values()) {
    group.open.sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      (SEVERITY_RANK.get(a.check.severity) ?? 9) - (SEVERITY_RANK.get(b.check.severity) ?? 9) ||
      b.open.length - a.open.length ||
      a.check.id.localeCompare(b.check.id),
  );
  return { service, score: computeScore(findings), groups: ordered };
}

export function buildReportModel(
  input: Pick<ReportInput, 'services' | 'findings' | 'checks'>,
  topCount = 10,
): ReportModel {
  const services = reportServices(input);
  const included = new Set<ServiceId>(services);
  const findings = input.findings.filter((f) => included.has(f.service));
  const checks = new Map(input.checks.map((c) => [c.id, c]));
  const byService = new Map<ServiceId, Finding[]>(services.map((s) => [s, []]));
  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const openByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let totalSavingsUsd = 0;
  const withSavings: Finding[] = [];
  for (const finding of findings) {
    byService.get(finding.service)?.push(finding);
    if (!isOpen(finding)) continue;
    openBySeverity[finding.severity] += 1;
    openByCategory[finding.category] += 1;
    const savings = finding.estimatedMonthlySavingsUsd;
    if (savings !== undefined && Number.isFinite(savings) && savings > 0) {
      totalSavingsUsd += savings;
      withSavings.push(finding);
    }
  }
  withSavings.sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0));
  return {
    services,
    findings,
    overall: computeScore(findings),
    sections: services.map((s) => buildSection(s, byService.get(s) ?? [], checks)),
    openBySeverity,
    openByCategory,
    totalSavingsUsd: Math.round(totalSavingsUsd * 100) / 100,
    topOpportunities: withSavings.slice(0, topCount),
  };
}

/** The check catalogue entry for a finding (for titles and remediation in CSV/JSON). */
export function checkLookup(checks: readonly CheckSummary[]): (finding: Finding) => CheckSummary {
  const map = new Map(checks.map((c) => [c.id, c]));
  return (finding) => checkFor(map, finding);
}
