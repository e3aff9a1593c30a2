import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

export interface AppConfig {
  /** Root secret: session signing and (via HKDF) encryption of stored AWS secrets. */
  secretKey: string;
  secretKeySource: 'env' | 'file' | 'generated';
  awsRegion: string;
  /** The server's own AWS credentials (AWS_ACCESS_KEY/AWS_SECRET_KEY); absent → SDK default chain. */
  awsCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** AWS_ENDPOINT_URL: an emulator such as moto. */
  awsEndpointUrl?: string;
  dataBucketName?: string;
  dataDir: string;
  port: number;
  host: string;
  logDir: string;
  logLevel: string;
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, however active (SESSION_ABSOLUTE_HOURS). */
  sessionAbsoluteHours: number;
  /** ALLOW_REGISTRATION: 'open' sign-up, or 'invite' (the first user is the admin; others need an invite). */
  allowRegistration: 'open' | 'invite';
  /** Fastify trustProxy: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  /** PUBLIC_URL: where users reach the console; notifications link back to runs with it. */
  publicUrl?: string;
  /** REDIS_URL: jobs and progress in Redis (BullMQ), sessions, throttle counters and the rate limit; absent → in-process and Storage. */
  redisUrl?: string;
  /** NOTIFY_ALLOW_LOCAL_HTTP=true (development and tests only): Slack/webhook receivers on loopback, over http too. */
  notifyAllowLocalHttp: boolean;
  /** WORKERS: in-process workers of the web process (0 = pure web tier, needs REDIS_URL). */
  workers: 0 | 1;
  /** WORKER_CONCURRENCY: jobs run at once per worker (per job family). */
  workerConcurrency: number;
  /** WEB_INSTANCES: web processes behind the proxy (more than 1 needs REDIS_URL and S3 storage). */
  webInstances: number;
  /** JOB_LOCK_DURATION_MS / JOB_STALLED_INTERVAL_MS: BullMQ lease and stalled-check interval (default 30 s each); a dead worker's job is re-run after about this long. */
  jobLockDurationMs?: number;
  jobStalledIntervalMs?: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(empty, z.string().trim().optional());

const EnvSchema = z.object({
  SECRET_KEY: z.preprocess(empty, z.string().min(16, 'must be at least 16 characters').optional()),
  AWS_ACCESS_KEY: optionalText,
  AWS_SECRET_KEY: optionalText,
  AWS_SESSION_TOKEN_SERVER: optionalText,
  AWS_REGION: z.preprocess(
    empty,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like ap-northeast-2')
      .default('ap-northeast-2'),
  ),
  AWS_ENDPOINT_URL: z.preprocess(empty, z.url({ protocol: /^https?$/ }).optional()),
  DATA_BUCKET_NAME: z.preprocess(
    empty,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
      .optional(),
  ),
  DATA_DIR: z.preprocess(empty, z.string().default('./data')),
  PORT: z.preprocess(empty, z.coerce.number().int().min(1).max(65535).default(5000)),
  HOST: z.preprocess(empty, z.string().default('0.0.0.0')),
  LOG_DIR: z.preprocess(empty, z.string().default('./logs')),
  LOG_LEVEL: z.preprocess(
    empty,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SESSION_IDLE_MINUTES: z.preprocess(
    empty,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
  ),
  SESSION_ABSOLUTE_HOURS: z.preprocess(
    empty,
    z.coerce
      .number()
      .min(1)
      .max(24 * 30)
      .default(12),
  ),
  ALLOW_REGISTRATION: z.preprocess(empty, z.enum(['open', 'invite']).default('open')),
  TRUST_PROXY: optionalText,
  PUBLIC_URL: z.preprocess(empty, z.url({ protocol: /^https?$/ }).optional()),
  REDIS_URL: z.preprocess(empty, z.url({ protocol: /^rediss?$/ }).optional()),
  NOTIFY_ALLOW_LOCAL_HTTP: z.preprocess(empty, z.enum(['true', 'false']).default('false')),
  WORKERS: z.preprocess(empty, z.coerce.number().int().min(0).max(1).default(1)),
  WORKER_CONCURRENCY: z.preprocess(empty, z.coerce.number().int().min(1).max(64).default(2)),
  WEB_INSTANCES: z.preprocess(empty, z.coerce.number().int().min(1).max(1000).default(1)),
  JOB_LOCK_DURATION_MS: z.preprocess(empty, z.coerce.number().int().min(500).max(3_600_000).optional()),
  JOB_STALLED_INTERVAL_MS: z.preprocess(empty, z.coerce.number().int().min(500).max(3_600_000).optional()),
});

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // comma-separated addresses/CIDRs, passed to Fastify as-is
}

/** SECRET_KEY unset: generate one on first start and keep it in the data dir (mode 0600). */
function loadOrCreateSecretKey(dataDir: string): { key: string; source: 'file' | 'generated' } {
  const path = join(dataDir, '.secret_key');
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length < 16) throw new ConfigError(`${path} is too short; delete it to generate a new one`);
    return { key, source: 'file' };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs so both agree.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecretKey(dataDir);
    throw error;
  }
  chmodSync(path, 0o600);
  return { key, source: 'generated' };
}

