import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger, LOG_FILE_COUNT } from '../../src/logging/logger.js';

describe('log files', () => {
  let dir: string;
  const logFiles = async () => (await readdir(dir)).filter((f) => /^app\.\d+\.log$/.test(f));
  /** The files are written by pino's worker thread: wait (bounded) for it to catch up. */
  async function waitFor(condition: (files: string[]) => boolean): Promise<string[]> {
    for (let waited = 0; waited < 5000 && !condition(await logFiles()); waited += 100) await sleep(100);
    return await logFiles();
  }
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-logs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes logDir/app.N.log with secrets redacted and rotates by size', async () => {
    const logger = createLogger({ logDir: dir, rotateSize: '16k', console: false });
    for (let i = 0; i < 3000; i++) {
      logger.info({ i, filler: 'x'.repeat(300), password: `pw-${i}-secret` }, 'line');
      if (i % 100 === 99) await sleep(5);
    }
    await waitFor((f) => f.length >= 2);
    await closeLogger(logger);
    const files = await logFiles();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');
    expect(text).toContain('"msg":"line"');
    expect(text).not.toMatch(/pw-\d+-secret/);
    expect(text).toContain('[redacted]');
    expect(await readdir(dir)).toContain('current.log');
  });

  it('keeps at most 10 files however often it rotates', async () => {
    const logger = createLogger({ logDir: dir, rotateFrequency: 100, console: false });
    const highest = async () => Math.max(0, ...(await logFiles()).map((f) => Number(f.split('.')[1])));
    // Log until the 12th file has been started (bounded), so more than 10 ever existed.
    for (let i = 0; i < 150 && (await highest()) < 12; i++) {
      logger.info({ i }, 'tick');
      await sleep(50);
    }
    await closeLogger(logger);
    expect(await highest()).toBeGreaterThanOrEqual(12);
    const files = await logFiles();
    expect(files.length).toBeLessThanOrEqual(LOG_FILE_COUNT);
    // The oldest were removed, not the newest.
    expect(files).not.toContain('app.1.log');
  });
});
