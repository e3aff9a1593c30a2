import { ANY_REGION } from '../core/coverage.js';
import type { Finding } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import type { MuteRule } from '../shared/api/advisor.js';
import type { DashboardSource } from '../shared/api/dashboard.js';
import { applyMutes, type MuteTarget } from './mutes.js';
import { mayHoldResource, type RunFigures, SAVINGS_KEPT } from './run-figures.js';
import type { StoredRun } from './store.js';
import { isOpen, type SummarizedFinding } from './summary.js';

/** What reading precomputed figures needs besides them: the mutes in force and, rarely, stored findings. */
export interface FiguresReader {
  rules: readonly MuteRule[];
  now: Date;
  /** One service's stored findings of a run, mutes not applied (read only where figures cannot tell). */
  serviceFindings: (run: StoredRun, service: ServiceId) => Promise<readonly Finding[]>;
}

/** A run and the sources of its account: the run counts only where it is its account's source. */
export interface SourceRun {
  run: StoredRun;
  figures: RunFigures;
  accountSources: readonly DashboardSource[];
  /** The run's account for account- and OU-scoped mutes (undefined: only rules for every account apply). */
  target: MuteTarget | undefined;
}

/** Mutes for the findings of one account (its account and OU rules included): every mute of the roll-up. */
export function muteAccountFindings(
  findings: readonly Finding[],
  reader: Pick<FiguresReader, 'rules' | 'now'>,
  source: Pick<SourceRun, 'target'>,
): Finding[] {
  return applyMutes(findings, reader.rules, reader.now, source.target);
}

/** Each account's sources by service × region, indexed once per request (a run has many groups). */
const sourceIndexes = new WeakMap<readonly DashboardSource[], Map<string, string>>();

/** The run a service × region is taken from: sourceOf (./dashboard.ts) by a lookup instead of a scan. */
function sourceRunIdOf(sources: readonly DashboardSource[], service: ServiceId, region: string) {
  let index = sourceIndexes.get(sources);
  if (!index) {
    index = new Map();
    for (const s of sources)
      if (!index.has(`${s.service}|${s.region}`)) index.set(`${s.service}|${s.region}`, s.runId);
    sourceIndexes.set(sources, index);
  }
  return index.get(`${service}|${region}`) ?? index.get(`${service}|${ANY_REGION}`);
}

const isKept = (source: SourceRun, service: ServiceId, region: string) =>
  sourceRunIdOf(source.accountSources, service, region) === source.run.runId;

/** A stand-in finding of a figures row, for mute matching (it names no resource). */
function probe(figures: RunFigures, check: number, region: string, resourceId = ''): Finding {
  const row = figures.checks[check];
  if (!row) throw new Error(`Roll-up figures name an unknown check row ${check}`);
  const [checkId, service, category, severity] = row;
  return {
    checkId,
    service,
    category,
    severity,
    status: 'fail',
    region,
    resourceId,
    message: { ko: '', en: '' },
  };
}

/** Services of the run a resource mute may touch: there the stored findings are read and muted one by one. */
function servicesNeedingFindings(source: SourceRun, rules: readonly MuteRule[]): Set<ServiceId> {
  const out = new Set<ServiceId>();
  for (const rule of rules) {
    if (rule.resourceId === undefined || !mayHoldResource(source.figures, rule.checkId, rule.resourceId))
      continue;
    for (const [checkId, service] of source.figures.checks) if (checkId === rule.checkId) out.add(service);
  }
  return out;
}

/**
 * The summary inputs of one source run, mutes in force applied: tallies of the figures' groups
 * (a whole-check mute mutes a whole group), and the stored findings themselves for a service a
 * resource mute may touch — so the summary equals that of the run's muted findings exactly.
 */
