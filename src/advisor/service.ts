import type { AnyCheck } from '../checks/lib/run-checks.js';
import { allChecks, requiredCollectors } from '../checks/registry.js';
import { CollectionsError } from '../collections/errors.js';
import type { StoredCollection } from '../collections/types.js';
import type { Finding } from '../core/findings.js';
import type { PriceBook } from '../core/prices.js';
import { serviceOfCollector } from '../core/records.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import { recoverOrphans } from '../jobs/lifecycle.js';
import type { ProgressBus } from '../jobs/progress-bus.js';
import type { JobQueue } from '../jobs/queue.js';
import type {
  AdvisorRunDetailResponse,
  AdvisorRunSummary,
  CompareResponse,
  StartAdvisorRunBody,
} from '../shared/api/advisor.js';
import { advisorJobId, createRunCanceller } from './cancel.js';
import { compareFindings } from './compare.js';
import { AdvisorError, runNotFound } from './errors.js';
import { createFindingViews } from './finding-views.js';
import { createMuteContext, type MuteContext, type MuteTargetOf } from './mute-context.js';
import { applyMutes, createMuteService, type MuteAccounts } from './mutes.js';
import { RunProgressHub } from './progress.js';
import { createResourceFindings } from './resource-findings.js';
import { createAdvisorRollup } from './rollup.js';
import {
  type AdvisorCollections,
  type AdvisorJobPayload,
  createAdvisorJobHandler,
  isFinalRunStatus,
} from './run-job.js';
import { createSettingsService } from './settings.js';
import { type AdvisorDocuments, AdvisorRunStore, type StoredRun } from './store.js';
import { summarizeFindings } from './summary.js';

export const ADVISOR_JOB = 'advisor-run';
export const RESTART_REASON = 'server restarted';

export interface AdvisorServiceDeps {
  documents: AdvisorDocuments;
  collections: AdvisorCollections;
  /** Its own queue instance: a run waits for a collection job, so sharing slots could deadlock. */
  queue: JobQueue;
  /** Where run progress goes (and is read from), across processes in Redis mode. */
  bus: ProgressBus;
  /** The run's PriceBook (the route passes the per-process one of ./prices.ts). */
  prices: () => Promise<PriceBook>;
  /** Defaults to every discovered check; tests may pass their own. */
  checks?: readonly AnyCheck[];
  /** The user's accounts as mute scopes see them (src/orgs/mute-accounts.ts); absent: every rule is for all accounts. */
  muteAccounts?: MuteAccounts & { targets(username: string): MuteTargetOf };

  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  pollMs?: number;
}

const accountOf = (run: StoredRun) => ({
  connectionId: run.connectionId,
  ...(run.accountId ? { accountId: run.accountId } : {}),
});

const isFinalRun = (run: StoredRun) => isFinalRunStatus(run.status);

/** The services whose collectors the selected services' checks read (lambda checks read IAM roles…). */
export function servicesToCollect(services: readonly ServiceId[], checks: readonly AnyCheck[]): ServiceId[] {
  const needed = new Set<ServiceId>(services);
  for (const id of requiredCollectors(services, [...checks])) needed.add(serviceOfCollector(id));
  return SERVICE_IDS.filter((s) => needed.has(s));
}

export type AdvisorService = ReturnType<typeof createAdvisorService>;

