import type { RunCollection } from '../core/collection-run.js';
import { DomainError } from '../core/errors.js';
import { type CollectorId, serviceOfCollector } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import { SERVICE_IDS } from '../core/services.js';
import { recoverOrphans, waitUntilFinal } from '../jobs/lifecycle.js';
import type { ProgressBus } from '../jobs/progress-bus.js';
import type { JobQueue } from '../jobs/queue.js';
import { COLLECTOR_IDS, type CollectionSummary, REGION_PATTERN } from '../shared/api/collections.js';
import { diffCollections } from './diff.js';
import { CollectionsError, notFound } from './errors.js';
import { newCollectionId } from './ids.js';
import { ProgressHub } from './progress.js';
import { createRecordsReader } from './records.js';
import { listSelectableRegions } from './regions.js';
import { type CollectionJobPayload, createCollectionJobHandler, isFinal } from './run-job.js';
import { createResourceSearch } from './search.js';
import { type CollectionDocuments, CollectionStore } from './store.js';
import { summarize } from './summary.js';
import type { Logger, ResolveCredentials, StoredCollection } from './types.js';
import { COLLECTION_UNIT_JOB, createUnits } from './units.js';
import { UnsavedFinals } from './unsaved.js';

export const COLLECTION_JOB = 'collection';

export const RESTART_REASON = 'server restarted';

export interface CollectionServiceDeps {
  documents: CollectionDocuments;
  queue: JobQueue;
  /** Where progress goes (and is read from), across processes in Redis mode. */
  bus: ProgressBus;
  resolveCredentials: ResolveCredentials;
  runCollection: RunCollection;
  now?: () => Date;
  log?: Logger;
  /** Region asked for DescribeRegions (AWS_REGION of the server). */
  homeRegion?: string;
  /** Waits between attempts of a job's final metadata write (tests shorten them). */
  finalWriteRetryDelaysMs?: readonly number[];
  /** Split each collection into region units run as child jobs (a shared queue: Redis mode). */
  splitUnits?: boolean;
}

export interface StartCollectionInput {
  connectionId?: string;
  /** A member account of the connection's organization (default: the connection's own account). */
  accountId?: string;
  services: readonly string[];
  regions: readonly string[] | 'all-enabled';
  /** Only these collectors (plus their dependencies) instead of whole services; their services are added. */
  collectors?: readonly string[];
}

