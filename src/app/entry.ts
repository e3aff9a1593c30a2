/** What both entry points (web server, worker) do around the composition root. */
import { type AppConfig, ConfigError, loadConfig } from '../config/config.js';

/** The configuration, or exit 2 with the problem on stderr (no stack trace for a user's mistake). */
export function loadConfigOrExit(program: string): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${program}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Runs `shutdown` once on SIGINT/SIGTERM, then exits 0. */
export function exitOnSignals(shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutdown(signal).finally(() => process.exit(0));
  };
  process.once('SIGINT', () => handle('SIGINT'));
  process.once('SIGTERM', () => handle('SIGTERM'));
}

/** Reports a start-up failure in one line and exits 1. */
export function failedToStart(program: string) {
  return (error: unknown) => {
    process.stderr.write(
      `${program} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  };
}
