import type { ProgressSnapshot } from '../shared/api/collections.js';
import type { ProgressHub, ProgressMessage } from './progress.js';
import { progressFromMetadata } from './progress.js';
import { isFinal } from './run-job.js';
import type { StoredCollection } from './types.js';

/** The bits of http.ServerResponse the stream uses (a PassThrough-like in tests). */
export interface EventSink {
  write(chunk: string): unknown;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface ProgressStreamOptions {
  collectionId: string;
  hub: ProgressHub;
  /** Re-reads metadata.json (for a job that is not live in this process). */
  readMetadata: () => Promise<StoredCollection>;
  heartbeatMs?: number;
  /** How often a job running elsewhere is re-read from storage. */
  pollMs?: number;
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Streams one collection's progress as Server-Sent Events: `snapshot` first (so a reconnect
 * starts from the full picture), then `progress`/`status` changes, then `done` with the final
 * metadata, then the stream closes. Heartbeat comments keep idle proxies from cutting it.
 */
export async function streamProgress(sink: EventSink, options: ProgressStreamOptions): Promise<void> {
  const { collectionId, hub } = options;
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    sink.end();
    finish();
  };
  const send = (chunk: string) => {
    if (!closed) sink.write(chunk);
  };
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
  sink.on('close', close);
  // Browsers reconnect after this many ms when the connection drops mid-collection.
  send('retry: 3000\n\n');

  const onMessage = (message: ProgressMessage) => {
    if (message.type === 'progress') send(event('progress', message.entry));
    else if (message.type === 'status') send(event('status', { status: message.status }));
    else {
      send(event('done', { collection: message.collection }));
      close();
    }
  };

  // Subscribe before reading the snapshot so no change falls between the two.
  unsubscribe = hub.subscribe(collectionId, onMessage);
  const live: ProgressSnapshot | undefined = hub.snapshot(collectionId);
  if (unsubscribe && live) {
    send(event('snapshot', live));
    return await finished;
  }

  // Not live here: finished already, or running in another process — follow metadata.json.
  let metadata = await options.readMetadata();
  send(event('snapshot', progressFromMetadata(metadata)));
  let lastStatus = metadata.status;
  while (!closed && !isFinal(metadata.status)) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
    if (closed) break;
    metadata = await options.readMetadata();
    if (metadata.status !== lastStatus) {
      lastStatus = metadata.status;
      send(event('status', { status: metadata.status }));
    }
  }
  send(event('done', { collection: metadata }));
  close();
  return await finished;
}
