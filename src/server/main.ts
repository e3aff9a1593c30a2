import { fileURLToPath } from 'node:url';
import { composeApp } from '../app/compose.js';
import { exitOnSignals, failedToStart, loadConfigOrExit } from '../app/entry.js';
import { closeLogger } from '../logging/logger.js';
import { buildApp } from './app.js';

/**
 * Entry point of `npm start`: config → composition root → app → listen. It also runs a worker in
 * this process unless WORKERS=0 (then it is a pure web tier and `npm run worker` processes run the jobs).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('again-console');
  const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));
  const deps = await composeApp(config, { webRoot });
  const app = await buildApp(deps);
  deps.logger.info(
    {
      storage: deps.storage.kind,
      dataDir: deps.storage.kind === 'local' ? config.dataDir : undefined,
      secretKeySource: config.secretKeySource,
      awsEndpoint: config.awsEndpointUrl,
      jobs: deps.jobs.kind,
      worker: config.workers > 0 ? { concurrency: config.workerConcurrency } : 'none (WORKERS=0)',
    },
    'starting again-console',
  );
  exitOnSignals(async (signal) => {
    deps.logger.info({ signal }, 'shutting down');
    await app.close(); // its preClose hook stops this process's jobs (deps.close)
    await closeLogger(deps.logger);
  });
  await app.listen({ port: config.port, host: config.host });
}

main().catch(failedToStart('again-console'));
