import type { CollectorId, RecordKinds } from './records.js';
import type { ServiceId } from './services.js';

/** An AWS call that failed during a collection, as recorded in metadata.json and the JSON report. */
export interface CollectionError {
  service: ServiceId;
  region: string;
  operation: string;
  code: string;
  message: string;
  /** The collector that hit the error (absent for region-level errors such as an opt-in region). */
  collector?: CollectorId;
  /** How many resources hit this same per-resource error (recorded once, counted here). */
  occurrences?: number;
}

/** Machine codes the runner uses in `skipped` outcomes and skippedRegions; the UI shows SKIP_REASON_TEXT. */
export type SkipReasonCode = 'not-opted-in' | 'unknown-region' | 'cancelled' | 'dependency-failed';

export const SKIP_REASON_TEXT: Record<SkipReasonCode, { ko: string; en: string }> = {
  'not-opted-in': { ko: '옵트인되지 않은 리전입니다', en: 'The region is not opted in' },
  'unknown-region': { ko: '알 수 없는 리전입니다', en: 'Unknown region' },
  cancelled: { ko: '수집이 취소되었습니다', en: 'The collection was cancelled' },
  'dependency-failed': {
    ko: '선행 수집기가 실패하여 건너뛰었습니다',
    en: 'Skipped because a collector it depends on failed',
  },
};

export type CollectorOutcome =
  | { status: 'ok'; count: number; durationMs?: number }
  | { status: 'error'; error: CollectionError; durationMs?: number }
  | { status: 'skipped'; reason: string };

export type CollectionStatus =
  | 'queued'
  | 'running'
  | 'completed'
  | 'completed_with_errors'
  | 'failed'
  | 'cancelled';

/** users/{username}/collections/{collectionId}/metadata.json */
export interface CollectionMetadata {
  id: string;
  username: string;
  connectionId: string;
  connectionName?: string;
  accountId?: string;
  status: CollectionStatus;
  failureReason?: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  regions: string[];
  /** Regions that were requested but skipped (not opted in, disabled), with the reason. */
  skippedRegions?: { region: string; reason: string }[];
  services: ServiceId[];
  /** Set when only these collectors (plus their dependencies) were asked for, not whole services. */
  collectors?: CollectorId[];
  /** For every collector × region: ok with a count, or the error. */
  results: Partial<Record<CollectorId, Record<string, CollectorOutcome>>>;
  errors: CollectionError[];
  resourceCounts: Partial<Record<CollectorId, number>>;
  apiCalls?: Record<string, number>;
}

/** users/{username}/collections/{collectionId}/{service}.json */
export interface ServiceSnapshotDocument {
  collectionId: string;
  service: ServiceId;
  collectedAt: string;
  /** collector id → records (each carries its region). */
  data: Partial<{ [K in CollectorId]: RecordKinds[K][] }>;
}

/** What checks receive: the metadata plus the records of every service that was collected. */
export interface Snapshot {
  metadata: CollectionMetadata;
  /** The reference time for every time window ("last 14 days" counts back from here). */
  collectedAt: string;
  data: Partial<{ [K in CollectorId]: RecordKinds[K][] }>;
}
