/**
 * Step 1 of the pipeline (collect → snapshot → advise → report): run the collectors over one
 * account and decide the collection's status. The web's job handler and the CLI both call this;
 * what they do with the result (store it, print it) is theirs.
 */

import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type {
  CollectionRequest,
  ProgressEvent,
  RunCollection,
  RunCollectionOptions,
  RunCollectionResult,
} from '../core/collection-run.js';
import type { CollectionStatus } from '../core/snapshot.js';

export interface AccountAccess {
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
}

export interface CollectedAccount extends RunCollectionResult {
  /** `cancelled` when the signal fired; else from the outcome (see statusOf). */
  status: CollectionStatus;
  failureReason?: string;
}

/** Status of a finished run: every collector failing means the collection failed as a whole. */
export function statusOf(outcome: RunCollectionResult['outcome']): CollectionStatus {
  const outcomes = Object.values(outcome.results).flatMap((byRegion) => Object.values(byRegion ?? {}));
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  if (outcome.errors.length === 0) return 'completed';
  return ok === 0 ? 'failed' : 'completed_with_errors';
}

export const CANCELLED_BY_USER = 'cancelled by the user';
export const EVERY_COLLECTOR_FAILED = 'every collector failed';

export async function collectAccount(
  runCollection: RunCollection,
  options: {
    access: AccountAccess;
    request: CollectionRequest;
    signal: AbortSignal;
    onProgress?: (event: ProgressEvent) => void;
    onServiceDocument?: RunCollectionOptions['onServiceDocument'];
  },
): Promise<CollectedAccount> {
  const { access, signal } = options;
  const result = await runCollection({
    credentials: access.credentials,
    accountId: access.accountId,
    request: options.request,
    ...(access.endpoint ? { endpoint: access.endpoint } : {}),
    signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onServiceDocument ? { onServiceDocument: options.onServiceDocument } : {}),
  });
  if (signal.aborted) return { ...result, status: 'cancelled', failureReason: CANCELLED_BY_USER };
  const status = statusOf(result.outcome);
  return { ...result, status, ...(status === 'failed' ? { failureReason: EVERY_COLLECTOR_FAILED } : {}) };
}
