import type { AdvisorRunStatus, AdvisorRunSummary } from '../shared/api/advisor.js';
import { FINAL_RUN_STATUSES } from '../shared/api/advisor.js';
import type { ProgressEntry } from '../shared/api/collections.js';

export type RunMessage =
  | { type: 'status'; status: AdvisorRunStatus; collectionId?: string }
  | { type: 'collection'; entry: ProgressEntry }
  | { type: 'done'; run: AdvisorRunSummary };

type Listener = (message: RunMessage) => void;

/**
 * Live phase changes of the advisor runs of this process, fanned out to SSE streams. It lives with
 * the job, not with a connection: a reconnecting browser reads the run record, then follows here.
 */
export class RunProgressHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(runId: string, listener: Listener): () => void {
    let set = this.listeners.get(runId);
    if (!set) {
      set = new Set();
      this.listeners.set(runId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(runId);
    };
  }

  publish(runId: string, message: RunMessage): void {
    for (const listener of this.listeners.get(runId) ?? []) {
      try {
        listener(message);
      } catch {
        // One broken stream must not stop the others (or the run).
      }
    }
    if (message.type === 'done') this.listeners.delete(runId);
  }
}

export interface EventSink {
  write(chunk: string): unknown;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Streams one run as Server-Sent Events: `snapshot` { run } first, then `status` / `collection`
 * changes, then `done` { run } and the stream closes. A run that is not live in this process
 * (finished, or a record left by another process) is re-read from storage every `pollMs`.
 */
export async function streamRunProgress(
  sink: EventSink,
  options: {
    runId: string;
    hub: RunProgressHub;
    read: () => Promise<AdvisorRunSummary>;
    heartbeatMs?: number;
    pollMs?: number;
  },
): Promise<void> {
  let closed = false;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });
  const send = (chunk: string) => {
    if (!closed) sink.write(chunk);
  };
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    sink.end();
    resolveFinished();
  };
  // Subscribe before reading so no change falls between the read and the subscription.
  const unsubscribe = options.hub.subscribe(options.runId, (message) => {
    if (message.type === 'done') {
      send(event('done', { run: message.run }));
      close();
    } else if (message.type === 'status')
      send(event('status', { status: message.status, collectionId: message.collectionId }));
    else send(event('collection', message.entry));
  });
  sink.on('close', close);
  send('retry: 3000\n\n');
  let run = await options.read();
  send(event('snapshot', { run }));
  let last = run.status;
  // Polling covers a run whose job is not in this process; the hub usually closes the stream first.
  while (!closed && !FINAL_RUN_STATUSES.includes(run.status)) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
    if (closed) break;
    run = await options.read();
    if (run.status !== last && !FINAL_RUN_STATUSES.includes(run.status)) {
      last = run.status;
      send(event('status', { status: run.status, collectionId: run.collectionId }));
    }
  }
  if (!closed) {
    send(event('done', { run }));
    close();
  }
  return await finished;
}
