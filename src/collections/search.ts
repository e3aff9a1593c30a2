import { LRUCache } from 'lru-cache';
import { collectorLabel } from '../core/catalog.js';
import { coverageSourceOf, latestPerServiceRegion } from '../core/coverage.js';
import type { CollectorId } from '../core/records.js';
import type {
  ResourceSearchHit,
  ResourceSearchQuery,
  ResourceSearchResponse,
  SearchIndexEntry,
} from '../shared/api/resources.js';
import { readSearchIndex, SearchIndexBuilder, serviceOfEntry, writeSearchIndex } from './search-index.js';
import type { CollectionSource, CollectionStore } from './store.js';

/** An index entry with its text lowercased once: what a plain word and a key=value are matched against. */
interface PreparedEntry {
  entry: SearchIndexEntry;
  text: string;
  tags: [string, string][];
}

function prepare(entry: SearchIndexEntry): PreparedEntry {
  const label = collectorLabel(entry.collector as CollectorId);
  const tags = (entry.tags ?? []).map(([k, v]): [string, string] => [k.toLowerCase(), v.toLowerCase()]);
  const text = [entry.id, entry.name ?? '', entry.region, entry.collector, label.en, label.ko, ...tags.flat()]
    .join('\n')
    .toLowerCase();
  return { entry, text, tags };
}

type Term = { kind: 'text'; value: string } | { kind: 'tag'; key: string; value: string };

/** Words separated by spaces, all of which must match; `key=value` is a tag (empty value: any). */
export function parseSearch(q: string): Term[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((word): Term => {
      const eq = word.indexOf('=');
      return eq > 0
        ? { kind: 'tag', key: word.slice(0, eq), value: word.slice(eq + 1) }
        : { kind: 'text', value: word };
    });
}

function matches(prepared: PreparedEntry, terms: readonly Term[]): boolean {
  return terms.every((term) =>
    term.kind === 'text'
      ? prepared.text.includes(term.value)
      : prepared.tags.some(([k, v]) => k === term.key && v.includes(term.value)),
  );
}

/** Exact id or name first, then by kind, region and id, so the answer is stable. */
function rank(prepared: PreparedEntry, q: string): number {
  const { id, name } = prepared.entry;
  return id.toLowerCase() === q || name?.toLowerCase() === q ? 0 : 1;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Search over each service × region's latest finished collection, through the compact index each
 * collection writes when it completes (built once from its documents for older collections).
 * Never reads a snapshot document to answer a search.
 */
export function createResourceSearch(store: CollectionStore) {
  const prepared = new LRUCache<string, Promise<PreparedEntry[]>>({ max: 32 });

  function entriesOf(collection: CollectionSource): Promise<PreparedEntry[]> {
    const cacheKey = `${collection.username}\u0000${collection.id}`;
    let found = prepared.get(cacheKey);
    if (!found) {
      found = (async () => {
        const { username, id } = collection;
        const index =
          (await readSearchIndex(store.documents, username, id)) ??
          (await writeSearchIndex(
            store.documents,
            { username, collectionId: id, services: collection.services },
            new SearchIndexBuilder(),
            (service) => store.getServiceDocument(username, id, service),
          ));
        return index.entries.map(prepare);
      })();
      prepared.set(cacheKey, found);
      found.catch(() => prepared.delete(cacheKey));
    }
    return found;
  }

  return {
    async search(
      username: string,
      query: Pick<ResourceSearchQuery, 'q' | 'limit'>,
      includes: (collection: CollectionSource) => boolean = () => true,
    ): Promise<ResourceSearchResponse> {
      // One index document (its items of the accounts in scope), not every collection's metadata.
      const finished = (await store.coverage(username).read()).filter(includes);
      const terms = parseSearch(query.q);
      const q = query.q.trim().toLowerCase();
      const hits: { prepared: PreparedEntry; collection: CollectionSource }[] = [];
      const searched: CollectionSource[] = [];
      // One account's later collection never hides another account's resources.
      for (const collections of groupBy(finished, (c) => c.accountId ?? c.connectionId).values()) {
        const sources = latestPerServiceRegion(collections, (c) => ({
          services: c.services,
          regions: c.regions,
          at: c.finishedAt,
        }));
        for (const collection of new Set(sources.map((s) => s.source))) {
          searched.push(collection);
          for (const entry of await entriesOf(collection)) {
            const service = serviceOfEntry(entry.entry);
            if (coverageSourceOf(sources, service, entry.entry.region)?.source !== collection) continue;
            if (matches(entry, terms)) hits.push({ prepared: entry, collection });
          }
        }
      }
      hits.sort(
        (a, b) =>
          rank(a.prepared, q) - rank(b.prepared, q) ||
          a.prepared.entry.collector.localeCompare(b.prepared.entry.collector) ||
          a.prepared.entry.region.localeCompare(b.prepared.entry.region) ||
          a.prepared.entry.id.localeCompare(b.prepared.entry.id),
      );
      const results = hits.slice(0, query.limit).map(
        ({ prepared: { entry }, collection }): ResourceSearchHit => ({
          collectionId: collection.id,
          ...(collection.accountId ? { accountId: collection.accountId } : {}),
          collector: entry.collector,
          service: serviceOfEntry(entry),
          resourceId: entry.id,
          ...(entry.name ? { name: entry.name } : {}),
          region: entry.region,
          tags: (entry.tags ?? []).map(([key, value]) => ({ key, value })),
        }),
      );
      return {
        total: hits.length,
        results,
        collections: searched.map((c) => ({ collectionId: c.id, finishedAt: c.finishedAt })),
      };
    },
  };
}

export type ResourceSearch = ReturnType<typeof createResourceSearch>;
