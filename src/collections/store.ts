import { z } from 'zod';
import type { ServiceId } from '../core/services.js';
import type { ServiceSnapshotDocument } from '../core/snapshot.js';
import { PreconditionFailedError, type PutOptions } from '../core/storage.js';
import { CollectionMetadataSchema, CollectorIdSchema, ServiceIdSchema } from '../shared/api/collections.js';
import { CoverageIndex } from '../storage/coverage-index.js';
import { keys } from '../storage/keys.js';
import { isCollectionId } from './ids.js';
import type { StoredCollection } from './types.js';

/** The part of DocumentStore (src/storage/documents.ts) the collections service uses. */
export interface CollectionDocuments {
  getJson<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null>;
  putJson(key: string, value: unknown, options?: PutOptions): Promise<{ etag: string }>;
  createJson(key: string, value: unknown): Promise<{ etag: string }>;
  updateJson<T>(key: string, schema: z.ZodType<T>, fn: (current: T | null) => T): Promise<T>;
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

export const StoredMetadata: z.ZodType<StoredCollection> = CollectionMetadataSchema;

/** What the collections coverage index keeps of a finished collection (search needs no more). */
export const CollectionSourceSchema = z.object({
  id: z.string(),
  username: z.string(),
  connectionId: z.string(),
  accountId: z.string().optional(),
  services: z.array(ServiceIdSchema),
  regions: z.array(z.string()),
  finishedAt: z.string(),
});
export type CollectionSource = z.infer<typeof CollectionSourceSchema>;

const FINISHED = new Set(['completed', 'completed_with_errors']);
export const isFinishedCollection = (c: StoredCollection) => FINISHED.has(c.status);

function sourceOfCollection(c: StoredCollection): CollectionSource {
  return {
    id: c.id,
    username: c.username,
    connectionId: c.connectionId,
    ...(c.accountId === undefined ? {} : { accountId: c.accountId }),
    services: c.services,
    regions: c.regions,
    finishedAt: c.finishedAt ?? c.requestedAt,
  };
}

/** Records stay opaque here: they are shown and compared, never interpreted field by field. */
export type LooseRecord = Record<string, unknown>;
export interface LooseServiceDocument {
  collectionId: string;
  service: ServiceId;
  collectedAt: string;
  data: Partial<Record<z.infer<typeof CollectorIdSchema>, LooseRecord[]>>;
}
export const StoredServiceDocument: z.ZodType<LooseServiceDocument> = z.object({
  collectionId: z.string(),
  service: ServiceIdSchema,
  collectedAt: z.string(),
  data: z.partialRecord(CollectorIdSchema, z.array(z.record(z.string(), z.unknown()))),
});

/**
 * Listing every user's collections (restart recovery) needs to read keys back. keys.ts is the
 * only module that knows the layout, so the pattern is derived from it rather than restated:
 * build a key from placeholders, then turn the placeholders into capture groups.
 */
const PLACEHOLDER_USER = 'placeholderuser';
const PLACEHOLDER_ID = 'placeholderid';
function metadataKeyPattern(): { usersPrefix: string; pattern: RegExp } {
  const sample = keys.collectionMetadata(PLACEHOLDER_USER, PLACEHOLDER_ID);
  const escaped = sample.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^${escaped.replace(PLACEHOLDER_USER, '([^/]+)').replace(PLACEHOLDER_ID, '([^/]+)')}$`,
  );
  return { usersPrefix: sample.slice(0, sample.indexOf(PLACEHOLDER_USER)), pattern };
}
const METADATA_KEYS = metadataKeyPattern();

export class CollectionStore {
  constructor(private readonly docs: CollectionDocuments) {}

  /**
   * The latest finished collection of each connection × service × region of a user, from one
   * index document kept up to date as collections finish or are deleted.
   */
  coverage(username: string): CoverageIndex<CollectionSource> {
    return new CoverageIndex(this.docs, {
      key: keys.collectionsCoverageIndex(username),
      item: CollectionSourceSchema,
      idOf: (c) => c.id,
      groupOf: (c) => `${c.connectionId}\u0000${c.accountId ?? ''}`,
      coverage: (c) => ({ services: c.services, regions: c.regions, at: c.finishedAt }),
      listAll: async () =>
        (await this.listMetadata(username)).filter(isFinishedCollection).map(sourceOfCollection),
    });
  }

  /** The documents behind the store, for the derived documents beside a collection (search index). */
  get documents(): CollectionDocuments {
    return this.docs;
  }

  metadataKey(username: string, id: string): string | null {
    // Ids arrive from URLs: a malformed one cannot exist, so it is "not found", never a 500.
    return isCollectionId(id) ? keys.collectionMetadata(username, id) : null;
  }

  async getMetadata(username: string, id: string): Promise<StoredCollection | null> {
    const key = this.metadataKey(username, id);
    if (!key) return null;
    const found = await this.docs.getJson(key, StoredMetadata);
    return found ? found.value : null;
  }

  async createMetadata(metadata: StoredCollection): Promise<void> {
    await this.docs.createJson(keys.collectionMetadata(metadata.username, metadata.id), metadata);
    await this.indexIfFinished(metadata);
  }

  /** Adds a finished collection to its user's coverage index (a no-op for an unfinished one). */
  async indexIfFinished(metadata: StoredCollection): Promise<void> {
    if (isFinishedCollection(metadata))
      await this.coverage(metadata.username).add(sourceOfCollection(metadata));
  }

  /** CAS update; `fn` returns null to leave the document untouched. */
  async updateMetadata(
    username: string,
    id: string,
    fn: (current: StoredCollection) => StoredCollection | null,
  ): Promise<StoredCollection | null> {
    const key = keys.collectionMetadata(username, id);
    let unchanged: StoredCollection | null = null;
    let missing = false;
    const written = await this.docs
      .updateJson(key, StoredMetadata, (current) => {
        if (!current) {
          missing = true;
          throw new MetadataMissing();
        }
        const next = fn(current);
        if (next === null) {
          unchanged = current;
          throw new NoChange();
        }
        return next;
      })
      .catch((error: unknown) => {
        if (error instanceof NoChange || error instanceof MetadataMissing) return null;
        throw error;
      });
    if (missing) return null;
    // Metadata first, then the index: a crash in between leaves the index to the next rebuild
    // (a later finish or delete); the record itself is never lost.
    if (written) await this.indexIfFinished(written);
    return written ?? unchanged;
  }

  async listMetadata(username: string): Promise<StoredCollection[]> {
    const prefix = keys.collectionsPrefix(username);
    const all = await this.docs.list(prefix);
    const ids = all
      .map((key) => METADATA_KEYS.pattern.exec(key)?.[2])
      .filter((id): id is string => id !== undefined);
    const found = await Promise.all(ids.map((id) => this.getMetadata(username, id).catch(() => null)));
    return found.filter((m): m is StoredCollection => m !== null);
  }

  /** Every (username, id) with a metadata.json, across all users (restart recovery). */
  async listAllMetadataKeys(): Promise<{ username: string; id: string }[]> {
    const all = await this.docs.list(METADATA_KEYS.usersPrefix);
    const out: { username: string; id: string }[] = [];
    for (const key of all) {
      const m = METADATA_KEYS.pattern.exec(key);
      if (m?.[1] && m[2]) out.push({ username: m[1], id: m[2] });
    }
    return out;
  }

  /** Create-only: a snapshot document is written exactly once. */
  async createServiceDocument(username: string, doc: ServiceSnapshotDocument): Promise<void> {
    await this.docs.createJson(keys.collectionService(username, doc.collectionId, doc.service), doc);
  }

  async getServiceDocument(
    username: string,
    id: string,
    service: ServiceId,
  ): Promise<LooseServiceDocument | null> {
    if (!isCollectionId(id)) return null;
    const found = await this.docs.getJson(
      keys.collectionService(username, id, service),
      StoredServiceDocument,
    );
    return found ? found.value : null;
  }

  /** Metadata first, so a crash half-way leaves invisible leftovers, never a broken collection. */
  async deleteCollection(username: string, id: string): Promise<void> {
    const prefix = keys.collectionPrefix(username, id);
    await this.docs.delete(keys.collectionMetadata(username, id));
    await this.coverage(username).rebuild();
    for (const key of await this.docs.list(prefix)) await this.docs.delete(key);
    await this.deleteUnits(username, id);
  }

  /** The work documents of a collection's units (src/collections/units.ts). */
  async deleteUnits(username: string, id: string): Promise<void> {
    for (const key of await this.docs.list(keys.collectionUnitsPrefix(username, id)))
      await this.docs.delete(key);
  }

  /** Create-only; false when it exists already (a re-run keeps the first complete write). */
  async createOnce(key: string, value: unknown): Promise<boolean> {
    return await this.docs.createJson(key, value).then(
      () => true,
      (error: unknown) => {
        if (error instanceof PreconditionFailedError) return false;
        throw error;
      },
    );
  }

  async read<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
    return (await this.docs.getJson(key, schema))?.value ?? null;
  }
}

class NoChange extends Error {}
class MetadataMissing extends Error {}
