/**
 * Scans over many accounts: the scan service on top of the advisor, kept current by the advisor's
 * run-finished hook (it fires where a worker runs; reads catch up on a missed one). A scan's
 * fan-out is a `scan-start` job on the backend's `scan-starts` queue (retried, and resumed at a
 * worker's start-up when its process died).
 */
import type { Logger } from 'pino';
import type { AdvisorService } from '../advisor/service.js';
import type { CollectionService } from '../collections/service.js';
import { createScanService } from '../scans/service.js';
import { SCAN_START_JOB, SCAN_START_QUEUE, SCAN_START_RETRY } from '../scans/start-job.js';
import type { DocumentStore } from '../storage/documents.js';
import type { composeAccounts } from './accounts.js';
import type { JobBackend } from './jobs.js';
import { domainLog } from './logging.js';

/** Fan-outs running at once in one process (each starts up to SCAN_START_CONCURRENCY runs at once). */
const SCAN_STARTS_AT_ONCE = 2;

export async function composeScans(deps: {
  documents: DocumentStore;
  logger: Logger;
  now: () => Date;
  accounts: ReturnType<typeof composeAccounts>;
  advisor: AdvisorService;
  collections: CollectionService;
  jobs: JobBackend;
}) {
  const log = domainLog(deps.logger, { component: 'scans' });
  const queue = await deps.jobs.createQueue(SCAN_START_QUEUE, {
    concurrency: SCAN_STARTS_AT_ONCE,
    retry: SCAN_START_RETRY,
  });
  const scans = createScanService({
    queue,
    runsOf: (username) => deps.advisor.runs.list(username),
    documents: deps.documents,
    connections: deps.accounts.connections,
    orgs: deps.accounts.orgs,
    advisor: deps.advisor,
    collectionError: async (username, collectionId) => {
      const first = (await deps.collections.get(username, collectionId)).errors[0];
      return first ? { code: first.code, message: first.message.slice(0, 500) } : undefined;
    },
    now: deps.now,
    log,
  });
  const unsubscribe = deps.advisor.onRunFinished((run) => {
    scans
      .onRunFinished(run)
      .catch((error: unknown) =>
        log('warn', 'could not record a scan account', { runId: run.runId, error: String(error) }),
      );
  });
  return {
    scans,
    /** Makes this process run fan-outs, and resumes the ones a dead process left. */
    async startWorker(): Promise<void> {
      queue.process(SCAN_START_JOB, scans.handleStart);
      await scans.recoverStarts();
    },
    close() {
      unsubscribe(); // the queue closes with the job backend
    },
  };
}