/** Reads the configuration (process env plus `.env`); throws ConfigError with every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env === process.env) dotenv.config({ quiet: true });
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if ((e.AWS_ACCESS_KEY === undefined) !== (e.AWS_SECRET_KEY === undefined)) {
    throw new ConfigError('Invalid configuration: set both AWS_ACCESS_KEY and AWS_SECRET_KEY, or neither');
  }
  if (e.WORKERS === 0 && !e.REDIS_URL)
    throw new ConfigError(
      'Invalid configuration: WORKERS=0 (web tier only) needs REDIS_URL, or no job would ever run',
    );
  if (e.WEB_INSTANCES > 1 && !e.REDIS_URL)
    throw new ConfigError(
      'Invalid configuration: WEB_INSTANCES > 1 needs REDIS_URL (jobs, progress and cancels must cross processes)',
    );
  if (e.WEB_INSTANCES > 1 && !e.DATA_BUCKET_NAME)
    throw new ConfigError(
      'Invalid configuration: WEB_INSTANCES > 1 needs DATA_BUCKET_NAME (S3): web instances on several machines cannot share a local data directory',
    );
  const dataDir = resolve(e.DATA_DIR);
  const secret = e.SECRET_KEY
    ? { key: e.SECRET_KEY, source: 'env' as const }
    : loadOrCreateSecretKey(dataDir);
  return {
    secretKey: secret.key,
    secretKeySource: secret.source,
    awsRegion: e.AWS_REGION,
    awsCredentials:
      e.AWS_ACCESS_KEY && e.AWS_SECRET_KEY
        ? {
            accessKeyId: e.AWS_ACCESS_KEY,
            secretAccessKey: e.AWS_SECRET_KEY,
            ...(e.AWS_SESSION_TOKEN_SERVER ? { sessionToken: e.AWS_SESSION_TOKEN_SERVER } : {}),
          }
        : undefined,
    awsEndpointUrl: e.AWS_ENDPOINT_URL,
    dataBucketName: e.DATA_BUCKET_NAME,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    logDir: resolve(e.LOG_DIR),
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    allowRegistration: e.ALLOW_REGISTRATION,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    notifyAllowLocalHttp: e.NOTIFY_ALLOW_LOCAL_HTTP === 'true',
    workers: e.WORKERS === 0 ? 0 : 1,
    workerConcurrency: e.WORKER_CONCURRENCY,
    webInstances: e.WEB_INSTANCES,
    ...(e.JOB_LOCK_DURATION_MS ? { jobLockDurationMs: e.JOB_LOCK_DURATION_MS } : {}),
    ...(e.JOB_STALLED_INTERVAL_MS ? { jobStalledIntervalMs: e.JOB_STALLED_INTERVAL_MS } : {}),
  };
}
