import type { ProgressBus } from '../jobs/progress-bus.js';
import type { AdvisorRunStatus, AdvisorRunSummary } from '../shared/api/advisor.js';
import { FINAL_RUN_STATUSES } from '../shared/api/advisor.js';
import type { ProgressEntry } from '../shared/api/collections.js';

export type RunMessage =
  | { type: 'status'; status: AdvisorRunStatus; collectionId?: string }
  | { type: 'collection'; entry: ProgressEntry }
  | { type: 'done'; run: AdvisorRunSummary };

type Listener = (message: RunMessage) => void;

/** How long a finished run's messages stay on the bus (late readers use the run record). */
const FINISHED_TOPIC_TTL_SECONDS = 600;

const runTopic = (runId: string) => `run:${runId}`;

/**
 * Live phase changes of advisor runs on the progress bus, fanned out to SSE streams in whichever
 * process serves them. It lives with the job, not with a connection: a reconnecting browser reads
 * the run record, then follows here.
 */
export class RunProgressHub {
  constructor(private readonly bus: ProgressBus) {}

  /** Messages published from now on, until the returned stop is called. */
  async subscribe(runId: string, listener: Listener): Promise<() => void> {
    return await this.bus.follow(runTopic(runId), '$', (entry) => listener(entry.message as RunMessage));
  }

  publish(runId: string, message: RunMessage): void {
    // Best effort: the run record is the truth, streams also poll it.
    this.bus.publish(runTopic(runId), message).catch(() => {});
    if (message.type === 'done') this.bus.expire(runTopic(runId), FINISHED_TOPIC_TTL_SECONDS).catch(() => {});
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
  let unsubscribe: () => void = () => {};
  // Subscribe before reading so no change falls between the read and the subscription.
  const stop = await options.hub.subscribe(options.runId, (message) => {
    if (message.type === 'done') {
      send(event('done', { run: message.run }));
      close();
    } else if (message.type === 'status')
      send(event('status', { status: message.status, collectionId: message.collectionId }));
    else send(event('collection', message.entry));
  });
  unsubscribe = stop;
  if (closed) stop();
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
