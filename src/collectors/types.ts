import { collectorInfo } from '../core/catalog.js';
import type { CollectorId, FieldError, RecordKinds } from '../core/records.js';
import type { ServiceId } from '../core/services.js';

/** Any AWS SDK v3 client class (EC2Client, S3Client, …). */
// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors have per-client config types.
export type AwsClientClass<C> = new (...args: any[]) => C;

export interface CollectorContext {
  /** The region being collected ('global' for global collectors). */
  region: string;
  accountId: string;
  partition: string;
  /** Reference time for metric windows. */
  now: Date;
  signal: AbortSignal;
  /** A client for this context's region (home region for global collectors), reused per account × region × service. */
  client<C>(ctor: AwsClientClass<C>): C;
  /** A client for another region (e.g. an S3 bucket's own region), reused as well. */
  clientIn<C>(ctor: AwsClientClass<C>, region: string): C;
  /** Records already yielded by a collector in `dependsOn`, for this region (or every region for global ones). */
  dependency<K extends CollectorId>(id: K): RecordKinds[K][];
  /** Bounded concurrency for per-resource calls (shared per account × region × service). */
  limit<T>(fn: () => Promise<T>): Promise<T>;
  /** Turns an SDK error into a FieldError for `record.fieldErrors` (and records it for metadata). */
  fieldError(error: unknown, operation: string): FieldError;
}

/**
 * A collector: the only kind of code that calls AWS. Pagination helpers, concurrency, retries
 * and error capture live in the runner; a collector just yields typed records. Its scope, IAM
 * actions and dependencies come from its descriptor (src/core/descriptors/<service>.ts).
 */
export interface Collector<K extends CollectorId = CollectorId> {
  id: K;
  service: ServiceId;
  scope: 'regional' | 'global';
  /** Least-privilege IAM actions this collector needs (feeds the generated IAM policy). */
  iamActions: readonly string[];
  /** Collectors whose records this one reads through ctx.dependency (run first). */
  dependsOn?: readonly CollectorId[];
  collect(ctx: CollectorContext): AsyncIterable<RecordKinds[K]>;
}

/** The implementation of the collector `id`; everything else comes from its descriptor. */
export function defineCollector<K extends CollectorId>(implementation: {
  id: K;
  collect(ctx: CollectorContext): AsyncIterable<RecordKinds[K]>;
}): Collector<K> {
  const { service, scope, iamActions, dependsOn } = collectorInfo(implementation.id);
  return {
    id: implementation.id,
    service,
    scope,
    iamActions,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    collect: implementation.collect,
  };
}
