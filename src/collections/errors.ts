import { DomainError, type DomainErrorKind } from '../core/errors.js';

/** Domain errors of the collections service; `code` is the stable API error code. */
export type CollectionsErrorCode =
  | 'validation_failed'
  | 'unknown_service'
  | 'region_invalid'
  | 'region_unknown'
  | 'no_connection'
  | 'connection_not_found'
  | 'connection_failed'
  | 'collection_not_found'
  | 'collection_running'
  | 'collection_not_running'
  | 'collection_immutable'
  | 'service_not_collected'
  | 'collector_not_found'
  | 'resource_not_found'
  | 'diff_account_mismatch'
  | 'diff_not_completed';

const KIND: Record<CollectionsErrorCode, DomainErrorKind> = {
  validation_failed: 'invalid',
  unknown_service: 'invalid',
  region_invalid: 'invalid',
  region_unknown: 'invalid',
  no_connection: 'invalid',
  connection_not_found: 'invalid',
  connection_failed: 'invalid',
  collection_not_found: 'not_found',
  collection_running: 'conflict',
  collection_not_running: 'conflict',
  collection_immutable: 'conflict',
  service_not_collected: 'not_found',
  collector_not_found: 'not_found',
  resource_not_found: 'not_found',
  diff_account_mismatch: 'invalid',
  diff_not_completed: 'conflict',
};

export class CollectionsError extends DomainError {
  constructor(
    override readonly code: CollectionsErrorCode,
    message: string,
  ) {
    super(KIND[code], code, message);
    this.name = 'CollectionsError';
  }
}

export const notFound = (id: string) =>
  new CollectionsError('collection_not_found', `Collection ${id.slice(0, 100)} was not found`);
