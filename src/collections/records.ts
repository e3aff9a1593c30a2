import { LRUCache } from 'lru-cache';
import type { CollectorId } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import {
  COLLECTOR_IDS,
  METRICS_COLLECTOR_OF,
  RESOURCE_ID_FIELDS,
  type ServiceRecordsQuery,
} from '../shared/api/collections.js';
import { CollectionsError, notFound } from './errors.js';
import type { CollectionStore, LooseRecord, LooseServiceDocument } from './store.js';

/** A service document with lazily built search text per collector (documents are immutable). */
interface IndexedDocument {
  doc: LooseServiceDocument;
  haystacks: Map<CollectorId, string[]>;
}

export function resourceIdOf(collector: CollectorId, record: LooseRecord): string | undefined {
  for (const field of RESOURCE_ID_FIELDS[collector]) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** Every scalar value (and tag key=value) of a record, lowercased, for substring search. */
function haystackOf(record: LooseRecord): string {
  const parts: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (value === null || value === undefined || depth > 4) return;
    if (typeof value === 'object') {
      for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v, depth + 1);
    } else parts.push(String(value));
  };
  walk(record, 0);
  return parts.join('\u0001').toLowerCase();
}

function sortValue(record: LooseRecord, field: string): unknown {
  if (field.startsWith('tags.')) {
    const key = field.slice(5);
    const tags = record.tags;
    if (!Array.isArray(tags)) return undefined;
    const tag = tags.find((t) => (t as { key?: unknown })?.key === key) as { value?: unknown } | undefined;
    return tag?.value;
  }
  return record[field];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Missing values sort last in both directions; numbers and booleans by value, the rest as text. */
function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  return collator.compare(text(a), text(b));
}

export function createRecordsReader(store: CollectionStore) {
  // Parsed documents of the tables being browsed; a 10,000-row document is tens of MB parsed.
  const cache = new LRUCache<string, IndexedDocument>({ max: 4 });

  async function load(username: string, id: string, service: ServiceId): Promise<IndexedDocument> {
    // Metadata is read every time so a deleted collection stops answering at once.
    const metadata = await store.getMetadata(username, id);
    if (!metadata) throw notFound(id);
    const cacheKey = `${username}\u0000${id}\u0000${service}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const doc = await store.getServiceDocument(username, id, service);
    if (!doc)
      throw new CollectionsError(
        'service_not_collected',
        `Service ${service} is not part of this collection`,
      );
    const indexed: IndexedDocument = { doc, haystacks: new Map() };
    cache.set(cacheKey, indexed);
    return indexed;
  }

  function collectorsOf(doc: LooseServiceDocument): CollectorId[] {
    return COLLECTOR_IDS.filter((c) => doc.data[c] !== undefined);
  }

  return {
    async query(username: string, id: string, service: ServiceId, query: ServiceRecordsQuery) {
      const indexed = await load(username, id, service);
      const collectors = collectorsOf(indexed.doc);
      const collector = query.collector ?? collectors[0];
      const records = collector ? indexed.doc.data[collector] : undefined;
      if (!collector || !records)
        throw new CollectionsError('collector_not_found', `No ${query.collector ?? service} records here`);
      let rows: LooseRecord[] = records;
      const q = query.q?.trim().toLowerCase();
      if (q) {
        let haystacks = indexed.haystacks.get(collector);
        if (!haystacks) {
          haystacks = records.map(haystackOf);
          indexed.haystacks.set(collector, haystacks);
        }
        const hay = haystacks;
        rows = records.filter((_, i) => hay[i]?.includes(q));
      }
      if (query.sort) {
        const field = query.sort;
        const sign = query.order === 'desc' ? -1 : 1;
        // Decorate once, so a 10,000-row sort reads each value once instead of per comparison.
        rows = rows
          .map((record, i) => ({ record, key: sortValue(record, field), i }))
          .sort((a, b) => {
            const aMissing = a.key === undefined || a.key === null;
            const bMissing = b.key === undefined || b.key === null;
            if (aMissing || bMissing) return compareValues(a.key, b.key) || a.i - b.i;
            return sign * compareValues(a.key, b.key) || a.i - b.i;
          })
          .map((d) => d.record);
      }
      return {
        collectionId: id,
        service,
        collector,
        collectors,
        total: rows.length,
        offset: query.offset,
        limit: query.limit,
        items: rows.slice(query.offset, query.offset + query.limit),
      };
    },

    async resource(
      username: string,
      id: string,
      collector: CollectorId,
      resourceId: string,
      region?: string,
    ) {
      const service = collector.slice(0, collector.indexOf('.')) as ServiceId;
      const { doc } = await load(username, id, service);
      const records = doc.data[collector] ?? [];
      const matches = (r: LooseRecord) =>
        (resourceIdOf(collector, r) === resourceId || r.arn === resourceId) &&
        (region === undefined || r.region === region);
      const resource = records.find(matches);
      if (!resource)
        throw new CollectionsError(
          'resource_not_found',
          `Resource ${resourceId.slice(0, 200)} was not found`,
        );
      const metricsCollector = METRICS_COLLECTOR_OF[collector];
      let metrics: LooseRecord | null = null;
      if (metricsCollector) {
        const ownId = resourceIdOf(collector, resource);
        metrics =
          (doc.data[metricsCollector] ?? []).find(
            (m) => resourceIdOf(metricsCollector, m) === ownId && m.region === resource.region,
          ) ?? null;
      }
      return {
        collectionId: id,
        collector,
        resourceId,
        resource,
        ...(metricsCollector ? { metricsCollector } : {}),
        metrics,
      };
    },
  };
}

export type RecordsReader = ReturnType<typeof createRecordsReader>;
