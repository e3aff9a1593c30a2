import type { ProgressEvent } from '../core/collection-run.js';
import { serviceOfCollector } from '../core/records.js';
import type { CollectionMetadata, CollectionStatus } from '../core/snapshot.js';
import type { ProgressBus } from '../jobs/progress-bus.js';
import type { ProgressEntry, ProgressSnapshot } from '../shared/api/collections.js';

export type ProgressMessage =
  | { type: 'progress'; entry: ProgressEntry }
  | { type: 'status'; status: CollectionStatus }
  | { type: 'done'; collection: CollectionMetadata };

export type ProgressListener = (message: ProgressMessage) => void;

const entryKey = (e: { collector: string; region: string }) => `${e.collector}|${e.region}`;

/** Bus topic of one collection's progress. */
export const collectionTopic = (collectionId: string) => `collection:${collectionId}`;

/** How long a finished collection's progress stays on the bus (late readers use metadata.json). */
const FINISHED_TOPIC_TTL_SECONDS = 600;

/** Folds progress messages over a starting picture: the live state of a collection. */
export function foldProgress(
  start: ProgressSnapshot,
  messages: readonly ProgressMessage[],
): ProgressSnapshot {
  const entries = new Map(start.entries.map((e) => [entryKey(e), e]));
  let status = start.status;
  for (const message of messages) {
    if (message.type === 'progress') entries.set(entryKey(message.entry), message.entry);
    else if (message.type === 'status') status = message.status;
    else status = message.collection.status;
  }
  return { collectionId: start.collectionId, status, entries: [...entries.values()] };
}

/**
 * Progress of collections, per collector × region, on the progress bus: the job publishes (in
 * whichever process runs it), readers fold the topic's history and follow it. It lives with the
 * job, not with an HTTP connection: a browser that closes and comes back gets the full picture.
 */
export class ProgressHub {
  constructor(readonly bus: ProgressBus) {}

  private publish(collectionId: string, message: ProgressMessage): void {
    // Best effort: metadata.json is the record; a lost progress line only delays a progress bar.
    this.bus.publish(collectionTopic(collectionId), message).catch(() => {});
  }

  update(collectionId: string, event: ProgressEvent): void {
    const entry: ProgressEntry = {
      service: event.service,
      collector: event.collector,
      region: event.region,
      state: event.state,
      ...(event.count === undefined ? {} : { count: event.count }),
      ...(event.error === undefined ? {} : { error: event.error }),
    };
    this.publish(collectionId, { type: 'progress', entry });
  }

  setStatus(collectionId: string, status: CollectionStatus): void {
    this.publish(collectionId, { type: 'status', status });
  }

  /** Sends the final metadata to every reader; the topic expires a little later. */
  finish(collectionId: string, collection: CollectionMetadata): void {
    this.publish(collectionId, { type: 'done', collection });
    this.bus.expire(collectionTopic(collectionId), FINISHED_TOPIC_TTL_SECONDS).catch(() => {});
  }

  /** Every message so far, with its bus id. */
  async history(collectionId: string): Promise<{ id: string; message: ProgressMessage }[]> {
    return (await this.bus.history(collectionTopic(collectionId))) as {
      id: string;
      message: ProgressMessage;
    }[];
  }

  /** The live picture (undefined when nothing was published): status and entries so far. */
  async snapshot(collectionId: string): Promise<ProgressSnapshot | undefined> {
    const history = await this.history(collectionId);
    if (history.length === 0) return undefined;
    return foldProgress(
      { collectionId, status: 'queued', entries: [] },
      history.map((h) => h.message),
    );
  }

  /** Messages published from now on (or after `afterId`), until the returned stop is called. */
  async subscribe(
    collectionId: string,
    listener: (message: ProgressMessage, id: string) => void,
    afterId = '$',
  ): Promise<() => void> {
    return await this.bus.follow(collectionTopic(collectionId), afterId, (entry) =>
      listener(entry.message as ProgressMessage, entry.id),
    );
  }
}

/** The progress of a collection that is not live: rebuilt from metadata.json's results. */
export function progressFromMetadata(metadata: CollectionMetadata): ProgressSnapshot {
  const entries: ProgressEntry[] = [];
  for (const [collector, byRegion] of Object.entries(metadata.results) as [
    ProgressEntry['collector'],
    CollectionMetadata['results'][ProgressEntry['collector']],
  ][]) {
    for (const [region, outcome] of Object.entries(byRegion ?? {})) {
      const base = { service: serviceOfCollector(collector), collector, region };
      if (outcome.status === 'ok') entries.push({ ...base, state: 'done', count: outcome.count });
      else if (outcome.status === 'error') entries.push({ ...base, state: 'error', error: outcome.error });
      else entries.push({ ...base, state: 'skipped' });
    }
  }
  return { collectionId: metadata.id, status: metadata.status, entries };
}
