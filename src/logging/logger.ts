import { mkdirSync } from 'node:fs';
import { type DestinationStream, type Level, type Logger, pino } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

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
  /** Directory for app.log and its rotations (app.log.1 … app.log.9); omit for console only. */
  logDir?: string;
  /** Tests pass a stream to capture every line (no files). */
  stream?: DestinationStream;
  /** Rotate app.log at this size (rotating-file-stream units: B, K, M, G; default '10M'). */
  rotateSize?: string;
  /** And at this interval (rotating-file-stream units: s, m, h, d; default '1d'). */
  rotateInterval?: string;
  /** Also write to stdout (default true). */
  console?: boolean;
}

/** app.log plus nine rotated files, like the original product's RotatingFileHandler. */
export const LOG_FILE_COUNT = 10;
export const LOG_FILE_NAME = 'app.log';

const logFiles = new WeakMap<Logger, RotatingFileStream>();

/**
 * The one application logger (Fastify logs requests through it too): JSON to the console and to
 * logDir/app.log, rotated logrotate-style (app.log.1 is the newest rotation; 10 files at most),
 * secrets redacted before any output.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const base = {
    level: options.level ?? 'info',
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
  if (options.stream) return pino(base, options.stream);
  if (!options.logDir) return pino(base);
  mkdirSync(options.logDir, { recursive: true });
  const file = createStream(LOG_FILE_NAME, {
    path: options.logDir,
    size: options.rotateSize ?? '10M',
    interval: options.rotateInterval ?? '1d',
    rotate: LOG_FILE_COUNT - 1,
  });
  // A failing log file must never take the server down; report once on stderr.
  file.on('error', (error: Error) => process.stderr.write(`log file error: ${error.message}\n`));
  const streams: { stream: DestinationStream | NodeJS.WritableStream; level: Level }[] = [
    { stream: file, level: base.level as Level },
  ];
  if (options.console !== false) streams.push({ stream: process.stdout, level: base.level as Level });
  const logger = pino(base, pino.multistream(streams));
  logFiles.set(logger, file);
  return logger;
}

/** Flushes and closes the logger's log file (stdout stays open). */
export async function closeLogger(logger: Logger): Promise<void> {
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  const file = logFiles.get(logger);
  if (!file) return;
  logFiles.delete(logger);
  await new Promise<void>((resolve) => {
    file.once('finish', () => resolve());
    file.end();
    // A destination that never finishes must not hang shutdown.
    setTimeout(resolve, 2000).unref();
  });
}
