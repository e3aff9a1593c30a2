import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { CollectionMetadata } from '../core/snapshot.js';

/** What src/connections/service.ts resolveCredentials returns (only the parts used here). */
export interface ResolvedAccess {
  connection: { id: string; name: string };
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
}

/** The connection's own account, or (`accountId`) a member of its organization. */
export type ResolveCredentials = (
  username: string,
  connectionId?: string,
  accountId?: string,
) => Promise<ResolvedAccess>;

/**
 * metadata.json as this service writes it: the core metadata plus what the user asked for, since
 * "all enabled regions" only becomes a region list once the runner has asked AWS.
 */
export type StoredCollection = CollectionMetadata & { requestedRegions?: string[] | 'all-enabled' };

export type Logger = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

/** A log whose every line carries `bound` (a job's id and user): the domain's pino child logger. */
export const withFields =
  (log: Logger, bound: Record<string, unknown>): Logger =>
  (level, message, fields) =>
    log(level, message, { ...bound, ...fields });
