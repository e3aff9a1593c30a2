import type { AdvisorService } from '../advisor/service.js';
import type { StoredRun } from '../advisor/store.js';
import type { ConnectionService } from '../connections/service.js';
import { DomainError } from '../core/errors.js';
import { DuplicateJobError, type JobQueue } from '../jobs/queue.js';
import type { OrgService } from '../orgs/service.js';
import type { Scan, ScanAccount, ScansResponse, StartScanBody } from '../shared/api/scans.js';
import { isFinalRow, rowFromRun, toScan, toSummary, withRow } from './outcome.js';
import { createScanStarter, SCAN_START_JOB, type ScanStartPayload, scanStartJobId } from './start-job.js';
import { newScanId, type ScanDocuments, ScanStore, type StoredScan } from './store.js';
import { resolveTarget } from './targets.js';

/** A read catches running rows up on their runs at most this often per scan… */
export const RECONCILE_EVERY_MS = 10_000;
/** …reading at most this many runs (the next read goes on from where this one stopped). */
export const RECONCILE_MAX_READS = 8;

export interface ScanServiceDeps {
  documents: ScanDocuments;
  connections: Pick<ConnectionService, 'get'>;
  orgs: Pick<OrgService, 'read'>;
  advisor: Pick<AdvisorService, 'startRun' | 'cancelRun' | 'summary'>;
  /** Every run record of a user (the fan-out reads it only to settle a claim left by a crash). */
  runsOf: (username: string) => Promise<StoredRun[]>;
  /** The `scan-starts` queue of the job backend: the fan-out runs there, durable in Redis mode. */
  queue: JobQueue;
  /** The first error of a failed run's collection (AccessDenied on the member role…). */
  collectionError: (username: string, collectionId: string) => Promise<ScanAccount['error']>;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  startConcurrency?: number;
}

const scanNotFound = (scanId: string) =>
  new DomainError('not_found', 'scan_not_found', `Scan ${scanId.slice(0, 100)} was not found`);

export type ScanService = ReturnType<typeof createScanService>;

/**
 * Scans: one advisor run per account of an organization connection, grouped under one id. The
 * request only writes the scan; the runs are queued behind it with bounded fan-out, and each
 * account's row follows its run (the advisor's run-finished hook, and reads for a missed hook).
 */
