/**
 * The collection runner: resolves regions, runs the chosen collectors in dependency order with
 * regions and services in parallel, captures every failure per collector × region (or per
 * resource), streams progress, honours cancellation. It only talks to AWS; the job layer persists.
 */
import { setMaxListeners } from 'node:events';
import pLimit, { type LimitFunction } from 'p-limit';
import { type ClientFactory, type ClientFactoryOptions, createClientFactory } from '../aws/clients.js';
import type {
  CollectionRequest,
  ProgressEvent,
  RunCollection,
  RunCollectionOptions,
  RunCollectionResult,
} from '../core/collection-run.js';
import type { CollectorId, FieldError, RecordKinds } from '../core/records.js';
import { partitionOf } from '../core/regions.js';
import type { ServiceId } from '../core/services.js';
import type { CollectionError, CollectorOutcome } from '../core/snapshot.js';
import { describeError, isAbortError } from './errors.js';
import { resolveRegions } from './regions.js';
import { collectorsForIds, collectorsForServices, collectors as registryCollectors } from './registry.js';
import { type RecordBuffers, ServiceDocuments } from './service-documents.js';
import type { Collector, CollectorContext } from './types.js';

export interface RunnerOptions {
  /** Collectors to choose from (default: the auto-discovered registry). */
  collectors?: Collector[];
  /** Per-resource calls in flight per account × region × service. */
  perServiceConcurrency?: number;
  /** Region for global collectors and DescribeRegions. */
  homeRegion?: string;
  /** Client factory knobs (tests inject faults through `plugins` and shorten timeouts). */
  client?: Pick<ClientFactoryOptions, 'plugins' | 'maxAttempts' | 'connectionTimeoutMs' | 'requestTimeoutMs'>;
}

export const DEFAULT_PER_SERVICE_CONCURRENCY = 8;
export const GLOBAL_REGION = 'global';

type AnyRecord = RecordKinds[CollectorId];
type UnitResult = 'ok' | 'failed';

/** Keyed errors so one per-resource failure repeated over 2,000 resources is recorded once, counted. */
class ErrorLog {
  private readonly byKey = new Map<string, CollectionError>();
  add(error: CollectionError, perResource = false): void {
    const key = perResource
      ? `${error.collector}|${error.region}|${error.operation}|${error.code}`
      : `${this.byKey.size}`;
    const existing = this.byKey.get(key);
    if (existing) existing.occurrences = (existing.occurrences ?? 1) + 1;
    else this.byKey.set(key, perResource ? { ...error, occurrences: 1 } : error);
  }
  list(): CollectionError[] {
    return [...this.byKey.values()];
  }
}

export function createRunCollection(runner: RunnerOptions = {}): RunCollection {
  return (options) => collect(options, runner);
}

/** The default runner over the auto-discovered collectors. */
export const runCollection: RunCollection = createRunCollection();

async function collect(options: RunCollectionOptions, runner: RunnerOptions): Promise<RunCollectionResult> {
  const signal = options.signal ?? new AbortController().signal;
  // Every in-flight SDK call may listen on the run's signal; hundreds at once are expected.
  setMaxListeners(1000, signal);
  const homeRegion = runner.homeRegion ?? 'us-east-1';
  const factory = createClientFactory({
    ...runner.client,
    credentials: options.credentials,
    endpoint: options.endpoint,
    signal,
  });
  try {
    return await runWithFactory(options, runner, factory, signal, homeRegion);
  } finally {
    factory.destroy();
  }
}

