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

/** Query parameters whose values are secrets (an SSE or download link may carry a token). */
const SECRET_QUERY_PARAMS = /([?&](?:token|access_token|password)=)[^&#]*/gi;

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer, with secret query parameters redacted from the URL. */
const serializers = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

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
 * A rotated log file in logDir: the folder 0700 and the files 0600 (logs carry usernames and
 * addresses). A failing log file never takes the server down; it is reported on stderr.
 */
export function createLogFile(
  name: string,
  options: Pick<LoggerOptions, 'rotateSize' | 'rotateInterval'> & { logDir: string },
): RotatingFileStream {
  mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
  const file = createStream(name, {
    path: options.logDir,
    size: options.rotateSize ?? '10M',
    interval: options.rotateInterval ?? '1d',
    rotate: LOG_FILE_COUNT - 1,
    mode: 0o600,
  });
  file.on('error', (error: Error) => process.stderr.write(`log file error: ${error.message}\n`));
  return file;
}

/** A logger that writes only to its own rotated file (the audit log), no console. */
export function createFileLogger(name: string, logDir: string): Logger {
  const file = createLogFile(name, { logDir });
  const logger = pino(
    { level: 'info', base: null, redact: { paths: redactPaths(), censor: '[redacted]' } },
    file,
  );
  logFiles.set(logger, file);
  return logger;
}

/**
 * The one application logger (Fastify logs requests through it too): JSON to the console and to
 * logDir/app.log, rotated logrotate-style (app.log.1 is the newest rotation; 10 files at most),
 * secrets redacted before any output.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const base = {
    level: options.level ?? 'info',
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers,
  };
  if (options.stream) return pino(base, options.stream);
  if (!options.logDir) return pino(base);
  const file = createLogFile(LOG_FILE_NAME, { ...options, logDir: options.logDir });
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