/** Advisor runs, history, comparison, mutes and settings of one server. */
export function createAdvisorService(deps: AdvisorServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const checks = () => deps.checks ?? allChecks;
  const runs = new AdvisorRunStore(deps.documents);
  const hub = new RunProgressHub(deps.bus);
  const checkIds = () => new Set(checks().map((c) => c.id));
  const mutes = createMuteService({
    documents: deps.documents,
    checkIds,
    now,
    ...(deps.muteAccounts ? { accounts: deps.muteAccounts } : {}),
  });
  const settings = createSettingsService({ documents: deps.documents, checks, now });

  const finishedListeners = new Set<(run: StoredRun) => void>();
  // Writes that follow a finished run without holding it up; close() waits for them, so nothing is
  // half-written when the process (or a test's data directory) goes away.
  const background = new Set<Promise<void>>();
  const runFinished = (run: StoredRun) => {
    // Ready for the next roll-up request; one that comes first computes the figures itself.
    const recorded = rollup.record(run).catch((error: unknown) =>
      log('warn', 'could not store the roll-up figures of a run', {
        runId: run.runId,
        error: String(error),
      }),
    );
    background.add(recorded);
    void recorded.finally(() => background.delete(recorded));
    for (const listener of finishedListeners) {
      try {
        listener(run);
      } catch (error) {
        log('warn', 'a run-finished listener failed', { runId: run.runId, error: String(error) });
      }
    }
  };

  const muteContext = createMuteContext({
    activeRules: (username) => mutes.activeRules(username),
    accounts: deps.muteAccounts,
    now,
  });

  const rollup = createAdvisorRollup({ documents: deps.documents, runs, muteContext });

  /** The findings stored for the run (none until it completes), with the mutes of the context applied. */
  async function findingsWith(run: StoredRun, context: MuteContext): Promise<Finding[]> {
    const docs = await runs.getServiceDocuments(run);
    return applyMutes(
      docs.flatMap((d) => d.findings),
      context.rules,
      context.at,
      await context.targetOf(accountOf(run)),
    );
  }

  async function findingsOf(run: StoredRun, username: string): Promise<Finding[]> {
    return await findingsWith(run, await muteContext(username));
  }

  function toSummary(run: StoredRun, findings?: Finding[]): AdvisorRunSummary {
    const { username: _u, requestedRegions: _r, ...rest } = run;
    return {
      ...rest,
      ...(findings && run.status === 'completed' ? { results: summarizeFindings(findings) } : {}),
    };
  }

  async function summarize(run: StoredRun): Promise<AdvisorRunSummary> {
    return toSummary(run, run.status === 'completed' ? await findingsOf(run, run.username) : undefined);
  }

  async function requireRun(username: string, runId: string): Promise<StoredRun> {
    const run = await runs.get(username, runId);
    if (!run) throw runNotFound(runId);
    return run;
  }

  const canceller = createRunCanceller({
    runs,
    queue: deps.queue,
    collections: deps.collections,
    hub,
    summarize,
    now,
    log,
  });

  /** Registered on the queue by the composition root where a worker runs (src/app). */
  const jobHandler = createAdvisorJobHandler({
    runs,
    hub,
    collections: deps.collections,
    checks,
    overrides: (username) => settings.overrides(username),
    prices: deps.prices,
    summarize,
    now,
    log,
    cancelRequested: canceller.isRequested,
    onFinished: runFinished,
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
  });

  async function reusableCollection(username: string, id: string, services: ServiceId[]) {
    let collection: StoredCollection;
    try {
      collection = await deps.collections.get(username, id);
    } catch (error) {
      if (error instanceof CollectionsError && error.kind === 'not_found')
        throw new AdvisorError('collection_not_found', `Collection ${id.slice(0, 100)} was not found`);
      throw error;
    }
    if (collection.status !== 'completed' && collection.status !== 'completed_with_errors')
      throw new AdvisorError(
        'collection_not_usable',
        `The collection is ${collection.status}, not completed`,
      );
    const missing = services.filter((s) => !collection.services.includes(s));
    if (missing.length > 0)
      throw new AdvisorError('collection_not_usable', `The collection has no ${missing.join(', ')} data`);
    return collection;
  }

  return {
    hub,
    jobHandler,
    mutes,
    settings,
    runs,
    /** The dashboard and the per-account figures over many accounts, from precomputed run figures. */
    rollup,
    /** Ids of every check the runs evaluate (mutes and notification rules name them). */
    checkIds,
    /** Waits for the writes that follow finished runs (the roll-up figures). */
    async settle(): Promise<void> {
      while (background.size > 0) await Promise.allSettled([...background]);
    },

    /** Queues a run (202): on a chosen completed collection, or on a new one of what the checks need. */
    async startRun(
      username: string,
      input: StartAdvisorRunBody,
      options: { scanId?: string } = {},
    ): Promise<AdvisorRunSummary> {
      const services = [...new Set(input.services)].filter((s) => SERVICE_IDS.includes(s));
      if (services.length === 0 || services.length !== new Set(input.services).size)
        throw new AdvisorError('validation_failed', 'Choose one or more known services');
      const requestedAt = now();
      let collection: StoredCollection;
      if (input.collectionId) collection = await reusableCollection(username, input.collectionId, services);
      else {
        // Started now so a broken connection or region list is a 400 here, not a failed run later.
        // Exactly what the selected checks read: a lambda run collects IAM roles, not the credential report.
        const collectors = requiredCollectors(services, [...checks()]);
        collection = await deps.collections.start(username, {
          ...(input.connectionId ? { connectionId: input.connectionId } : {}),
          ...(input.accountId ? { accountId: input.accountId } : {}),
          services: servicesToCollect(services, checks()),
          ...(collectors.length > 0 ? { collectors } : {}),
          regions: input.regions ?? 'all-enabled',
        });
      }
      const run = await runs.create(
        {
          username,
          status: 'queued',
          requestedAt: requestedAt.toISOString(),
          services,
          regions: collection.regions,
          ...(input.regions ? { requestedRegions: input.regions } : {}),
          connectionId: collection.connectionId,
          ...(collection.connectionName ? { connectionName: collection.connectionName } : {}),
          ...(collection.accountId ? { accountId: collection.accountId } : {}),
          collectionId: collection.id,
          reusedCollection: input.collectionId !== undefined,
          ...(options.scanId ? { scanId: options.scanId } : {}),
        },
        requestedAt,
      );
      await deps.queue.enqueue<AdvisorJobPayload>({
        id: advisorJobId(username, run.runId),
        type: ADVISOR_JOB,
        payload: { username, runId: run.runId },
      });
      log('info', 'advisor run queued', { runId: run.runId, services, collectionId: collection.id });
      return toSummary(run);
    },

    /** Newest first; mutes in force now are applied to every run's counts and scores. */
    async listRuns(
      username: string,
      options: { limit?: number; service?: ServiceId; includes?: (run: StoredRun) => boolean } = {},
    ) {
      const all = (await runs.list(username)).filter(
        (r) => (!options.service || r.services.includes(options.service)) && (options.includes?.(r) ?? true),
      );
      const context = await muteContext(username);
      return await Promise.all(
        all
          .slice(0, options.limit ?? 50)
          .map(async (run) =>
            run.status === 'completed' ? toSummary(run, await findingsWith(run, context)) : toSummary(run),
          ),
      );
    },

    async getRun(username: string, runId: string): Promise<AdvisorRunDetailResponse> {
      const run = await requireRun(username, runId);
      const docs = run.status === 'completed' ? await runs.getServiceDocuments(run) : [];
      const context = await muteContext(username);
      const findings = applyMutes(
        docs.flatMap((d) => d.findings),
        context.rules,
        context.at,
        await context.targetOf(accountOf(run)),
      );
      return {
        run: toSummary(run, findings),
        findings: findings.filter((f) => !f.muted),
        muted: findings.filter((f) => f.muted),
        checks: docs.flatMap((d) => d.checks),
      };
    },

    requireRun,
    /** The grouped table and the pages of findings of the results page. */
    views: createFindingViews({ requireRun, findingsOf, checks }),
    /** A resource's findings and per-resource open counts, from the latest runs of its account. */
    resourceFindings: createResourceFindings({
      collection: (username, id) => deps.collections.get(username, id),
      sourceRuns: (username) => runs.coverage(username).read(),
      findingsOf,
    }),
    /** Told of runs this process's worker finished (the listener must not block); returns the unsubscribe. */
    onRunFinished(listener: (run: StoredRun) => void): () => void {
      finishedListeners.add(listener);
      return () => finishedListeners.delete(listener);
    },
    findingsOf: (run: StoredRun) => findingsOf(run, run.username),
    /** Every stored run of the user, newest first (records only). */
    storedRuns: (username: string) => runs.list(username),
    summary: (username: string, runId: string) => requireRun(username, runId).then(summarize),

    /** Cancels a queued or running run (and the collection it started); a finished one is a 409. */
    async cancelRun(username: string, runId: string): Promise<AdvisorRunSummary> {
      return await summarize(await canceller.cancel(username, runId));
    },

    async deleteRun(username: string, runId: string): Promise<void> {
      const run = await requireRun(username, runId);
      if (!isFinalRun(run)) throw new AdvisorError('run_running', 'The run has not finished yet');
      await runs.delete(run);
    },

    async compare(username: string, fromId: string, toId: string): Promise<CompareResponse> {
      const [from, to] = await Promise.all([requireRun(username, fromId), requireRun(username, toId)]);
      if (from.status !== 'completed' || to.status !== 'completed')
        throw new AdvisorError('compare_not_completed', 'Both runs must have completed');
      if (from.accountId && to.accountId && from.accountId !== to.accountId)
        throw new AdvisorError('compare_account_mismatch', 'The runs are of different AWS accounts');
      const [before, after] = await Promise.all([findingsOf(from, username), findingsOf(to, username)]);
      const diff = compareFindings(
        { services: from.services, findings: before },
        { services: to.services, findings: after },
      );
      return { from: toSummary(from, before), to: toSummary(to, after), ...diff };
    },

    /** On start: a run still queued or running in storage has no job behind it any more. */
    async recover(): Promise<number> {
      const recovered = await recoverOrphans({
        keys: () => runs.listAllRunKeys(),
        isLive: async ({ username, runId }) =>
          (await deps.queue.state(advisorJobId(username, runId))) !== undefined,
        markFailed: async ({ username, runId }) => {
          let marked = false;
          await runs.update(username, runId, (r) => {
            marked = !isFinalRun(r);
            return marked
              ? { ...r, status: 'failed', failureReason: RESTART_REASON, finishedAt: now().toISOString() }
              : null;
          });
          return marked;
        },
        onError: ({ runId }, error) =>
          log('warn', 'could not recover advisor run', { runId, error: String(error) }),
      });
      if (recovered > 0) log('warn', 'advisor runs marked failed after restart', { count: recovered });
      return recovered;
    },
  };
}
