/**
 * The composition root: builds everything once from the config — storage, clock, logger, job
 * queues, the domain services — and hands each entry point (web server, worker) what it runs.
 * Route plugins and job handlers receive these objects; none of them builds a queue or a service.
 */
import type { Pluggable } from '@smithy/types';
import type { Logger } from 'pino';
import type { LoginThrottleOptions } from '../auth/login-throttle.js';
import { loadIamActions } from '../aws/iam-policy.js';
import type { AppConfig } from '../config/config.js';
import type { StsClientFactory } from '../connections/sts.js';
import type { RunCollection } from '../core/collection-run.js';
import type { Storage } from '../core/storage.js';
import { createLogger } from '../logging/logger.js';
import { DocumentCache } from '../storage/cache.js';
import { DocumentStore } from '../storage/documents.js';
import { createStorage } from '../storage/index.js';
import { ParsedDocumentCache } from '../storage/parsed-cache.js';
import { composeAccounts } from './accounts.js';
import { composeJobs, type JobTuning } from './jobs.js';
import { composeOrgs } from './orgs.js';
import { composeRuns } from './runs.js';
import { composeScans } from './scans.js';
import { composeSignIn } from './sessions.js';
import { composeSpend } from './spend.js';
import { composeWatch, type WatchOptions } from './watch.js';

export interface ComposeOptions {
  logger?: Logger;
  storage?: Storage;
  now?: () => Date;
  bcryptCost?: number;
  loginThrottle?: LoginThrottleOptions;
  /** Registrations one address may attempt per hour (tests of many users raise it). */
  registrationsPerHour?: number;
  stsClientFactory?: StsClientFactory;
  iamActions?: () => string[];
  runCollection?: RunCollection;
  /** Built web client (dist/web); absent folder → a clear "not built" page. */
  webRoot?: string;
  /** Global request ceiling per client address per minute. */
  rateLimitPerMinute?: number;
  /** Redis prefix, lease and stalled-check timings (tests shorten them). */
  jobTuning?: JobTuning;
  /** Runs the job handlers in this process (default: config.workers > 0). */
  worker?: boolean;
  /** Delivery timeouts and scheduler timing (tests shorten them and drive the clock). */
  watch?: WatchOptions;
  /** Test-only SDK middleware on Cost Explorer calls (fault injection, call counting). */
  costExplorerPlugins?: Pluggable<object, object>[];
}

export type AppDeps = Awaited<ReturnType<typeof composeApp>>;

export async function composeApp(config: AppConfig, options: ComposeOptions = {}) {
  const logger = options.logger ?? createLogger({ level: config.logLevel, logDir: config.logDir });
  const now = options.now ?? (() => new Date());
  const storage = options.storage ?? createStorage(config);
  const documents = new DocumentStore(storage, new DocumentCache(), new ParsedDocumentCache());
  const accounts = composeAccounts(config, { documents, logger, now, ...options });
  const { close: closeSignIn, ...signIn } = composeSignIn(config, {
    documents,
    logger,
    users: accounts.users,
    now,
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
    ...(options.registrationsPerHour ? { registrationsPerHour: options.registrationsPerHour } : {}),
  });
  const jobs = await composeJobs(config, logger, options.jobTuning);
  const runs = composeRuns(config, { documents, logger, now, jobs, accounts, ...options });
  const spend = composeSpend({
    documents,
    now,
    accounts,
    advisor: runs.services.advisor,
    ...(options.costExplorerPlugins ? { costExplorerPlugins: options.costExplorerPlugins } : {}),
  });
  const scans = await composeScans({ documents, logger, now, accounts, jobs, ...runs.services });
  const worker = options.worker ?? config.workers > 0;
  const iamActions =
    options.iamActions ??
    (await loadIamActions((error) =>
      logger.warn({ err: error }, 'collector registry unavailable; serving the original IAM policy'),
    ));
  const orgs = await composeOrgs(config, { documents, logger, now, accounts, jobs, iamActions });
  const watch = await composeWatch(config, {
    documents,
    logger,
    now,
    users: accounts.users,
    connections: accounts.connections,
    ...runs.services,
    jobs,
    worker,
    ...(options.jobTuning?.redisPrefix ? { redisPrefix: options.jobTuning.redisPrefix } : {}),
    ...(options.watch ? { options: options.watch } : {}),
  });
  if (worker) {
    await runs.startWorker();
    await scans.startWorker();
    orgs.startWorker();
  }
  return {
    config,
    logger,
    storage,
    documents,
    now,
    ...accounts,
    ...signIn,
    jobs,
    ...runs.services,
    ...watch.services,
    spend,
    scans: scans.scans,
    ...orgs.services,
    iamActions,
    webRoot: options.webRoot,
    rateLimitPerMinute: options.rateLimitPerMinute,
    /** Stops the scheduler and deliveries, the jobs of this process (their progress streams end), the queues, then sign-in state. */
    async close() {
      await watch.close();
      scans.close();
      await jobs.close();
      await runs.services.advisor.settle();
      await closeSignIn();
    },
  };
}
