/**
 * The shape of a collector descriptor: everything a collector implies for the other layers, as
 * pure data (no AWS SDK), so the web, the checks, the API schemas and the IAM policy can all read
 * it. The collector implementation in src/collectors/<service>/ takes its scope, IAM actions and
 * dependencies from here; the registry, inventory, diff, resource tables, report labels, IAM
 * policy and OpenAPI enums are derived from the list in src/core/descriptors/index.ts.
 */
import type { z } from 'zod';
import type { LocalizedText } from './text.js';

/**
 * One column of a collector's resource table (after the id/name link the table draws itself).
 * The web (src/web/pages/resources/columns.tsx) renders each kind; fields are top-level record
 * fields (a test checks they exist in the record schema).
 */
export type ColumnSpec =
  /** Plain text, monospace text, number, date, state badge, yes/no badge: sortable by `field`. */
  | { kind: 'text' | 'mono' | 'number' | 'date' | 'state'; field: string; label: LocalizedText }
  /** `good`: which answer is healthy (green); absent = neutral. */
  | { kind: 'yesNo'; field: string; label: LocalizedText; good?: boolean }
  /** Length of an array field; items of a string array joined with ", ". */
  | { kind: 'count' | 'joined'; field: string; label: LocalizedText }
  /** `key` of each object in an array field, joined; `emptyIsNone`: null or [] reads "None". */
  | { kind: 'pluck'; field: string; key: string; label: LocalizedText; emptyIsNone?: boolean }
  /** `key` of an object field (e.g. versioning.status). */
  | { kind: 'nested'; field: string; key: string; label: LocalizedText }
  /**
   * Yes when the field holds a value (not null, not ''). `missingIsUnknown`: an absent field
   * (never read) shows "—" instead of No; null still reads No.
   */
  | { kind: 'present'; field: string; label: LocalizedText; missingIsUnknown?: boolean }
  /** Yes (healthy) when every flag of an object field is true; absent field "—", null No. */
  | { kind: 'allTrue'; field: string; label: LocalizedText }
  /** Several text fields joined with a space, sorted by `sort`. */
  | { kind: 'concat'; fields: readonly string[]; sort: string; label: LocalizedText }
  /** How many of the boolean fields are true (e.g. active access keys). */
  | { kind: 'countTrue'; fields: readonly string[]; label: LocalizedText }
  | { kind: 'tags'; field: 'tags'; label: LocalizedText };

/** A record schema: a zod object (so a test can check that named fields exist). */
export type RecordSchema = z.ZodObject<z.ZodRawShape>;

type FieldOf<S extends RecordSchema> = Extract<keyof z.infer<S>, string>;

export interface CollectorDescriptor<Id extends string = string, S extends RecordSchema = RecordSchema> {
  /** `<service>.<kind>`, e.g. `ec2.volumes`; the prefix is the service id. */
  id: Id;
  /** The name of the resource kind (table tab, reports). */
  label: LocalizedText;
  /** Regional: collected once per region; global: once per account (region 'global'). */
  scope: 'regional' | 'global';
  /** The record type this collector yields. */
  record: S;
  /** How one record names its resource (tables, detail route, diff, findings). */
  resource: {
    /** First non-empty field wins. Singletons (one record per region) use `region`. */
    idFields: readonly [FieldOf<S>, ...FieldOf<S>[]];
    arnField?: FieldOf<S>;
    nameField?: FieldOf<S>;
    /** A fixed finding resource id for singletons; `{region}` is replaced by the record's region. */
    findingId?: string;
  };
  /** True when its records are resources a person would count (dashboard, history, collection). */
  inventory: boolean;
  /** False for data that changes on every run (metrics, usage): left out of collection diffs. */
  diff: boolean;
  /** Table columns; absent = just the region. */
  columns?: readonly ColumnSpec[];
  /** The metrics collector whose record (same id field value) the detail view shows. */
  metrics?: string;
  /** Least-privilege, read-only IAM actions the collector calls (the generated IAM policy). */
  iamActions: readonly string[];
  /** Collectors whose records this one reads through ctx.dependency (run first). */
  dependsOn?: readonly string[];
}

export interface ServiceDescriptor<
  Id extends string = string,
  C extends readonly CollectorDescriptor[] = readonly CollectorDescriptor[],
> {
  /** Also the folder name under src/collectors and src/checks, and this file's name. */
  id: Id;
  /** Short product name shown in the UI (EC2, S3, …): the same in Korean and English. */
  name: string;
  /** Full AWS product name used in reports (Amazon EC2, …). */
  fullName: string;
  /**
   * The service's name in Cost Explorer's SERVICE dimension, where the Spend page shows the
   * advisor's savings; when omitted, `fullName` (right for AWS Lambda, AWS Config, …).
   */
  costExplorerService?: string;
  collectors: C;
}

export function defineCollectorDescriptor<const Id extends string, S extends RecordSchema>(
  descriptor: CollectorDescriptor<Id, S>,
): CollectorDescriptor<Id, S> {
  return descriptor;
}

/**
 * The common case, written once: regional resources a person counts (inventory) and compares
 * between collections (diff). The descriptor spells out only what is its own.
 */
export function defineRegionalResources<const Id extends string, S extends RecordSchema>(
  descriptor: Omit<CollectorDescriptor<Id, S>, 'scope' | 'inventory' | 'diff'>,
): CollectorDescriptor<Id, S> {
  return { scope: 'regional', inventory: true, diff: true, ...descriptor };
}

export function defineService<const Id extends string, const C extends readonly CollectorDescriptor[]>(
  service: ServiceDescriptor<Id, C>,
): ServiceDescriptor<Id, C> {
  return service;
}
