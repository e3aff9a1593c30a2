/**
 * Collections and advisor runs: the services the web tier calls, and the job handlers a worker
 * registers. The advisor collects through the collections service (never through a route).
 */
import type { Logger } from 'pino';
import { processPriceBook } from '../advisor/prices.js';
import { ADVISOR_JOB, createAdvisorService } from '../advisor/service.js';
import { createCollectionService } from '../collections/service.js';
import { runCollection as defaultRunCollection } from '../collectors/runner.js';
import type { AppConfig } from '../config/config.js';
import type { RunCollection } from '../core/collection-run.js';
import { createMuteAccounts } from '../orgs/mute-accounts.js';
import type { DocumentStore } from '../storage/documents.js';
import type { composeAccounts } from './accounts.js';
import type { JobBackend } from './jobs.js';
import { domainLog } from './logging.js';

export function composeRuns(
  config: AppConfig,
  deps: {
    documents: DocumentStore;
    logger: Logger;
    now: () => Date;
    jobs: JobBackend;
    accounts: ReturnType<typeof composeAccounts>;
    runCollection?: RunCollection;
  },
) {
  const { documents, now, jobs } = deps;
  const collections = createCollectionService({
    documents,
    queue: jobs.collections,
    bus: jobs.bus,
    resolveCredentials: (username, connectionId, accountId) =>
      deps.accounts.orgs.resolveCredentials(username, connectionId, accountId),
    runCollection: deps.runCollection ?? defaultRunCollection,
    now,
    homeRegion: config.awsRegion,
    // With a shared queue, units of one collection run in parallel on every worker.
    splitUnits: jobs.kind === 'redis',
    log: domainLog(deps.logger, { component: 'collections' }),
  });
  const advisor = createAdvisorService({
    documents,
    collections,
    queue: jobs.advisor,
    bus: jobs.bus,
    prices: () => processPriceBook(config),
    muteAccounts: createMuteAccounts({ connections: deps.accounts.connections, orgs: deps.accounts.orgs }),
    now,
    log: domainLog(deps.logger, { component: 'advisor' }),
  });
  return {
    services: { collections, advisor },
    /**
     * Makes this process a worker. In-process jobs die with their process: whatever storage still
     * shows as running was cut off by a restart, so it is marked failed before new jobs start.
     */
    async startWorker(): Promise<void> {
      // Redis mode: BullMQ's leases re-run a dead worker's jobs; nothing is orphaned by a restart.
      if (jobs.kind === 'embedded') {
        await collections.recover();
        await advisor.recover();
      }
      collections.processJobs();
      jobs.advisor.process(ADVISOR_JOB, advisor.jobHandler);
    },
  };
}