/** Input that arrives untyped (CLI, tests) is checked here too, not only by the route schema. */
function validateStart(input: StartCollectionInput): {
  services: ServiceId[];
  regions: string[] | 'all-enabled';
  collectors?: CollectorId[];
} {
  if (!Array.isArray(input.services))
    throw new CollectionsError('validation_failed', 'Choose at least one service');
  if (input.services.length === 0 && (input.collectors === undefined || input.collectors.length === 0))
    throw new CollectionsError('validation_failed', 'Choose at least one service or collector');
  const unknown = input.services.filter((s) => !(SERVICE_IDS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new CollectionsError('unknown_service', `Unknown service: ${unknown.join(', ').slice(0, 200)}`);
  let regions: string[] | 'all-enabled';
  if (input.regions === 'all-enabled') regions = 'all-enabled';
  else {
    if (!Array.isArray(input.regions) || input.regions.length === 0)
      throw new CollectionsError('validation_failed', 'Choose at least one region or all enabled regions');
    const bad = input.regions.filter((r) => !REGION_PATTERN.test(r));
    if (bad.length > 0)
      throw new CollectionsError('region_invalid', `Invalid region name: ${bad.join(', ').slice(0, 200)}`);
    regions = [...new Set(input.regions)];
  }
  const services = new Set(input.services as ServiceId[]);
  if (input.collectors === undefined) return { services: [...services], regions };
  const collectors = validateCollectors(input.collectors);
  for (const id of collectors) services.add(serviceOfCollector(id));
  return { services: [...services], regions, collectors };
}

function validateCollectors(input: readonly string[]): CollectorId[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new CollectionsError('validation_failed', 'Choose at least one collector');
  const unknown = input.filter((id) => !(COLLECTOR_IDS as readonly string[]).includes(id));
  if (unknown.length > 0)
    throw new CollectionsError('validation_failed', `Unknown collector: ${unknown.join(', ').slice(0, 200)}`);
  return [...new Set(input as CollectorId[])].sort();
}

/** Domain errors of resolveCredentials (no connection, not found) pass through; others become 400. */
function connectionError(error: unknown): Error {
  if (error instanceof DomainError) return error;
  const e = error as { message?: unknown };
  const message = typeof e?.message === 'string' ? e.message.slice(0, 300) : 'unknown error';
  return new CollectionsError('connection_failed', `Could not use the AWS connection: ${message}`);
}

export type CollectionService = ReturnType<typeof createCollectionService>;

/**
 * Collections of one server: start (queued → running → final), cancel, restart recovery, history.
 * Per-record reads (tables, detail, diff) live in records.ts / diff.ts on top of the same store.
 */
export function createCollectionService(deps: CollectionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const log: Logger = deps.log ?? (() => {});
  const store = new CollectionStore(deps.documents);
  const hub = new ProgressHub(deps.bus);
  const unsaved = new UnsavedFinals();
  /** Registered on the queue by the composition root where a worker runs (src/app). */
  const units = createUnits({
    store,
    hub,
    resolveCredentials: deps.resolveCredentials,
    runCollection: deps.runCollection,
    now,
    homeRegion: deps.homeRegion ?? 'us-east-1',
    split: deps.splitUnits ?? false,
    log,
  });
  const jobHandler = createCollectionJobHandler({
    store,
    hub,
    units,
    now,
    log,
    unsaved,
    ...(deps.finalWriteRetryDelaysMs ? { finalWriteRetryDelaysMs: deps.finalWriteRetryDelaysMs } : {}),
  });

  async function requireCollection(username: string, id: string): Promise<StoredCollection> {
    const found = await store.getMetadata(username, id);
    if (!found) throw notFound(id);
    return unsaved.overlay(found);
  }

  /** Waits (bounded) for a cancelled job to write its final metadata. */
  const waitForFinal = (username: string, id: string, timeoutMs: number) =>
    waitUntilFinal(
      () => requireCollection(username, id),
      (c) => isFinal(c.status),
      timeoutMs,
    );

  const records = createRecordsReader(store);

  return {
    store,
    progress: hub,
    jobHandler,
    /** Makes this process run collections: the collection job and its units' jobs (units.ts). */
    processJobs(): void {
      deps.queue.process(COLLECTION_JOB, jobHandler);
      deps.queue.process(COLLECTION_UNIT_JOB, units.run);
    },
    records,
    /** Search over the latest collections' resources and tags (their search indexes). */
    search: createResourceSearch(store),
    diff: (username: string, fromId: string, toId: string) => diffCollections(store, username, fromId, toId),
    regions: (username: string, connectionId?: string, accountId?: string) =>
      listSelectableRegions(
        deps.resolveCredentials,
        username,
        connectionId,
        deps.homeRegion ?? 'us-east-1',
        accountId,
      ),

    async start(username: string, input: StartCollectionInput): Promise<StoredCollection> {
      const request = validateStart(input);
      // Resolved now so a missing or broken connection is a 400 here, not a failed job later;
      // the job resolves again (a provider cannot travel through a queue).
      const access = await deps
        .resolveCredentials(username, input.connectionId, input.accountId)
        .catch((error: unknown) => {
          throw connectionError(error);
        });
      const requestedAt = now();
      const metadata: StoredCollection = {
        id: newCollectionId(requestedAt),
        username,
        connectionId: access.connection.id,
        connectionName: access.connection.name,
        accountId: access.accountId,
        status: 'queued',
        requestedAt: requestedAt.toISOString(),
        regions: request.regions === 'all-enabled' ? [] : request.regions,
        requestedRegions: request.regions,
        services: request.services,
        ...(request.collectors ? { collectors: request.collectors } : {}),
        results: {},
        errors: [],
        resourceCounts: {},
      };
      await store.createMetadata(metadata);
      await deps.queue.enqueue<CollectionJobPayload>({
        id: metadata.id,
        type: COLLECTION_JOB,
        payload: { username, collectionId: metadata.id },
      });
      log('info', 'collection queued', { collectionId: metadata.id, services: request.services });
      return metadata;
    },

    get: requireCollection,

    async list(username: string): Promise<CollectionSummary[]> {
      const all = (await store.listMetadata(username)).map((m) => unsaved.overlay(m));
      return all
        .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id))
        .map(summarize);
    },

    async cancel(username: string, id: string): Promise<StoredCollection> {
      const current = await requireCollection(username, id);
      if (isFinal(current.status))
        throw new CollectionsError('collection_not_running', 'The collection has already finished');
      const state = await deps.queue.state(id);
      await deps.queue.cancel(id);
      if (state === 'running') return await waitForFinal(username, id, 10_000);
      // Queued (never started) or orphaned: nobody else will write the final state.
      const written = await store.updateMetadata(username, id, (m) =>
        isFinal(m.status)
          ? null
          : {
              ...m,
              status: 'cancelled',
              failureReason: 'cancelled by the user',
              finishedAt: now().toISOString(),
            },
      );
      const final = written ?? (await requireCollection(username, id));
      hub.finish(id, final);
      return final;
    },

    async remove(username: string, id: string): Promise<void> {
      const current = await requireCollection(username, id);
      if (!isFinal(current.status))
        throw new CollectionsError('collection_running', 'Cancel the collection before deleting it');
      await store.deleteCollection(username, id);
      unsaved.forget(username, id);
    },

    /**
     * On server start: a collection still queued/running in storage has no job behind it any
     * more (jobs live in this process), so it is marked failed instead of "running" forever.
     */
    async recover(): Promise<number> {
      const recovered = await recoverOrphans({
        keys: () => store.listAllMetadataKeys(),
        isLive: async ({ id }) => (await deps.queue.state(id)) !== undefined,
        markFailed: async ({ username, id }) => {
          let marked = false;
          await store.updateMetadata(username, id, (m) => {
            marked = !isFinal(m.status);
            return marked
              ? { ...m, status: 'failed', failureReason: RESTART_REASON, finishedAt: now().toISOString() }
              : null;
          });
          return marked;
        },
        onError: ({ id }, error) =>
          log('warn', 'could not recover collection', { collectionId: id, error: String(error) }),
      });
      if (recovered > 0) log('warn', 'collections marked failed after restart', { count: recovered });
      return recovered;
    },
  };
}
