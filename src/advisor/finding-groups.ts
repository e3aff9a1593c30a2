import type { Finding } from '../core/findings.js';
import { SEVERITIES } from '../core/services.js';
import type {
  FindingFilter,
  FindingGroup,
  FindingGroupsResponse,
  FindingPageQuery,
  FindingPageResponse,
} from '../shared/api/advisor.js';
import { isOpen } from './summary.js';

/** The check's title in both languages, so the text filter finds a check by what the page shows. */
export type TitleOf = (checkId: string) => string;

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));
const rankOf = (f: { severity: Finding['severity'] }) => severityRank.get(f.severity) ?? SEVERITIES.length;
const savingsOf = (f: Finding) => (isOpen(f) && !f.muted ? (f.estimatedMonthlySavingsUsd ?? 0) : 0);

function matchesStatus(f: Finding, status: FindingFilter['status']): boolean {
  if (status === 'muted') return f.muted !== undefined;
  if (f.muted) return false;
  if (status === 'all') return true;
  if (status === 'open') return isOpen(f);
  return f.status === status;
}

/** One predicate for the grouped and the flat view, so their counts always agree. */
export function findingMatcher(filter: FindingFilter, titleOf: TitleOf): (f: Finding) => boolean {
  const text = filter.q?.trim().toLowerCase() ?? '';
  const titles = new Map<string, string>();
  const title = (checkId: string) => {
    let found = titles.get(checkId);
    if (found === undefined) {
      found = `${checkId}\n${titleOf(checkId)}`.toLowerCase();
      titles.set(checkId, found);
    }
    return found;
  };
  return (f) => {
    if (filter.service && f.service !== filter.service) return false;
    if (filter.category && f.category !== filter.category) return false;
    if (filter.severity && f.severity !== filter.severity) return false;
    if (filter.region && f.region !== filter.region) return false;
    if (!matchesStatus(f, filter.status)) return false;
    if (!text) return true;
    if (title(f.checkId).includes(text)) return true;
    return [f.resourceId, f.resourceName ?? '', f.region, f.message.ko, f.message.en]
      .join('\n')
      .toLowerCase()
      .includes(text);
  };
}

const byGroup: Record<FindingFilter['sort'], (a: FindingGroup, b: FindingGroup) => number> = {
  severity: (a, b) => rankOf(a) - rankOf(b) || b.matched - a.matched || a.checkId.localeCompare(b.checkId),
  savings: (a, b) =>
    b.estimatedMonthlySavingsUsd - a.estimatedMonthlySavingsUsd ||
    rankOf(a) - rankOf(b) ||
    a.checkId.localeCompare(b.checkId),
  count: (a, b) => b.matched - a.matched || rankOf(a) - rankOf(b) || a.checkId.localeCompare(b.checkId),
};

/** One row per check with matching findings: counts, savings and regions, sorted as asked. */
export function groupFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
  titleOf: TitleOf,
): FindingGroupsResponse {
  const matches = findingMatcher(filter, titleOf);
  const groups = new Map<string, FindingGroup & { regionSet: Set<string> }>();
  const regions = new Set<string>();
  let matched = 0;
  for (const f of findings) {
    regions.add(f.region);
    let group = groups.get(f.checkId);
    if (!group) {
      group = {
        checkId: f.checkId,
        service: f.service,
        category: f.category,
        severity: f.severity,
        matched: 0,
        failed: 0,
        total: 0,
        estimatedMonthlySavingsUsd: 0,
        regions: [],
        regionSet: new Set(),
      };
      groups.set(f.checkId, group);
    }
    if (!f.muted) {
      group.total++;
      if (isOpen(f)) group.failed++;
    }
    if (!matches(f)) continue;
    matched++;
    group.matched++;
    group.estimatedMonthlySavingsUsd += savingsOf(f);
    group.regionSet.add(f.region);
  }
  const shown = [...groups.values()]
    .filter((g) => g.matched > 0)
    .map(({ regionSet, ...g }) => ({
      ...g,
      // Cents: float sums of many small figures otherwise show as 12.340000000001.
      estimatedMonthlySavingsUsd: Math.round(g.estimatedMonthlySavingsUsd * 100) / 100,
      regions: [...regionSet].sort(),
    }))
    .sort(byGroup[filter.sort]);
  return { groups: shown, matched, regions: [...regions].sort() };
}

const byFinding: Record<FindingFilter['sort'], (a: Finding, b: Finding) => number> = {
  severity: (a, b) => rankOf(a) - rankOf(b) || savingsOf(b) - savingsOf(a),
  savings: (a, b) => savingsOf(b) - savingsOf(a) || rankOf(a) - rankOf(b),
  // A flat list has no count: the check with the most findings first, as in the grouped view.
  count: (a, b) => rankOf(a) - rankOf(b),
};
const stable = (a: Finding, b: Finding) =>
  a.checkId.localeCompare(b.checkId) ||
  a.region.localeCompare(b.region) ||
  a.resourceId.localeCompare(b.resourceId);

/** The matching findings (of one check with `query.check`), sorted, one page of them. */
export function pageFindings(
  findings: readonly Finding[],
  query: FindingPageQuery,
  titleOf: TitleOf,
): FindingPageResponse {
  const matches = findingMatcher(query, titleOf);
  const shown = findings.filter((f) => (!query.check || f.checkId === query.check) && matches(f));
  let order = byFinding[query.sort];
  if (query.sort === 'count') {
    const perCheck = new Map<string, number>();
    for (const f of shown) perCheck.set(f.checkId, (perCheck.get(f.checkId) ?? 0) + 1);
    order = (a, b) =>
      (perCheck.get(b.checkId) ?? 0) - (perCheck.get(a.checkId) ?? 0) || rankOf(a) - rankOf(b);
  }
  shown.sort((a, b) => order(a, b) || stable(a, b));
  return {
    total: shown.length,
    offset: query.offset,
    findings: shown.slice(query.offset, query.offset + query.limit),
  };
}
