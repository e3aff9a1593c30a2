import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './moto-process.js';

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export const REDIS_INSTALL_HINT =
  'Install it with: apt-get update && apt-get install -y redis-server   (.ci/run does this in CI)';

/** Null when redis-server is on the PATH, else the message that tells how to install it. */
export function redisMissingReason(): string | null {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `redis-server is not installed (${probe.error?.message ?? probe.stderr.trim()}). ${REDIS_INSTALL_HINT}`;
  return null;
}

async function answersPing(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let data = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      data += d.toString();
      if (data.includes('PONG')) {
        socket.destroy();
        resolve(true);
      }
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts a throw-away redis-server on a free loopback port (no persistence), waits until it
 * answers PING. `port` may be given to restart a server on the same port, and `dataDir` turns on
 * the append-only file there (fsync on every write), so a restarted server has every job back —
 * what a production Redis for BullMQ needs (Redis-restart tests).
 */
export async function startRedis(port?: number, dataDir?: string): Promise<RedisServer> {
  const missing = redisMissingReason();
  if (missing) throw new Error(missing);
  const chosen = port ?? (await freePort());
  const persistence = dataDir
    ? ['--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no'];
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(chosen),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      ...persistence,
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const deadline = Date.now() + 15_000;
  while (!(await answersPing(chosen))) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited early (code ${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${chosen}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
