import { LRUCache } from 'lru-cache';
import { FINAL_STATUSES } from '../shared/api/collections.js';
import type { StoredCollection } from './types.js';

/** Bounded: each entry is one collection's metadata, and storage outages do not last for thousands. */
const MAX_UNSAVED = 1000;

/**
 * Final states the job could not write to storage (after retries). Without them a reader would see
 * "running" until the next restart; with them, GET and the history show the failure and its
 * reason. In memory only: a restart's recovery marks such collections failed in storage anyway.
 */
export class UnsavedFinals {
  private readonly byKey = new LRUCache<string, StoredCollection>({ max: MAX_UNSAVED });

  remember(final: StoredCollection): void {
    this.byKey.set(keyOf(final.username, final.id), final);
  }

  forget(username: string, id: string): void {
    this.byKey.delete(keyOf(username, id));
  }

  /** What readers should see: storage when it holds a final state, else the unsaved final one. */
  overlay(stored: StoredCollection): StoredCollection {
    const key = keyOf(stored.username, stored.id);
    const unsaved = this.byKey.get(key);
    if (!unsaved) return stored;
    if (FINAL_STATUSES.includes(stored.status)) {
      this.byKey.delete(key);
      return stored;
    }
    return unsaved;
  }
}

const keyOf = (username: string, id: string) => `${username}/${id}`;
