import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DestinationStream, type Logger, pino } from 'pino';

/** Field names whose values are secrets wherever they appear in a log object. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'secretAccessKey',
  'sessionToken',
  'SecretAccessKey',
  'SessionToken',
  'credentials',
  'Credentials',
  'encryptedSecrets',
  'secretKey',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'token',
  '_csrf',
];

/** pino's redact wildcards match one level each, so spell out depths 0–3. */
export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const field of SECRET_FIELDS) {
    const quoted = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    const join_ = (prefix: string) => (quoted.startsWith('[') ? `${prefix}${quoted}` : `${prefix}.${quoted}`);
    paths.push(quoted.startsWith('[') ? quoted.slice(2, -2) : quoted);
    paths.push(join_('*'), join_('*.*'), join_('*.*.*'));
  }
  return paths;
}

export interface LoggerOptions {
  level?: string;
  /** Directory for app.log and its rotations; omit for console only. */
  logDir?: string;
  /** Tests pass a stream to capture every line (no worker threads, no files). */
  stream?: DestinationStream;
  /** Rotate app.log at this size (pino-roll units, default '10m'). */
  rotateSize?: string;
  /** And at this interval (default daily; a number is milliseconds). */
  rotateFrequency?: 'daily' | 'hourly' | number;
  /** Also write to stdout (default true). */
  console?: boolean;
}

export const LOG_FILE_COUNT = 10;

/**
 * The one application logger (Fastify logs requests through it too): JSON to the console and to
 * logDir/app.log rotated by pino-roll (10 files by size/day), secrets redacted before any output.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const base = {
    level: options.level ?? 'info',
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
  if (options.stream) return pino(base, options.stream);
  if (!options.logDir) return pino(base);
  // pino-roll creates its symlink before its own mkdir runs, so the folder must already exist.
  mkdirSync(options.logDir, { recursive: true });
  const transport = pino.transport({
    targets: [
      ...(options.console === false
        ? []
        : [{ target: 'pino/file', options: { destination: 1 }, level: base.level }]),
      {
        target: 'pino-roll',
        level: base.level,
        options: {
          file: join(options.logDir, 'app.log'),
          size: options.rotateSize ?? '10m',
          // Size rotation in pino-roll waits for a 'drain' event that a quiet stream may never emit;
          // the time-based rotation guarantees the file still turns over.
          frequency: options.rotateFrequency ?? 'daily',
          mkdir: true,
          symlink: true,
          limit: { count: LOG_FILE_COUNT - 1, removeOtherLogFiles: true },
        },
      },
    ],
  });
  return pino(base, transport);
}

/** Flushes and closes the logger's destination (the worker thread, for file logging). */
export async function closeLogger(logger: Logger): Promise<void> {
  const stream = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
    | (NodeJS.WritableStream & { end(): void; once(event: 'close', fn: () => void): void })
    | undefined;
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  if (!stream || typeof stream.end !== 'function' || stream === process.stdout) return;
  await new Promise<void>((resolve) => {
    stream.once('close', () => resolve());
    stream.end();
    // A destination that never emits close must not hang shutdown.
    setTimeout(resolve, 2000).unref();
  });
}
