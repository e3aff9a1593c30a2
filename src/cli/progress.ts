import { SingleBar } from 'cli-progress';
import type { ProgressEvent } from '../core/collection-run.js';

export interface ProgressReporter {
  onProgress(event: ProgressEvent): void;
  stop(): void;
}

const FINISHED = new Set(['done', 'error', 'skipped']);

/**
 * Progress goes to stderr only (stdout carries the report): a bar when stderr is a terminal,
 * one plain line per finished collector × region otherwise (CI logs). With `prefix` (one of
 * several accounts collected at once) always plain lines, each starting with the prefix.
 */
export function createProgressReporter(
  stderr: NodeJS.WritableStream & { isTTY?: boolean },
  quiet = false,
  prefix?: string,
): ProgressReporter {
  const states = new Map<string, string>();
  const finished = () => [...states.values()].filter((s) => FINISHED.has(s)).length;
  if (quiet) return { onProgress: () => {}, stop: () => {} };

  if (stderr.isTTY && prefix === undefined) {
    const bar = new SingleBar({
      stream: stderr,
      format: '{bar} {value}/{total} {last}',
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    return {
      onProgress(event) {
        states.set(`${event.collector}|${event.region}`, event.state);
        const last = `${event.collector} ${event.region} ${event.state}`;
        if (!started) {
          bar.start(states.size, finished(), { last });
          started = true;
        } else {
          bar.setTotal(states.size);
          bar.update(finished(), { last });
        }
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }

  return {
    onProgress(event) {
      const key = `${event.collector}|${event.region}`;
      states.set(key, event.state);
      if (!FINISHED.has(event.state)) return;
      const detail =
        event.state === 'done'
          ? ` (${event.count ?? 0})`
          : event.state === 'error' && event.error
            ? ` ${event.error.operation}: ${event.error.code}`
            : '';
      stderr.write(
        `${prefix ?? ''}[${finished()}/${states.size}] ${event.collector} ${event.region} ${event.state}${detail}\n`,
      );
    },
    stop: () => {},
  };
}
