import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger, LOG_FILE_COUNT } from '../../src/logging/logger.js';

describe('log files', () => {
  let dir: string;
  const logFiles = async () => (await readdir(dir)).filter((f) => /^app\.log(\.\d+)?$/.test(f)).sort();
  const readAll = async (files: string[]) =>
    (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-logs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes logDir/app.log with secrets redacted and rotates it by size', async () => {
    const logger = createLogger({ logDir: dir, rotateSize: '16K', console: false });
    for (let i = 0; i < 300; i++) {
      logger.info({ i, filler: 'x'.repeat(300), password: `pw-${i}-secret` }, 'line');
      if (i % 50 === 49) await sleep(20);
    }
    await closeLogger(logger);
    const files = await logFiles();
    expect(files).toContain('app.log');
    expect(files).toContain('app.log.1');
    const text = await readAll(files);
    expect(text).toContain('"msg":"line"');
    expect(text).not.toMatch(/pw-\d+-secret/);
    expect(text).toContain('[redacted]');
  });

  it('keeps at most 10 files (app.log + 9 rotations), dropping the oldest lines', async () => {
    const logger = createLogger({ logDir: dir, rotateSize: '2K', console: false });
    // ~400 bytes a line, 5 lines a file: 200 lines rotate ~40 times.
    for (let i = 0; i < 200; i++) {
      logger.info({ seq: `seq-${String(i).padStart(4, '0')}`, filler: 'y'.repeat(300) }, 'tick');
      if (i % 10 === 9) await sleep(10);
    }
    await closeLogger(logger);
    const files = await logFiles();
    expect(files.length).toBe(LOG_FILE_COUNT);
    expect(files).toContain('app.log.9');
    expect(files).not.toContain('app.log.10');
    const text = await readAll(files);
    expect(text).toContain('seq-0199'); // the newest line is kept
    expect(text).not.toContain('seq-0000'); // the oldest were rotated away
  });
});
