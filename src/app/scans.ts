/**
 * Scans over many accounts: the scan service on top of the advisor, kept current by the advisor's
 * run-finished hook (it fires where a worker runs; reads catch up on a missed one).
 */
import type { Logger } from 'pino';
import type { AdvisorService } from '../advisor/service.js';
import type { CollectionService } from '../collections/service.js';
import { createScanService } from '../scans/service.js';
import type { DocumentStore } from '../storage/documents.js';
import type { composeAccounts } from './accounts.js';
import { domainLog } from './logging.js';

export function composeScans(deps: {
  documents: DocumentStore;
  logger: Logger;
  now: () => Date;
  accounts: ReturnType<typeof composeAccounts>;
  advisor: AdvisorService;
  collections: CollectionService;
}) {
  const log = domainLog(deps.logger, { component: 'scans' });
  const scans = createScanService({
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
    async close() {
      unsubscribe();
      await scans.close();
    },
  };
}
