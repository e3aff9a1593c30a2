import { collectorInfo, INVENTORY_COLLECTORS, isCollectorId } from '../core/catalog.js';
import type { CollectorId } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import { PreconditionFailedError } from '../core/storage.js';
import { type SearchIndex, type SearchIndexEntry, SearchIndexSchema } from '../shared/api/resources.js';
import { keys } from '../storage/keys.js';
import { resourceIdOf } from './records.js';
import type { CollectionDocuments, LooseRecord, LooseServiceDocument } from './store.js';

/** The parts of a service document the index reads (a snapshot document or a stored one). */
type IndexableDocument = Pick<LooseServiceDocument, 'service'> & {
  data: Partial<Record<string, readonly unknown[]>>;
};

const isRecord = (value: unknown): value is LooseRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function tagPairs(record: LooseRecord): [string, string][] {
  const tags = record.tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((t): [string, string][] =>
    isRecord(t) && typeof t.key === 'string' && typeof t.value === 'string' ? [[t.key, t.value]] : [],
  );
}

/** One entry per inventory resource of a service document: id, name, region and tags, nothing else. */
export function indexEntriesOf(doc: IndexableDocument): SearchIndexEntry[] {
  const entries: SearchIndexEntry[] = [];
  for (const [collector, records] of Object.entries(doc.data)) {
    if (!isCollectorId(collector) || !INVENTORY_COLLECTORS[collector] || !records) continue;
    const nameField = collectorInfo(collector).resource.nameField;
    for (const record of records) {
      if (!isRecord(record)) continue;
      const id = resourceIdOf(collector, record);
      if (id === undefined) continue;
      const name = nameField ? record[nameField] : undefined;
      const tags = tagPairs(record);
      entries.push({
        collector,
        id,
        ...(typeof name === 'string' && name !== '' && name !== id ? { name } : {}),
        region: typeof record.region === 'string' ? record.region : 'global',
        ...(tags.length > 0 ? { tags } : {}),
      });
    }
  }
  return entries;
}

/**
 * Gathers a collection's index entries service by service while its documents are written, so the
 * index costs no second read of the snapshot; services it did not see are read back by `write`.
 */
export class SearchIndexBuilder {
  private readonly byService = new Map<ServiceId, SearchIndexEntry[]>();

  add(doc: IndexableDocument): void {
    this.byService.set(doc.service, indexEntriesOf(doc));
  }

  has(service: ServiceId): boolean {
    return this.byService.has(service);
  }

  entries(): SearchIndexEntry[] {
    return [...this.byService.values()].flat();
  }
}

export type ReadServiceDocument = (service: ServiceId) => Promise<LooseServiceDocument | null>;

/**
 * Writes the index once, create-only (a reader sees the whole index or none); an index already
 * there (a re-run job, two readers building a missing one) stands. Returns what is stored.
 */
export async function writeSearchIndex(
  docs: CollectionDocuments,
  target: { username: string; collectionId: string; services: readonly ServiceId[] },
  builder: SearchIndexBuilder,
  read: ReadServiceDocument,
): Promise<SearchIndex> {
  for (const service of target.services) {
    if (builder.has(service)) continue;
    const doc = await read(service);
    if (doc) builder.add(doc);
  }
  const index: SearchIndex = { version: 1, collectionId: target.collectionId, entries: builder.entries() };
  const key = keys.collectionSearchIndex(target.username, target.collectionId);
  try {
    await docs.createJson(key, index);
    return index;
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const stored = await docs.getJson(key, SearchIndexSchema);
    return stored?.value ?? index;
  }
}

export async function readSearchIndex(
  docs: CollectionDocuments,
  username: string,
  collectionId: string,
): Promise<SearchIndex | null> {
  const found = await docs.getJson(keys.collectionSearchIndex(username, collectionId), SearchIndexSchema);
  return found?.value ?? null;
}

/** The index entry's service (collector ids start with it). */
export const serviceOfEntry = (entry: SearchIndexEntry): ServiceId =>
  INVENTORY_COLLECTORS[entry.collector as CollectorId] as ServiceId;
