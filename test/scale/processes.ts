/**
 * Cross-process harness for the scale-out guarantees: a web app in the test process (WORKERS=0,
 * Redis mode) and real `npm run worker` child processes sharing its DATA_DIR, Redis and the gate
 * in front of the emulator. Children are killed by PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { type Job, Queue } from 'bullmq';
import { expect } from 'vitest';
import { bullmqConnection } from '../../src/jobs/redis-connection.js';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { LocalStorage } from '../../src/storage/local.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET_KEY = 'test-secret-key-0123456789abcdef';
/**
 * Short leases so a killed worker's job is taken over in seconds, not the default 30 s: a job
 * whose lock has expired is moved back to wait by the next stalled check of a LIVE worker (the web
 * process runs none: WORKERS=0). The lock is renewed every LOCK_MS / 2, so a busy worker whose
 * event loop lags less than that keeps its jobs; takeover takes at most LOCK_MS + 2 × STALLED_MS.
 */
export const LOCK_MS = 4_000;
export const STALLED_MS = 1_000;
/** What `npm run worker` logs once its queues (and so BullMQ's stalled checkers) run. */
const WORKER_STARTED = 'again-console worker started';
/** A worker process boots tsx, the SDK and the app: slow on a shared, loaded machine. */
const WORKER_BOOT_MS = 120_000;

export interface Cluster {
  gate: Gate;
  web: TestApp;
  alice: Agent;
  dataDir: string;
  /** Starts a worker process against `redisUrl` (default: the cluster's). */
  startWorker(redisUrl?: string): ChildProcess;
  /** Resolves once the worker process runs its queues (it logged that it started). */
  ready(child: ChildProcess): Promise<void>;
  /** Jobs of the collections queue as BullMQ keeps them (undefined once removed). */
  collectionJobs(ids: readonly string[]): Promise<(Job | undefined)[]>;
  kill(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/** `extraEnv` goes to the web app and every worker (e.g. NOTIFY_ALLOW_LOCAL_HTTP for local receivers). */
export async function startCluster(
  redisUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Cluster> {
  await resetMoto();
  const iam = new IAMClient(motoClientConfig('us-east-1'));
  await iam.send(new CreateUserCommand({ UserName: 'collector' }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'collector' }));
  iam.destroy();
  const gate = await startGate(motoEndpoint());
  const dataDir = await mkdtemp(join(tmpdir(), 'again-scale-'));
  const env = {
    SECRET_KEY,
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: gate.endpoint,
    AWS_ACCESS_KEY: testCredentials.accessKeyId,
    AWS_SECRET_KEY: testCredentials.secretAccessKey,
    REDIS_URL: redisUrl,
    JOB_LOCK_DURATION_MS: String(LOCK_MS),
    JOB_STALLED_INTERVAL_MS: String(STALLED_MS),
    ...extraEnv,
  };
  const web = await createTestApp({
    storage: new LocalStorage(dataDir),
    env: { ...env, WORKERS: '0' },
  });
  const alice = await signUp(web.app, 'alice');
  const conn = await alice.post('/api/connections', {
    kind: 'keys',
    name: 'emulator',
    accessKeyId: key.AccessKey?.AccessKeyId,
    secretAccessKey: key.AccessKey?.SecretAccessKey,
  });
  expect(conn.statusCode, conn.body).toBe(201);

  const children = new Set<ChildProcess>();
  const started = new WeakMap<ChildProcess, Promise<void>>();
  const kill = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL') => {
    children.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await exited;
  };
  return {
    gate,
    web,
    alice,
    dataDir,
    startWorker(url = redisUrl) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env, REDIS_URL: url, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      started.set(child, startedLine(child));
      return child;
    },
    async ready(child) {
      await started.get(child);
    },
    async collectionJobs(ids) {
      const queue = new Queue('collections', { connection: bullmqConnection(redisUrl), prefix: 'again' });
      try {
        return await Promise.all(ids.map(async (id) => (await queue.getJob(id)) ?? undefined));
      } finally {
        await queue.close();
      }
    },
    kill,
    async close() {
      gate.open();
      await Promise.all([...children].map((c) => kill(c)));
      await web.close();
      await gate.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function collectionOf(agent: Agent, id: string) {
  const res = await agent.get(`/api/collections/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return CollectionResponse.parse(res.json()).collection;
}

/** Polls the collection until it has left queued/running (or `timeoutMs` passes: the test fails). */
export async function finishedCollection(agent: Agent, id: string, timeoutMs: number) {
  return await eventually(
    async () => {
      const c = await collectionOf(agent, id);
      if (['queued', 'running'].includes(c.status)) throw new Error(`collection ${id} is still ${c.status}`);
      return c;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

/** Waits until a worker process is mid-run: its calls to the held service wait at the gate. */
export async function heldAtGate(gate: Gate): Promise<void> {
  // Generous: a worker process boots tsx and the SDK first, slow on a loaded machine.
  await eventually(() => gate.waiting() > 0, { timeoutMs: 45_000, intervalMs: 50 });
}

/** Every stored document of a collection parses as JSON (nothing half-written). */
export async function parsedDocuments(dataDir: string, keys: string[]): Promise<unknown[]> {
  return await Promise.all(keys.map(async (k) => JSON.parse(await readFile(join(dataDir, k), 'utf8'))));
}

/** Reads the worker's log (so its pipe never fills) until it says it started. */
function startedLine(child: ChildProcess): Promise<void> {
  const started = new Promise<void>((resolve, reject) => {
    let tail = '';
    const timer = setTimeout(
      () => reject(new Error(`worker ${child.pid} did not start within ${WORKER_BOOT_MS} ms`)),
      WORKER_BOOT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4 * WORKER_STARTED.length);
      if (!tail.includes(WORKER_STARTED)) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker ${child.pid} exited (${code ?? signal}) before it started`));
    });
  });
  // A worker killed before anyone waited for it is not an unhandled rejection.
  started.catch(() => {});
  return started;
}
