import { z } from 'zod';
import { type Coverage, latestPerServiceRegion } from '../core/coverage.js';
import { PreconditionFailedError, type PutOptions } from '../core/storage.js';

/** The part of DocumentStore (src/storage/documents.ts) a coverage index uses. */
export interface CoverageIndexDocuments {
  getJson<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null>;
  putJson(key: string, value: unknown, options?: PutOptions): Promise<{ etag: string }>;
  updateJson<T>(key: string, schema: z.ZodType<T>, fn: (current: T | null) => T): Promise<T>;
}

export interface CoverageIndexOptions<T> {
  /** Where the index document lives (from keys.ts). */
  key: string;
  item: z.ZodType<T>;
  idOf: (item: T) => string;
  /** Items are the latest of their service × region within this group (a connection and its account). */
  groupOf: (item: T) => string;
  coverage: (item: T) => Coverage;
  /** Every finished item, read the slow way: builds a missing index and rebuilds after a delete. */
  listAll: () => Promise<T[]>;
}

const REBUILD_ATTEMPTS = 20;

class IndexMissing extends Error {}

/**
 * One document per user that names, for each group × service × region, the latest finished item
 * (collection or advisor run) that covered the pair — so a request reads this one document instead
 * of listing and reading every record. Maintained on write: `add` (CAS) when an item finishes,
 * `rebuild` (CAS against a fresh listing) after a delete; a missing index is built once from the
 * listing. Items no longer the source of any pair are dropped, so its size follows the number of
 * groups × services × regions, never the history's length.
 */
export class CoverageIndex<T> {
  private readonly schema: z.ZodType<{ version: 1; items: T[] }>;

  constructor(
    private readonly docs: CoverageIndexDocuments,
    private readonly options: CoverageIndexOptions<T>,
  ) {
    this.schema = z.object({ version: z.literal(1), items: z.array(options.item) });
  }

  /** Only the items that are still the latest source of some group × service × region. */
  private prune(items: readonly T[]): T[] {
    const { groupOf, coverage, idOf } = this.options;
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
    const kept = new Set<string>();
    for (const group of groups.values())
      for (const s of latestPerServiceRegion(group, coverage)) kept.add(idOf(s.source));
    return items.filter((item) => kept.has(idOf(item))).sort((a, b) => idOf(a).localeCompare(idOf(b)));
  }

  /** The indexed items (one read; the first read of a user without an index lists once and writes it). */
  async read(): Promise<T[]> {
    const found = await this.docs.getJson(this.options.key, this.schema);
    if (found) return found.value.items;
    return await this.rebuild();
  }

  /** A finished item: merged in by compare-and-swap (idempotent). */
  async add(item: T): Promise<void> {
    const { idOf } = this.options;
    const merge = (current: { items: T[] } | null) => {
      if (!current) throw new IndexMissing();
      const others = current.items.filter((i) => idOf(i) !== idOf(item));
      return { version: 1 as const, items: this.prune([...others, item]) };
    };
    try {
      await this.docs.updateJson(this.options.key, this.schema, merge);
    } catch (error) {
      if (!(error instanceof IndexMissing)) throw error;
      // No index yet: build it from the listing, which already holds this item (its record is
      // written before it is added); a concurrent builder's write makes ours retry.
      await this.rebuild();
    }
  }

  /**
   * Rebuilds from the listing, written only if the index did not change meanwhile (an `add`
   * racing the listing makes it list again), so no finished item is ever lost.
   */
  async rebuild(): Promise<T[]> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.docs.getJson(this.options.key, this.schema);
      const items = this.prune(await this.options.listAll());
      try {
        await this.docs.putJson(
          this.options.key,
          { version: 1, items },
          current ? { ifMatch: current.etag } : { ifNoneMatch: '*' },
        );
        return items;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= REBUILD_ATTEMPTS) throw error;
      }
    }
  }
}
