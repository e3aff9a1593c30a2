/**
 * The composition root: builds everything once from the config — storage, clock, logger, job
 * queues, the domain services — and hands each entry point (web server, worker) what it runs.
 * Route plugins and job handlers receive these objects; none of them builds a queue or a service.
 */
import type { Logger } from 'pino';
import { loadIamActions } from '../aws/iam-policy.js';
import type { AppConfig } from '../config/config.js';
import type { StsClientFactory } from '../connections/sts.js';
import type { RunCollection } from '../core/collection-run.js';
import type { Storage } from '../core/storage.js';
import { createLogger } from '../logging/logger.js';
import type { LoginThrottleOptions } from '../server/login-throttle.js';
import { DocumentCache } from '../storage/cache.js';
import { DocumentStore } from '../storage/documents.js';
import { createStorage } from '../storage/index.js';
import { composeAccounts } from './accounts.js';
import { composeJobs } from './jobs.js';
import { composeRuns } from './runs.js';
import { composeSignIn } from './sessions.js';

export interface ComposeOptions {
  logger?: Logger;
  storage?: Storage;
  now?: () => Date;
  bcryptCost?: number;
  loginThrottle?: LoginThrottleOptions;
  stsClientFactory?: StsClientFactory;
  iamActions?: () => string[];
  runCollection?: RunCollection;
  /** Built web client (dist/web); absent folder → a clear "not built" page. */
  webRoot?: string;
  /** Global request ceiling per client address per minute. */
  rateLimitPerMinute?: number;
  /** Runs the job handlers in this process (default: config.workers > 0). */
  worker?: boolean;
}

export type AppDeps = Awaited<ReturnType<typeof composeApp>>;

export async function composeApp(config: AppConfig, options: ComposeOptions = {}) {
  const logger = options.logger ?? createLogger({ level: config.logLevel, logDir: config.logDir });
  const now = options.now ?? (() => new Date());
  const storage = options.storage ?? createStorage(config);
  const documents = new DocumentStore(storage, new DocumentCache());
  const accounts = composeAccounts(config, { documents, logger, now, ...options });
  const signIn = composeSignIn(config, {
    now,
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
  });
  const jobs = composeJobs(config, logger);
  const runs = composeRuns(config, { documents, logger, now, jobs, accounts, ...options });
  const worker = options.worker ?? config.workers > 0;
  const iamActions =
    options.iamActions ??
    (await loadIamActions((error) =>
      logger.warn({ err: error }, 'collector registry unavailable; serving the original IAM policy'),
    ));
  if (worker) await runs.startWorker();
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
    iamActions,
    webRoot: options.webRoot,
    rateLimitPerMinute: options.rateLimitPerMinute,
    /** Stops the jobs of this process (their progress streams end), then the queues. */
    close: () => jobs.close(),
  };
}
