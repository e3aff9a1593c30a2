/**
 * Typed records that collectors yield and checks read: the contract between src/collectors and
 * src/checks. Every record carries its `region` ('global' for account-wide data). Each service's
 * record schemas (zod) live in src/core/records/<service>.ts; the collector → record type map is
 * derived from the descriptors (src/core/catalog.ts).
 *
 * A per-resource call that failed (e.g. GetBucketPolicy denied for one bucket) does not drop the
 * record: the field is left undefined and `fieldErrors[field]` says why, so the engine can turn a
 * check that needs that field into `unknown` for that resource only.
 *
 * Rules for changing record schemas: additive only (new optional fields, new kinds); never rename.
 * A new service's checks import its types from src/core/records/<service>.ts directly; the
 * re-exports below serve the first five services' existing imports.
 */
export type { CollectorId, RecordKinds } from './catalog.js';
export { serviceOfCollector } from './catalog.js';
export type * from './records/common.js';
export type * from './records/ec2.js';
export type * from './records/iam.js';
export type * from './records/lambda.js';
export type * from './records/rds.js';
export type * from './records/s3.js';
