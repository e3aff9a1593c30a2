import { composeApp } from '../app/compose.js';
import { exitOnSignals, failedToStart, loadConfigOrExit } from '../app/entry.js';
import { closeLogger } from '../logging/logger.js';

/**
 * Entry point of `npm run worker`: the same composition root as the web server, without HTTP; it
 * runs collection and advisor jobs from Redis (WORKER_CONCURRENCY at once per job family).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('again-console worker');
  if (!config.redisUrl) {
    process.stderr.write(
      'again-console worker: REDIS_URL is not set. Without Redis, jobs run inside the web process (npm start); a separate worker needs REDIS_URL=redis://…\n',
    );
    process.exit(2);
  }
  const deps = await composeApp(config, { worker: true });
  deps.logger.info(
    { storage: deps.storage.kind, concurrency: config.workerConcurrency, pid: process.pid },
    'again-console worker started',
  );
  exitOnSignals(async (signal) => {
    deps.logger.info({ signal }, 'worker shutting down');
    await deps.close();
    await closeLogger(deps.logger);
  });
}

main().catch(failedToStart('again-console worker'));
