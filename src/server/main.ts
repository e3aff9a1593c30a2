import { fileURLToPath } from 'node:url';
import { composeApp } from '../app/compose.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { closeLogger } from '../logging/logger.js';
import { buildApp } from './app.js';

/** Entry point of `npm start`: config → dependencies → app → listen; clean shutdown on signals. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`again-console: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));
  const deps = await composeApp(config, { webRoot });
  const app = await buildApp(deps);
  deps.logger.info(
    {
      storage: deps.storage.kind,
      dataDir: deps.storage.kind === 'local' ? config.dataDir : undefined,
      secretKeySource: config.secretKeySource,
      awsEndpoint: config.awsEndpointUrl,
    },
    'starting again-console',
  );
  const shutdown = async (signal: string) => {
    deps.logger.info({ signal }, 'shutting down');
    await app.close();
    await closeLogger(deps.logger);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `again-console failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
