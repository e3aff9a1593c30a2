import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { CollectorId } from './records.js';
import type { ServiceId } from './services.js';
import type { CollectionError, CollectionMetadata, ServiceSnapshotDocument } from './snapshot.js';

/**
 * The contract between the job layer (src/jobs, which persists and streams) and the collection
 * runner (src/collectors/runner.ts, which only talks to AWS). The runner never touches storage.
 */
export interface CollectionRequest {
  services: ServiceId[];
  /** Explicit regions, or every region enabled for the account (DescribeRegions with opt-in status). */
  regions: string[] | 'all-enabled';
  /**
   * Only these collectors (plus the ones they depend on) instead of every collector of `services`:
   * an advisor run collects what its checks read. `services` still names the collection's services.
   */
  collectors?: CollectorId[];
  /**
   * Only the global collectors (no region lookup) or only the regional ones: how a collection is
   * split into account × region units that different workers run (src/collections/units.ts).
   */
  scope?: 'global' | 'regional';
}

export type ProgressState = 'pending' | 'running' | 'done' | 'error' | 'skipped';

export interface ProgressEvent {
  service: ServiceId;
  collector: CollectorId;
  region: string;
  state: ProgressState;
  count?: number;
  error?: CollectionError;
}

export interface RunCollectionOptions {
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Used for ARNs and the account-level S3 Block Public Access call. */
  accountId: string;
  request: CollectionRequest;
  /** AWS_ENDPOINT_URL-style override for emulators; undefined for real AWS. */
  endpoint?: string;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Reference time for metric windows; defaults to now. */
  now?: Date;
  /**
   * Called with each service's document as soon as every unit of that service has settled; the
   * runner then drops those records, so a large collection is never held whole. Such documents
   * are left out of the result's `documents`. A rejection fails the collection.
   */
  onServiceDocument?: (document: ServiceDocumentDraft) => Promise<void>;
}

/** A service document before the job layer fills in the collection id. */
export type ServiceDocumentDraft = Omit<ServiceSnapshotDocument, 'collectionId'>;

export interface RunCollectionResult {
  /** Everything of metadata.json the runner knows (the job layer adds id, user, timestamps). */
  outcome: Pick<
    CollectionMetadata,
    'regions' | 'skippedRegions' | 'services' | 'results' | 'errors' | 'resourceCounts' | 'apiCalls'
  >;
  /** One document per collected service not handed to `onServiceDocument`; `collectionId` is filled in by the job layer. */
  documents: ServiceDocumentDraft[];
}

export type RunCollection = (options: RunCollectionOptions) => Promise<RunCollectionResult>;
