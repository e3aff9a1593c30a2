import type { ProgressSnapshot } from '../shared/api/collections.js';
import type { ProgressHub, ProgressMessage } from './progress.js';
import { foldProgress, progressFromMetadata } from './progress.js';
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
  /** Re-reads metadata.json (the record; the bus only carries progress). */
  readMetadata: () => Promise<StoredCollection>;
  /** The browser's Last-Event-ID on a reconnect: resume after it instead of a new snapshot. */
  lastEventId?: string;
  heartbeatMs?: number;
  /** How often metadata.json is re-read (a job that died or whose progress expired still ends). */
  pollMs?: number;
  /**
   * How long a change seen only in metadata.json waits for the bus to report it (with an id)
   * before the stream reports it itself, id-less. The worker writes the record a moment before it
   * publishes, so without this wait a reconnecting browser could get an event it cannot resume after.
   */
  busGraceMs?: number;
}

const event = (name: string, data: unknown, id?: string) =>
  `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** Bus ids are [0-9-] (Redis stream ids, memory sequence numbers); anything else starts afresh. */
const BUS_ID = /^\d{1,20}(-\d{1,20})?$/;

/**
 * Streams one collection's progress as Server-Sent Events: `snapshot` first (metadata plus the
 * bus history folded, so a new connection starts from the full picture), then `progress`/`status`
 * changes, each with its bus id, then `done` with the final metadata, then the stream closes. A
 * reconnect carrying Last-Event-ID gets exactly the events after it — in whichever process the job
 * runs. Heartbeat comments keep idle proxies from cutting it.
 */
export async function streamProgress(sink: EventSink, options: ProgressStreamOptions): Promise<void> {
  const { collectionId, hub } = options;
  let closed = false;
  let stopFollowing: (() => void) | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stopFollowing?.();
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

  let lastStatus: StoredCollection['status'] | undefined;
  const onMessage = (message: ProgressMessage, id: string) => {
    if (message.type === 'progress') send(event('progress', message.entry, id));
    else if (message.type === 'status') {
      lastStatus = message.status;
      send(event('status', { status: message.status }, id));
    } else {
      send(event('done', { collection: message.collection }, id));
      close();
    }
  };

  let metadata = await options.readMetadata();
  lastStatus = metadata.status;
  let afterId = options.lastEventId && BUS_ID.test(options.lastEventId) ? options.lastEventId : undefined;
  if (afterId === undefined) {
    const start: ProgressSnapshot = progressFromMetadata(metadata);
    if (isFinal(metadata.status)) {
      send(event('snapshot', start));
      send(event('done', { collection: metadata }));
      close();
      return await finished;
    }
    const history = await hub.history(collectionId);
    const lastId = history.at(-1)?.id;
    const done = history.find((h) => h.message.type === 'done');
    send(
      event(
        'snapshot',
        foldProgress(
          start,
          history.map((h) => h.message),
        ),
        lastId,
      ),
    );
    if (done) onMessage(done.message, done.id);
    afterId = lastId ?? '0';
  }
  if (!closed) stopFollowing = await hub.subscribe(collectionId, onMessage, afterId);
  if (closed) stopFollowing?.();

  // metadata.json is the record: a job that died, or whose progress expired, still ends the stream.
  // A change seen there first waits `busGraceMs` for the bus's own event (which carries an id).
  const graceMs = options.busGraceMs ?? 2000;
  let unreported: { status: StoredCollection['status']; since: number } | undefined;
  while (!closed) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
    if (closed) break;
    metadata = await options.readMetadata();
    if (closed) break;
    const final = isFinal(metadata.status);
    if (!final && metadata.status === lastStatus) {
      unreported = undefined;
      continue;
    }
    if (unreported?.status !== metadata.status) unreported = { status: metadata.status, since: Date.now() };
    if (Date.now() - unreported.since < graceMs) continue;
    unreported = undefined;
    if (final) {
      send(event('done', { collection: metadata }));
      close();
    } else {
      lastStatus = metadata.status;
      send(event('status', { status: metadata.status }));
    }
  }
  return await finished;
}
