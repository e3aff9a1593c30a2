/**
 * The fan-out of a scan as a job on the job backend (`scan-starts` queue: in-process, or BullMQ in
 * Redis mode, where a dead worker's job is taken over after its lease and a throwing one retried).
 * The job may run again after a crash at any point, so each account is started at most once:
 *
 *   1. claim   — CAS: the account id joins the scan's `claims` (its row is still `pending`, no run id)
 *   2. start   — advisor.startRun (writes a collection and a run record carrying scanId + accountId)
 *   3. record  — CAS: the row gets the run id and leaves `claims`
 *
 * A re-run finds a row with a run id done, and a claimed row without one "in doubt": the crash came
 * between 1 and 3. It then looks for a run of this scan and account (the user's run records, read
 * once per job attempt and only when something is in doubt) and adopts it, or starts one. The one
 * window left is a crash between the collection's and the run's writes in step 2: an orphan
 * collection, never a second run.
 */
import pLimit from 'p-limit';
import type { AdvisorService } from '../advisor/service.js';
import type { StoredRun } from '../advisor/store.js';
import { DomainError } from '../core/errors.js';
import type { JobContext } from '../jobs/queue.js';
import type { ScanAccount } from '../shared/api/scans.js';
import { rowFromRun, withRow } from './outcome.js';
import type { ScanStore, StoredScan } from './store.js';

export const SCAN_START_JOB = 'scan-start';
export const SCAN_START_QUEUE = 'scan-starts';
/** Runs queued at once per scan: each start writes a collection and a run record, then enqueues. */
export const SCAN_START_CONCURRENCY = 8;
/** Tries of a fan-out whose handler throws (storage hiccup): each resumes where the last stopped. */
export const SCAN_START_RETRY = { attempts: 5, backoffMs: 1_000 };

export interface ScanStartPayload {
  username: string;
  scanId: string;
}

export const scanStartJobId = (username: string, scanId: string) => `scan-start/${username}/${scanId}`;

export interface ScanStarterDeps {
  store: ScanStore;
  advisor: Pick<AdvisorService, 'startRun' | 'cancelRun' | 'summary'>;
  /** Every run record of the user (only read when a claimed account's run id was not recorded). */
  runsOf: (username: string) => Promise<StoredRun[]>;
  /** The fan-out is done: the start-up recovery marker goes. */
  finished: (username: string, scanId: string) => Promise<void>;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  concurrency?: number;
}

const startError = (error: unknown) =>
  error instanceof DomainError
    ? { code: error.code, message: error.message.slice(0, 500) }
    : { code: 'start_failed', message: String(error instanceof Error ? error.message : error).slice(0, 500) };

type Claim = 'claimed' | 'in-doubt' | 'done';

/** The job handler that queues one advisor run per pending account of a scan. */
export function createScanStarter(deps: ScanStarterDeps) {
  const { store, now, log } = deps;

  async function claim(scan: StoredScan, accountId: string): Promise<Claim> {
    let outcome: Claim = 'done';
    await store.update(scan.username, scan.scanId, (s) => {
      const row = s.accounts.find((r) => r.accountId === accountId);
      if (s.cancelledAt || row?.status !== 'pending' || row.runId) return null;
      if (s.claims?.includes(accountId)) {
        outcome = 'in-doubt';
        return null;
      }
      outcome = 'claimed';
      return { ...s, claims: [...(s.claims ?? []), accountId] };
    });
    return outcome;
  }

  async function record(scan: StoredScan, next: ScanAccount): Promise<void> {
    const written = await store.update(scan.username, scan.scanId, (s) => ({
      ...withRow(s, next, now()),
      claims: (s.claims ?? []).filter((id) => id !== next.accountId),
    }));
    // Cancelled while this run was being queued: the cancel did not see its run id.
    if (written?.cancelledAt && next.runId && next.status === 'running')
      await deps.advisor.cancelRun(scan.username, next.runId).catch(() => undefined);
  }

  async function startRun(scan: StoredScan, row: ScanAccount): Promise<ScanAccount> {
    try {
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
      return rowFromRun(row, run);
    } catch (error) {
      return { ...row, status: 'failed', error: startError(error) };
    }
  }

  return async function handleScanStart(payload: ScanStartPayload, ctx: JobContext): Promise<void> {
    const scan = await store.get(payload.username, payload.scanId);
    if (!scan) return;
    const started = Date.now();
    // Runs of this scan by account, read once per attempt and only if a claim is in doubt.
    let existing: Promise<Map<string, StoredRun>> | undefined;
    const runOf = async (accountId: string) => {
      existing ??= deps
        .runsOf(scan.username)
        .then(
          (runs) =>
            new Map(
              runs
                .filter((r) => r.scanId === scan.scanId)
                .map((r) => [r.accountId ?? scan.connectionAccountId, r] as const),
            ),
        );
      return (await existing).get(accountId);
    };
    const startOne = async (row: ScanAccount) => {
      if (ctx.signal.aborted) return;
      const state = await claim(scan, row.accountId);
      if (state === 'done') return;
      const adopted = state === 'in-doubt' ? await runOf(row.accountId) : undefined;
      const next = adopted
        ? rowFromRun(row, await deps.advisor.summary(scan.username, adopted.runId))
        : await startRun(scan, row);
      await record(scan, next);
    };
    const limit = pLimit(deps.concurrency ?? SCAN_START_CONCURRENCY);
    const pending = scan.accounts.filter((r) => r.status === 'pending' && !r.runId);
    // allSettled: every account gets its try before a storage error makes the job throw (and retry).
    const outcomes = await Promise.allSettled(pending.map((row) => limit(() => startOne(row))));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    if (ctx.signal.aborted) return;
    await deps.finished(scan.username, scan.scanId);
    log('info', 'scan runs queued', {
      scanId: scan.scanId,
      runs: pending.length,
      attempt: ctx.attempt,
      ms: Date.now() - started,
    });
  };
}