async function runWithFactory(
  options: RunCollectionOptions,
  runner: RunnerOptions,
  factory: ClientFactory,
  signal: AbortSignal,
  homeRegion: string,
): Promise<RunCollectionResult> {
  const now = options.now ?? new Date();
  const emit = (event: ProgressEvent) => options.onProgress?.(event);
  const errors = new ErrorLog();
  // A global-only unit covers no region, so it does not look regions up.
  const resolved =
    options.request.scope === 'global'
      ? { regions: [], skipped: [], errors: [] }
      : await resolveRegions(factory, options.request.regions, homeRegion);
  for (const error of resolved.errors) errors.add(error);

  const chosen = chooseCollectors(options.request, runner.collectors ?? registryCollectors);
  const byId = new Map(chosen.map((c) => [c.id, c]));

  const unitRegions = (c: Collector) => (c.scope === 'global' ? [GLOBAL_REGION] : resolved.regions);
  const records: RecordBuffers = new Map();
  const resourceCounts: Partial<Record<CollectorId, number>> = {};
  const documents = new ServiceDocuments(
    chosen,
    records,
    [GLOBAL_REGION, ...resolved.regions],
    now.toISOString(),
    (c) => unitRegions(c).length,
    options.onServiceDocument,
  );
  const results: RunCollectionResult['outcome']['results'] = {};
  const tasks = new Map<string, Promise<UnitResult>>();
  const limiters = new Map<string, LimitFunction>();
  const limiterFor = (region: string, service: ServiceId) => {
    const key = `${region}|${service}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = pLimit(runner.perServiceConcurrency ?? DEFAULT_PER_SERVICE_CONCURRENCY);
      limiters.set(key, limiter);
    }
    return limiter;
  };
  const setOutcome = (id: CollectorId, region: string, outcome: CollectorOutcome) => {
    const perRegion = results[id] ?? {};
    perRegion[region] = outcome;
    results[id] = perRegion;
  };

  for (const c of chosen)
    for (const region of unitRegions(c))
      emit({ service: c.service, collector: c.id, region, state: 'pending' });

  // Units of the dependencies this unit reads: same region for regional ones, all for global ones.
  const dependencyUnits = (c: Collector, region: string): string[] =>
    (c.dependsOn ?? []).flatMap((depId) => {
      const dep = byId.get(depId);
      // A dependency that is not registered (yet) has no task: the unit is skipped, not "ok, 0".
      if (!dep) return [`${depId}|unavailable`];
      if (dep.scope === 'global') return [`${depId}|${GLOBAL_REGION}`];
      return region === GLOBAL_REGION ? resolved.regions.map((r) => `${depId}|${r}`) : [`${depId}|${region}`];
    });

  const runUnit = async (c: Collector, region: string): Promise<UnitResult> => {
    const deps = await Promise.all(dependencyUnits(c, region).map((key) => tasks.get(key)));
    const skip = (reason: 'cancelled' | 'dependency-failed'): UnitResult => {
      setOutcome(c.id, region, { status: 'skipped', reason });
      emit({ service: c.service, collector: c.id, region, state: 'skipped' });
      return 'failed';
    };
    if (signal.aborted) return skip('cancelled');
    if (deps.some((d) => d !== 'ok')) return skip('dependency-failed');

    emit({ service: c.service, collector: c.id, region, state: 'running' });
    const started = Date.now();
    const clientRegion = region === GLOBAL_REGION ? homeRegion : region;
    const limiter = limiterFor(clientRegion, c.service);
    const ctx: CollectorContext = {
      region,
      accountId: options.accountId,
      partition: partitionOf(clientRegion),
      now,
      signal,
      client: (ctor) => factory.get(ctor, clientRegion),
      clientIn: (ctor, other) => factory.get(ctor, other),
      dependency: <K extends CollectorId>(id: K) =>
        dependencyRecords(records, byId, id, region) as RecordKinds[K][],
      limit: (fn) => limiter(fn),
      fieldError: (error: unknown, operation: string): FieldError => {
        const described = describeError(error, operation);
        // A cancelled run is not an AWS failure: do not list it among the errors.
        if (!isAbortError(error))
          errors.add({ service: c.service, region, collector: c.id, ...described }, true);
        return described;
      },
    };
    // Records go straight into this unit's array: no intermediate copies.
    const sink: AnyRecord[] = [];
    const perRegion = records.get(c.id) ?? new Map<string, AnyRecord[]>();
    perRegion.set(region, sink);
    records.set(c.id, perRegion);
    try {
      for await (const record of c.collect(ctx)) {
        if (signal.aborted) break;
        sink.push(record);
      }
      if (signal.aborted) return skip('cancelled');
      setOutcome(c.id, region, { status: 'ok', count: sink.length, durationMs: Date.now() - started });
      emit({ service: c.service, collector: c.id, region, state: 'done', count: sink.length });
      return 'ok';
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return skip('cancelled');
      const failure: CollectionError = {
        service: c.service,
        region,
        collector: c.id,
        ...describeError(error, c.id),
      };
      errors.add(failure);
      setOutcome(c.id, region, { status: 'error', error: failure, durationMs: Date.now() - started });
      emit({ service: c.service, collector: c.id, region, state: 'error', error: failure });
      return 'failed';
    } finally {
      resourceCounts[c.id] = (resourceCounts[c.id] ?? 0) + sink.length;
    }
  };

  // Every unit starts now; each awaits only its own dependencies, so regions and services overlap.
  for (const c of topologicalOrder(chosen))
    for (const region of unitRegions(c))
      tasks.set(
        `${c.id}|${region}`,
        runUnit(c, region).finally(() => documents.settled(c.service)),
      );
  await Promise.all(tasks.values());
  const unsent = await documents.finish();

  return {
    outcome: {
      regions: resolved.regions,
      skippedRegions: resolved.skipped,
      services: [...options.request.services],
      results,
      errors: errors.list(),
      resourceCounts,
      apiCalls: factory.apiCalls(),
    },
    documents: unsent,
  };
}

/**
 * An explicit collector list (advisor runs: what the selected checks read) wins over whole
 * services; either way every dependency comes along, or its dependants would only be skipped.
 */
export function chooseCollectors(request: CollectionRequest, pool: readonly Collector[]): Collector[] {
  const chosen = request.collectors
    ? collectorsForIds(request.collectors, pool)
    : collectorsForServices(request.services, pool);
  return request.scope ? chosen.filter((c) => c.scope === request.scope) : chosen;
}

function dependencyRecords(
  records: Map<CollectorId, Map<string, AnyRecord[]>>,
  byId: Map<CollectorId, Collector>,
  id: CollectorId,
  region: string,
): AnyRecord[] {
  const perRegion = records.get(id);
  if (!perRegion) return [];
  if (byId.get(id)?.scope === 'global' || region === GLOBAL_REGION) return [...perRegion.values()].flat();
  return perRegion.get(region) ?? [];
}

/** Dependencies first; a cycle (a programming error) is reported instead of deadlocking. */
function topologicalOrder(chosen: Collector[]): Collector[] {
  const byId = new Map(chosen.map((c) => [c.id, c]));
  const ordered: Collector[] = [];
  const state = new Map<CollectorId, 'visiting' | 'done'>();
  const visit = (c: Collector) => {
    const seen = state.get(c.id);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Collector dependency cycle at ${c.id}`);
    state.set(c.id, 'visiting');
    for (const dep of c.dependsOn ?? []) {
      const depCollector = byId.get(dep);
      if (depCollector) visit(depCollector);
    }
    state.set(c.id, 'done');
    ordered.push(c);
  };
  for (const c of chosen) visit(c);
  return ordered;
}
