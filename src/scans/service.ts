import pLimit from 'p-limit';
import type { AdvisorService } from '../advisor/service.js';
import type { StoredRun } from '../advisor/store.js';
import type { ConnectionService } from '../connections/service.js';
import { DomainError } from '../core/errors.js';
import type { OrgService } from '../orgs/service.js';
import type { Scan, ScanAccount, ScansResponse, StartScanBody } from '../shared/api/scans.js';
import { isFinalRow, rowFromRun, toScan, toSummary, withRow } from './outcome.js';
import { newScanId, type ScanDocuments, ScanStore, type StoredScan } from './store.js';
import { resolveTarget } from './targets.js';

/** Runs queued at once per scan: each start writes a collection and a run record, then enqueues. */
export const SCAN_START_CONCURRENCY = 8;

export interface ScanServiceDeps {
  documents: ScanDocuments;
  connections: Pick<ConnectionService, 'get'>;
  orgs: Pick<OrgService, 'read'>;
  advisor: Pick<AdvisorService, 'startRun' | 'cancelRun' | 'summary'>;
  /** The first error of a failed run's collection (AccessDenied on the member role…). */
  collectionError: (username: string, collectionId: string) => Promise<ScanAccount['error']>;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  startConcurrency?: number;
}

const scanNotFound = (scanId: string) =>
  new DomainError('not_found', 'scan_not_found', `Scan ${scanId.slice(0, 100)} was not found`);

const startError = (error: unknown) =>
  error instanceof DomainError
    ? { code: error.code, message: error.message.slice(0, 500) }
    : { code: 'start_failed', message: String(error instanceof Error ? error.message : error).slice(0, 500) };

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
  const starting = new Set<Promise<void>>();

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

  async function startOne(scan: StoredScan, row: ScanAccount): Promise<void> {
    let next: ScanAccount;
    try {
      const current = await store.get(scan.username, scan.scanId);
      if (current?.cancelledAt) next = { ...row, status: 'cancelled' };
      else {
        const run = await deps.advisor.startRun(
          scan.username,
          {
            connectionId: scan.connectionId,
            ...(row.accountId === scan.connectionAccountId ? {} : { accountId: row.accountId }),
            services: scan.services,
            regions: scan.regions,
          },
          { scanId: scan.scanId },
        );
        next = rowFromRun(row, run);
      }
    } catch (error) {
      next = { ...row, status: 'failed', error: startError(error) };
    }
    const written = await store.update(scan.username, scan.scanId, (s) => withRow(s, next, now()));
    // Cancelled while this run was being queued: the cancel did not see its run id.
    if (written?.cancelledAt && next.runId && next.status === 'running')
      await deps.advisor.cancelRun(scan.username, next.runId).catch(() => undefined);
  }

  function startRuns(scan: StoredScan): void {
    const limit = pLimit(deps.startConcurrency ?? SCAN_START_CONCURRENCY);
    const started = Date.now();
    const pending = scan.accounts.filter((r) => r.status === 'pending');
    const work = Promise.all(pending.map((row) => limit(() => startOne(scan, row))))
      .then(() =>
        log('info', 'scan runs queued', {
          scanId: scan.scanId,
          runs: pending.length,
          ms: Date.now() - started,
        }),
      )
      .catch((error: unknown) =>
        log('error', 'scan start failed', { scanId: scan.scanId, error: String(error) }),
      )
      .finally(() => starting.delete(work));
    starting.add(work);
  }

  /** The scan with its rows; a row whose run finished without the hook reaching it is caught up here. */
  async function getScan(username: string, scanId: string): Promise<Scan> {
    let scan = await requireScan(username, scanId);
    const behind = scan.accounts.filter((r) => r.status === 'running' && r.runId);
    const caughtUp = (
      await Promise.all(behind.map((row) => rowOf(username, row, row.runId as string).catch(() => row)))
    ).filter(isFinalRow);
    if (caughtUp.length > 0)
      scan =
        (await store.update(username, scanId, (s) =>
          caughtUp.reduce((acc, row) => withRow(acc, row, now()), s),
        )) ?? scan;
    return toScan(scan);
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
      startRuns(scan);
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

    /** Waits for the runs still being queued (server shutdown). */
    async close(): Promise<void> {
      await Promise.all([...starting]);
    },
  };
}
