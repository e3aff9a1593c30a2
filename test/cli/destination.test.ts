import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textWriter, writeDestination } from '../../src/cli/destination.js';
import { CliError } from '../../src/cli/errors.js';

describe('scan output destination', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-destination-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes the whole output to --output and leaves nothing else beside it', async () => {
    const output = join(dir, 'report.json');
    await writeDestination(new PassThrough(), output, textWriter('{"ok":true}\n'));
    expect(await readFile(output, 'utf8')).toBe('{"ok":true}\n');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('a failure half-way leaves neither half a report nor a temporary file, and keeps the last report', async () => {
    const output = join(dir, 'report.json');
    await writeFile(output, 'last report');
    const failing = async (out: NodeJS.WritableStream) => {
      out.write('{"findings": [');
      throw new Error('rendering failed');
    };
    await expect(writeDestination(new PassThrough(), output, failing)).rejects.toThrow('rendering failed');
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(await readFile(output, 'utf8')).toBe('last report');
  });

  it('an unwritable --output is a clear argument error', async () => {
    const output = join(dir, 'missing-folder', 'report.json');
    const error = await writeDestination(new PassThrough(), output, textWriter('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(`Cannot write ${output}: ENOENT`);
  });

  it('writes to stdout without ending it', async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    await writeDestination(stdout, undefined, textWriter('report\n'));
    expect(Buffer.concat(chunks).toString()).toBe('report\n');
    expect(stdout.writableEnded).toBe(false);
  });
});