export async function runTallies(source: SourceRun, reader: FiguresReader): Promise<SummarizedFinding[]> {
  const { run, figures } = source;
  const exact = servicesNeedingFindings(source, reader.rules);
  const out: SummarizedFinding[] = [];
  for (const service of exact) {
    const findings = muteAccountFindings(await reader.serviceFindings(run, service), reader, source);
    out.push(...findings.filter((f) => isKept(source, f.service, f.region)));
  }
  const groups = figures.groups.filter(([check, region]) => {
    const service = figures.checks[check]?.[1];
    return service !== undefined && !exact.has(service) && isKept(source, service, region);
  });
  const wholeCheckRules = { ...reader, rules: reader.rules.filter((r) => r.resourceId === undefined) };
  const probes = muteAccountFindings(
    groups.map(([check, region]) => probe(figures, check, region)),
    wholeCheckRules,
    source,
  );
  groups.forEach(([, , status, count, cents], i) => {
    const stand = probes[i];
    if (!stand) return;
    const { service, category, severity, muted } = stand;
    out.push({
      service,
      category,
      severity,
      status,
      count,
      ...(muted ? { muted } : {}),
      ...(cents > 0 ? { estimatedMonthlySavingsUsd: cents / 100 } : {}),
    });
  });
  return out;
}

interface SavingsCandidate {
  usd: number;
  /** Merge order: the run's place, the service's place in the run, the finding's in its document. */
  order: [number, number, number];
  source: SourceRun;
  service: ServiceId;
  finding?: Finding;
}

const byOrder = (a: SavingsCandidate, b: SavingsCandidate) =>
  b.usd - a.usd || a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];

async function savingsCandidates(
  source: SourceRun,
  runOrder: number,
  reader: FiguresReader,
): Promise<SavingsCandidate[]> {
  const { run, figures } = source;
  const serviceOrder = (service: ServiceId) => run.services.indexOf(service);
  const rows = figures.savings.filter(([check, region]) => {
    const service = figures.checks[check]?.[1];
    return service !== undefined && isKept(source, service, region);
  });
  const probes = muteAccountFindings(
    rows.map(([check, region, resourceId]) => probe(figures, check, region, resourceId)),
    reader,
    source,
  );
  const open = rows.flatMap(([, , , cents, position], i) => {
    const p = probes[i];
    if (!p || p.muted) return [];
    const order: SavingsCandidate['order'] = [runOrder, serviceOrder(p.service), position];
    return [{ usd: cents / 100, order, source, service: p.service }];
  });
  if (figures.savingsComplete || open.length >= SAVINGS_KEPT) return open;
  // Mutes hid some of the kept savings and the run had more: read its findings this once.
  const out: SavingsCandidate[] = [];
  for (const service of run.services) {
    const findings = muteAccountFindings(await reader.serviceFindings(run, service), reader, source);
    findings.forEach((finding, position) => {
      const usd = finding.estimatedMonthlySavingsUsd ?? 0;
      if (isOpen(finding) && !finding.muted && usd > 0 && isKept(source, finding.service, finding.region))
        out.push({ usd, order: [runOrder, serviceOrder(service), position], source, service, finding });
    });
  }
  return out;
}

/** The biggest open, unmuted savings over the runs (in merge order), as the dashboard's topSavings. */
export async function topSavingsOf(
  sources: readonly SourceRun[],
  reader: FiguresReader,
  limit = 10,
): Promise<Finding[]> {
  const candidates: SavingsCandidate[] = [];
  for (const [i, source] of sources.entries())
    candidates.push(...(await savingsCandidates(source, i, reader)));
  const top = candidates.sort(byOrder).slice(0, limit);
  return await Promise.all(
    top.map(async (c) => {
      if (c.finding) return c.finding;
      const stored = (await reader.serviceFindings(c.source.run, c.service))[c.order[2]];
      if (!stored) throw new Error(`Run ${c.source.run.runId} lost a finding its figures name`);
      const [muted] = muteAccountFindings([stored], reader, c.source);
      return muted ?? stored;
    }),
  );
}
