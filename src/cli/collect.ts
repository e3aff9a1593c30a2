import { newCollectionId } from '../collections/ids.js';
import type { RunCollection } from '../core/collection-run.js';
import type { CollectionMetadata, ServiceSnapshotDocument } from '../core/snapshot.js';
import { collectAccount } from '../pipeline/collect.js';
import type { CollectArgs } from './args.js';
import type { CliAccess } from './aws.js';
import { CliError, EXIT } from './errors.js';
import type { CollectOutput } from './output.js';
import type { ProgressReporter } from './progress.js';

export interface CliCollection {
  metadata: CollectionMetadata;
  documents: ServiceSnapshotDocument[];
}

/** The same collection the server runs, without storage: metadata and documents stay in memory. */
export async function collectForCli(
  args: CollectArgs,
  access: CliAccess,
  runCollection: RunCollection,
  reporter: ProgressReporter,
  signal: AbortSignal,
): Promise<CliCollection> {
  const started = new Date();
  const id = newCollectionId(started);
  try {
    const collected = await collectAccount(runCollection, {
      access,
      request: { services: args.services, regions: args.regions },
      signal,
      onProgress: (event) => reporter.onProgress(event),
    });
    const finished = new Date();
    const metadata: CollectionMetadata = {
      id,
      username: 'cli',
      connectionId: args.role ? 'role' : 'default-chain',
      accountId: access.accountId,
      status: collected.status,
      requestedAt: started.toISOString(),
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      ...collected.outcome,
      ...(collected.failureReason ? { failureReason: collected.failureReason } : {}),
    };
    const collectedAt = finished.toISOString();
    return { metadata, documents: collected.documents.map((d) => ({ ...d, collectionId: id, collectedAt })) };
  } finally {
    reporter.stop();
  }
}

export function collectOutput({ metadata, documents }: CliCollection): CollectOutput {
  const data: CollectOutput['data'] = {};
  for (const doc of documents)
    data[doc.service] = doc.data as NonNullable<CollectOutput['data'][typeof doc.service]>;
  return {
    account: { id: metadata.accountId ?? '' },
    regions: metadata.regions,
    services: metadata.services,
    collection: {
      id: metadata.id,
      status: metadata.status,
      startedAt: metadata.startedAt ?? metadata.requestedAt,
      finishedAt: metadata.finishedAt ?? metadata.requestedAt,
      durationMs: metadata.durationMs ?? 0,
      resourceCounts: metadata.resourceCounts,
      errors: metadata.errors,
      ...(metadata.skippedRegions ? { skippedRegions: metadata.skippedRegions } : {}),
      results: metadata.results,
      ...(metadata.apiCalls ? { apiCalls: metadata.apiCalls } : {}),
    },
    data,
  };
}

/**
 * An explicitly named region that the partition does not have is the user's mistake, not an empty
 * account: no report.
 */
export function unknownRegionError(metadata: CollectionMetadata): CliError | undefined {
  const unknown = (metadata.skippedRegions ?? []).filter((s) => s.reason === 'unknown-region');
  if (unknown.length === 0) return undefined;
  return new CliError(
    `Unknown region: ${unknown.map((s) => s.region).join(', ')} (not a region of this partition)`,
    EXIT.badArguments,
  );
}
