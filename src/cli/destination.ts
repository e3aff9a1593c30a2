/**
 * Where a command's output goes: stdout, or the --output file, written beside it under a temporary
 * name and renamed once whole, so a failed scan never leaves half a report (or clobbers the last one).
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { CliError, EXIT } from './errors.js';

/** Writes to `out`, ends it and resolves once it has finished. */
export type OutputWriter = (out: Writable) => Promise<void>;

const isFsError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';

const cannotWrite = (output: string, error: NodeJS.ErrnoException) =>
  new CliError(`Cannot write ${output}: ${error.code ?? error.message}`, EXIT.badArguments);

export async function writeDestination(
  stdout: NodeJS.WritableStream,
  output: string | undefined,
  write: OutputWriter,
): Promise<void> {
  if (!output) {
    // stdout stays open (the summary and other output may follow); each chunk waits for its flush.
    await write(
      new Writable({ write: (chunk: Buffer, _encoding, done) => stdout.write(chunk, (e) => done(e)) }),
    );
    return;
  }
  const partial = join(dirname(output), `.${basename(output)}.${process.pid}.partial`);
  const file = createWriteStream(partial, { flags: 'wx' });
  try {
    await once(file, 'open');
    await write(file);
    await rename(partial, output);
  } catch (error) {
    // The first error is the one reported; a write still pending on the destroyed file is moot.
    file.on('error', () => undefined);
    file.destroy();
    await rm(partial, { force: true });
    throw isFsError(error) ? cannotWrite(output, error) : error;
  }
}

/** A whole text as an OutputWriter. */
export const textWriter =
  (text: string): OutputWriter =>
  async (out) => {
    out.end(text);
    await once(out, 'finish');
  };
