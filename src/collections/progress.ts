import type { ProgressEvent } from '../core/collection-run.js';
import { serviceOfCollector } from '../core/records.js';
import type { CollectionMetadata, CollectionStatus } from '../core/snapshot.js';
import type { ProgressEntry, ProgressSnapshot } from '../shared/api/collections.js';

export type ProgressMessage =
  | { type: 'progress'; entry: ProgressEntry }
  | { type: 'status'; status: CollectionStatus }
  | { type: 'done'; collection: CollectionMetadata };

export type ProgressListener = (message: ProgressMessage) => void;

interface LiveProgress {
  username: string;
  status: CollectionStatus;
  entries: Map<string, ProgressEntry>;
  listeners: Set<ProgressListener>;
}

const entryKey = (e: { collector: string; region: string }) => `${e.collector}|${e.region}`;

/**
 * In-memory progress of the collections running in this process, per collector × region. It
 * lives with the job, not with an HTTP connection: a browser that closes and comes back gets a
 * fresh snapshot, then the changes.
 */
export class ProgressHub {
  private readonly live = new Map<string, LiveProgress>();

  begin(collectionId: string, username: string, status: CollectionStatus): void {
    if (!this.live.has(collectionId))
      this.live.set(collectionId, { username, status, entries: new Map(), listeners: new Set() });
  }

  update(collectionId: string, event: ProgressEvent): void {
    const job = this.live.get(collectionId);
    if (!job) return;
    const entry: ProgressEntry = {
      service: event.service,
      collector: event.collector,
      region: event.region,
      state: event.state,
      ...(event.count === undefined ? {} : { count: event.count }),
      ...(event.error === undefined ? {} : { error: event.error }),
    };
    job.entries.set(entryKey(entry), entry);
    this.broadcast(job, { type: 'progress', entry });
  }

  setStatus(collectionId: string, status: CollectionStatus): void {
    const job = this.live.get(collectionId);
    if (!job || job.status === status) return;
    job.status = status;
    this.broadcast(job, { type: 'status', status });
  }

  /** Sends the final metadata to every listener and forgets the job (metadata.json has the rest). */
  finish(collectionId: string, collection: CollectionMetadata): void {
    const job = this.live.get(collectionId);
    if (!job) return;
    this.live.delete(collectionId);
    this.broadcast(job, { type: 'done', collection });
    job.listeners.clear();
  }

  isLive(collectionId: string): boolean {
    return this.live.has(collectionId);
  }

  snapshot(collectionId: string): ProgressSnapshot | undefined {
    const job = this.live.get(collectionId);
    if (!job) return undefined;
    return { collectionId, status: job.status, entries: [...job.entries.values()] };
  }

  /** Undefined when the job is not live here (finished, or never ran in this process). */
  subscribe(collectionId: string, listener: ProgressListener): (() => void) | undefined {
    const job = this.live.get(collectionId);
    if (!job) return undefined;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  private broadcast(job: LiveProgress, message: ProgressMessage): void {
    for (const listener of job.listeners) {
      try {
        listener(message);
      } catch {
        // One broken stream must not stop the others (or the collection).
      }
    }
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
