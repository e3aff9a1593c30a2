/**
 * npm run demo — the whole product without an AWS account:
 * AWS emulator (moto) → seeded sample account → console on local storage → demo user connected
 * by role → a collection and an advisor run, "a week later" changes, a second collection and run →
 * prints the address and the sign-in.
 * Ctrl-C stops the console and the emulator (by PID) and removes the temporary data.
 *
 * Environment: PORT (5000), HOST (127.0.0.1), DEMO_DATA_DIR (kept when set; a temp dir otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from '../src/app/compose.js';
import { loadConfig } from '../src/config/config.js';
import { SERVICE_IDS } from '../src/core/services.js';
import { closeLogger } from '../src/logging/logger.js';
import { buildApp } from '../src/server/app.js';
import { assertMotoInstalled, type MotoServer, startMoto } from '../test/support/moto-process.js';
import { applyDemoChanges } from './demo-changes.js';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS, seedDemoAccount } from './demo-seed.js';

const DEMO_USER = 'demo';
const DEMO_PASSWORD = 'demo-password-2024';
const EMULATOR_KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const root = fileURLToPath(new URL('../', import.meta.url));
const say = (message: string) => process.stdout.write(`[demo] ${message}\n`);

async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not finish in 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function ensureWebBuilt(): void {
  if (existsSync(join(root, 'dist/web/index.html'))) return;
  say('building the web client (first run only)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

async function main(): Promise<void> {
  try {
    assertMotoInstalled();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  ensureWebBuilt();

  const keepData = Boolean(process.env.DEMO_DATA_DIR);
  const dataDir = process.env.DEMO_DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'again-demo-')));
  let moto: MotoServer | undefined;
  let stopApp: (() => Promise<void>) | undefined;
  const stop = async (code: number) => {
    await stopApp?.().catch(() => {});
    await moto?.stop();
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    say('starting the AWS emulator (moto)…');
    moto = await startMoto();
    say(`emulator on ${moto.endpoint} (pid ${moto.process.pid})`);
    const seeded = await seedDemoAccount({ endpoint: moto.endpoint, credentials: EMULATOR_KEYS, log: say });
    say(`sample account seeded in ${seeded.seconds.toFixed(1)} s`);

    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_DIR: join(dataDir, 'logs'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      PORT: process.env.PORT ?? '5000',
      HOST: process.env.HOST ?? '127.0.0.1',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: moto.endpoint,
      // The console's own credentials: with them it assumes the demo user's role (as on AWS).
      AWS_ACCESS_KEY: EMULATOR_KEYS.accessKeyId,
      AWS_SECRET_KEY: EMULATOR_KEYS.secretAccessKey,
    });
    const deps = await composeApp(config, { webRoot: join(root, 'dist/web/') });
    const app = await buildApp(deps);
    stopApp = async () => {
      await app.close();
      await closeLogger(deps.logger);
    };

    await deps.users.register(DEMO_USER, DEMO_PASSWORD);
    await deps.connections.create(DEMO_USER, {
      kind: 'role',
      name: 'Demo account (emulator)',
      roleArn: seeded.roleArn,
    });
    const collectAndAdvise = async (label: string) => {
      say(`${label}: collecting ${SERVICE_IDS.join(', ')} in ${DEMO_REGIONS.join(', ')}…`);
      const started = await deps.collections.start(DEMO_USER, {
        services: [...SERVICE_IDS],
        regions: DEMO_REGIONS,
      });
      const collection = await waitUntil(
        'the collection',
        () => deps.collections.get(DEMO_USER, started.id),
        (c) => !['queued', 'running'].includes(c.status),
      );
      say(`${label}: collection ${collection.status}; running the Service Advisor…`);
      const run = await deps.advisor.startRun(DEMO_USER, {
        services: [...SERVICE_IDS],
        collectionId: collection.id,
      });
      const detail = await waitUntil(
        'the advisor run',
        () => deps.advisor.getRun(DEMO_USER, run.runId),
        (d) => d.run.status === 'completed' || d.run.status === 'failed',
      );
      say(`${label}: advisor run ${detail.run.status}`);
    };
    // Two rounds, so trends have two points and the diff and the comparison have something to show.
    await collectAndAdvise('round 1');
    const [fixRegion, breakRegion] = DEMO_REGIONS as [string, string, ...string[]];
    const changes = await applyDemoChanges(
      { endpoint: moto.endpoint, credentials: EMULATOR_KEYS },
      DEMO_ACCOUNT_ID,
      fixRegion,
      breakRegion,
    );
    say(
      `changes between the rounds: fixed ${changes.fixedBucket}, deleted ${changes.deletedVolumeId}, ` +
        `opened SSH in ${changes.openGroupId}, created ${changes.newBucket}`,
    );
    await collectAndAdvise('round 2');
    const token = await deps.tokens.create(DEMO_USER, { name: 'demo script', scope: 'read-run' });

    const address = await app.listen({ port: config.port, host: config.host });
    const shown = address.replace('://127.0.0.1', '://localhost');
    process.stdout.write(
      [
        '',
        '  again-console demo is ready / 데모가 준비되었습니다',
        `  Open / 열기:            ${shown}`,
        `  Username / 사용자 이름: ${DEMO_USER}`,
        `  Password / 비밀번호:    ${DEMO_PASSWORD}`,
        `  API docs / API 문서:    ${shown}/api/docs`,
        `  API token (read-run):   ${token.secret}`,
        `  Data / 데이터:          ${dataDir}${keepData ? '' : ' (removed on exit / 종료 시 삭제)'}`,
        '  Ctrl-C stops everything / Ctrl-C로 모두 종료합니다.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
}

await main();
