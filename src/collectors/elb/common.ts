/** Helpers shared by the ELB collectors: tag batches and per-resource calls that must not drop a record. */
import type { FieldError, Tag } from '../../core/records/common.js';
import { toTags } from '../lib/tags.js';
import type { CollectorContext } from '../types.js';

/** DescribeTags takes at most 20 load balancers a call (elbv2 ARNs, Classic names). */
export const TAG_BATCH = 20;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Tags of many load balancers in batches of 20. A failed batch leaves its members out of the map,
 * so they get `fieldErrors.tags` (never silently "no tags").
 */
export async function tagsInBatches(
  ctx: CollectorContext,
  keys: readonly string[],
  describe: (
    batch: string[],
  ) => Promise<{ key: string; tags: { Key?: string; Value?: string }[] | undefined }[]>,
): Promise<{ tags: Map<string, Tag[]>; errors: Map<string, FieldError> }> {
  const tags = new Map<string, Tag[]>();
  const errors = new Map<string, FieldError>();
  await Promise.all(
    chunks(keys, TAG_BATCH).map((batch) =>
      ctx.limit(async () => {
        try {
          for (const entry of await describe(batch)) tags.set(entry.key, toTags(entry.tags));
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          const fieldError = ctx.fieldError(error, 'DescribeTags');
          for (const key of batch) errors.set(key, fieldError);
        }
      }),
    ),
  );
  return { tags, errors };
}

/** The record's tags and, when its batch failed, the tags field error. */
export function tagsOf(
  key: string,
  batches: { tags: Map<string, Tag[]>; errors: Map<string, FieldError> },
  fieldErrors: Record<string, FieldError>,
): Tag[] {
  const error = batches.errors.get(key);
  if (error) fieldErrors.tags = error;
  return batches.tags.get(key) ?? [];
}

/** Marks every field an attribute call feeds when it failed. */
export function markFields(fieldErrors: Record<string, FieldError>, fields: string[], source: string): void {
  const error = fieldErrors[source];
  if (error) for (const field of fields) fieldErrors[field] = error;
}

export function isoDate(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}
