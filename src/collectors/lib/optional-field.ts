/**
 * One per-resource call whose failure must not drop the record: "not configured" answers become
 * the field's empty value, any other failure (denied, throttled for good, timeout) leaves the
 * field undefined with `fieldErrors[field]` — a failure is never read as "not configured".
 */
import type { FieldError } from '../../core/records.js';
import type { CollectorContext } from '../types.js';

/** The AWS error code of an SDK error (`name` for SDK v3, `Code` for some XML services). */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const e = error as { name?: unknown; Code?: unknown };
  if (typeof e.Code === 'string' && e.Code) return e.Code;
  return typeof e.name === 'string' ? e.name : 'Error';
}

export interface FieldCall<T> {
  field: string;
  operation: string;
  call: () => Promise<T>;
  /** Error codes that mean "nothing configured", answered with `empty`. */
  notConfigured?: string[];
  empty?: T;
}

export async function optionalField<T>(
  ctx: CollectorContext,
  fieldErrors: Record<string, FieldError>,
  spec: FieldCall<T>,
): Promise<T | undefined> {
  try {
    return await ctx.limit(spec.call);
  } catch (error) {
    if (spec.notConfigured?.includes(errorCode(error))) return spec.empty;
    if (ctx.signal.aborted) throw error;
    fieldErrors[spec.field] = ctx.fieldError(error, spec.operation);
    return undefined;
  }
}