export function createScanService(deps: ScanServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const store = new ScanStore(deps.documents);
  const handleStart = createScanStarter({
    store,
    advisor: deps.advisor,
    runsOf: deps.runsOf,
    finished: (username, scanId) => store.unmarkStarting(username, scanId),
    now,
    log,
    ...(deps.startConcurrency ? { concurrency: deps.startConcurrency } : {}),
  });

  async function enqueueStart(username: string, scanId: string): Promise<void> {
    await deps.queue
      .enqueue<ScanStartPayload>({
        id: scanStartJobId(username, scanId),
        type: SCAN_START_JOB,
        payload: { username, scanId },
      })
      .catch((error: unknown) => {
        if (!(error instanceof DuplicateJobError)) throw error;
      });
  }

  async function requireScan(username: string, scanId: string): Promise<StoredScan> {
    const scan = await store.get(username, scanId);
    if (!scan) throw scanNotFound(scanId);
    return scan;
  }

  /** The row a finished (or running) run stands for, with its figures or error. */
  async function rowOf(username: string, row: ScanAccount, run: StoredRun | string): Promise<ScanAccount> {
    const runId = typeof run === 'string' ? run : run.runId;
    const summary = await deps.advisor.summary(username, runId);
    const error =
      summary.status === 'failed' && summary.collectionId
        ? await deps.collectionError(username, summary.collectionId).catch(() => undefined)
        : undefined;
    return rowFromRun(row, summary, error);
  }

  /**
   * The scan with its rows. The run-finished hook keeps rows current; for a hook that was missed
   * (its process died), a read catches up at most RECONCILE_MAX_READS running rows, at most once
   * every RECONCILE_EVERY_MS per scan, going round the running rows from one read to the next.
   */
  async function getScan(username: string, scanId: string): Promise<Scan> {
    const scan = await requireScan(username, scanId);
    const at = now();
    const running = scan.accounts.filter((r) => r.status === 'running' && r.runId);
    const due = !scan.reconciledAt || at.getTime() - Date.parse(scan.reconciledAt) >= RECONCILE_EVERY_MS;
    if (running.length === 0 || !due) return toScan(scan);
    const from = (scan.reconcileCursor ?? 0) % running.length;
    const batch = [...running.slice(from), ...running.slice(0, from)].slice(0, RECONCILE_MAX_READS);
    const caughtUp = (
      await Promise.all(batch.map((row) => rowOf(username, row, row.runId as string).catch(() => row)))
    ).filter(isFinalRow);
    const written = await store.update(username, scanId, (s) => ({
      ...caughtUp.reduce((acc, row) => withRow(acc, row, at), s),
      reconciledAt: at.toISOString(),
      reconcileCursor: from + batch.length - caughtUp.length,
    }));
    return toScan(written ?? scan);
  }

  return {
    /** 202: the scan is written with every account `pending` (or `skipped`); the runs follow. */
    async start(username: string, input: StartScanBody): Promise<Scan> {
      const connection = await deps.connections.get(username, input.connectionId);
      if (!connection.organization)
        throw new DomainError(
          'invalid',
          'not_an_organization',
          'This connection is a single account: add the organization settings first',
        );
      const directory = await deps.orgs.read(username, connection.id);
      if (!directory)
        throw new DomainError(
          'invalid',
          'organization_not_discovered',
          'The organization has not been read yet: refresh it first',
        );
      const { rows, targetPath } = resolveTarget(directory, input.target);
      const at = now();
      const scan: StoredScan = {
        scanId: newScanId(at),
        username,
        requestedAt: at.toISOString(),
        connectionId: connection.id,
        connectionName: connection.name,
        connectionAccountId: connection.accountId,
        target: input.target,
        ...(targetPath ? { targetPath } : {}),
        services: [...new Set(input.services)],
        regions: input.regions ?? 'all-enabled',
        accounts: rows,
        ...(rows.every(isFinalRow) ? { finishedAt: at.toISOString() } : {}),
      };
      await store.create(scan);
      log('info', 'scan started', { scanId: scan.scanId, accounts: rows.length });
      if (!scan.finishedAt) {
        // The marker first: a process that dies before the job is queued leaves it to recovery.
        await store.markStarting(username, scan.scanId);
        await enqueueStart(username, scan.scanId);
      }
      return toScan(scan);
    },

    /** Newest first: lists the keys, reads only the page's documents. */
    async list(username: string, page: { offset: number; limit: number }): Promise<ScansResponse> {
      const ids = await store.ids(username);
      const scans = await Promise.all(
        ids.slice(page.offset, page.offset + page.limit).map((id) => store.get(username, id)),
      );
      return { total: ids.length, scans: scans.flatMap((s) => (s ? [toSummary(s)] : [])) };
    },

    get: getScan,

    /** Cancels every unfinished run; accounts not queued yet are never started. */
    async cancel(username: string, scanId: string): Promise<Scan> {
      const at = now();
      let wasRunning = false;
      const scan = await store.update(username, scanId, (s) => {
        wasRunning = !s.accounts.every(isFinalRow);
        if (!wasRunning) return null;
        const accounts = s.accounts.map(
          (r): ScanAccount => (r.status === 'pending' ? { ...r, status: 'cancelled' } : r),
        );
        return { ...s, cancelledAt: at.toISOString(), accounts };
      });
      if (!scan) throw scanNotFound(scanId);
      if (!wasRunning) throw new DomainError('conflict', 'scan_not_running', 'The scan has already finished');
      for (const row of scan.accounts.filter((r) => r.status === 'running' && r.runId)) {
        const run = await deps.advisor.cancelRun(username, row.runId as string).catch(() => null);
        if (run && run.status !== 'queued' && run.status !== 'collecting' && run.status !== 'evaluating')
          await store.update(username, scanId, (s) => withRow(s, rowFromRun(row, run), now()));
      }
      return await getScan(username, scanId);
    },

    /** Told of every run a worker of this process finished (registered by the composition root). */
    async onRunFinished(run: StoredRun): Promise<void> {
      if (!run.scanId) return;
      const scan = await store.get(run.username, run.scanId);
      if (!scan) return;
      const accountId = run.accountId ?? scan.connectionAccountId;
      const row = scan.accounts.find((r) => r.runId === run.runId || r.accountId === accountId);
      if (!row) return;
      const next = await rowOf(run.username, row, run);
      await store.update(run.username, run.scanId, (s) => withRow(s, next, now()));
    },

    /** The `scan-start` job handler (registered where a worker runs). */
    handleStart,

    /**
     * Worker start-up: queues again every fan-out whose marker is still there and whose job is
     * gone (an in-process queue died with its process; a BullMQ job failed all its tries).
     * Re-running one is safe: accounts already started are not started again.
     */
    async recoverStarts(): Promise<number> {
      let resumed = 0;
      for (const { username, scanId } of await store.starting()) {
        if ((await deps.queue.state(scanStartJobId(username, scanId))) !== undefined) continue;
        const scan = await store.get(username, scanId);
        if (!scan || scan.cancelledAt || !scan.accounts.some((r) => r.status === 'pending')) {
          await store.unmarkStarting(username, scanId);
          continue;
        }
        await enqueueStart(username, scanId);
        resumed++;
      }
      if (resumed > 0) log('warn', 'interrupted scan starts resumed', { count: resumed });
      return resumed;
    },
  };
}
