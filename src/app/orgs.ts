/**
 * Organization connections beyond discovery's storage: the refresh as a job (`org-refreshes` queue
 * of the job backend) and the member-role onboarding (template, StackSets commands).
 */
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import {
  createOrgRefreshService,
  ORG_REFRESH_JOB,
  ORG_REFRESH_QUEUE,
  ORG_REFRESH_RETRY,
} from '../orgs/refresh-job.js';
import { createOrgSetupService } from '../orgs/setup.js';
import type { DocumentStore } from '../storage/documents.js';
import type { composeAccounts } from './accounts.js';
import type { JobBackend } from './jobs.js';
import { domainLog } from './logging.js';

/** Refreshes running at once in one process (each checks member roles 8 at a time). */
const REFRESHES_AT_ONCE = 2;

export async function composeOrgs(
  config: AppConfig,
  deps: {
    documents: DocumentStore;
    logger: Logger;
    now: () => Date;
    accounts: ReturnType<typeof composeAccounts>;
    jobs: JobBackend;
    iamActions: () => string[];
  },
) {
  const queue = await deps.jobs.createQueue(ORG_REFRESH_QUEUE, {
    concurrency: REFRESHES_AT_ONCE,
    retry: ORG_REFRESH_RETRY,
  });
  const orgRefresh = createOrgRefreshService({
    documents: deps.documents,
    orgs: deps.accounts.orgs,
    requireOrganization: async (username, connectionId) => {
      await deps.accounts.connections.memberAccess(username, connectionId);
    },
    queue,
    now: deps.now,
    log: domainLog(deps.logger, { component: 'orgs' }),
  });
  const orgSetup = createOrgSetupService({
    roleSetup: (username) => deps.accounts.connections.roleSetup(username),
    iamActions: deps.iamActions,
    region: config.awsRegion,
  });
  return {
    services: { orgRefresh, orgSetup },
    /** Makes this process run refresh jobs (the queue closes with the job backend). */
    startWorker(): void {
      queue.process(ORG_REFRESH_JOB, orgRefresh.handle);
    },
  };
}
