import type { CollectionSummary } from '../shared/api/collections.js';
import type { StoredCollection } from './types.js';

/** One row of the history list: the metadata without per-collector results. */
export function summarize(m: StoredCollection): CollectionSummary {
  return {
    id: m.id,
    connectionId: m.connectionId,
    ...(m.connectionName === undefined ? {} : { connectionName: m.connectionName }),
    ...(m.accountId === undefined ? {} : { accountId: m.accountId }),
    status: m.status,
    ...(m.failureReason === undefined ? {} : { failureReason: m.failureReason }),
    requestedAt: m.requestedAt,
    ...(m.startedAt === undefined ? {} : { startedAt: m.startedAt }),
    ...(m.finishedAt === undefined ? {} : { finishedAt: m.finishedAt }),
    ...(m.durationMs === undefined ? {} : { durationMs: m.durationMs }),
    regions: m.regions,
    services: m.services,
    resourceCounts: m.resourceCounts,
    errorCount: m.errors.length,
  };
}
