/**
 * Domain errors of the collections service. `code` is the stable API error code (translated by
 * the web client); the route layer renders them as ApiHttpError with `statusCode`.
 */
export type CollectionsErrorCode =
  | 'validation_failed'
  | 'unknown_service'
  | 'region_invalid'
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

const STATUS: Record<CollectionsErrorCode, number> = {
  validation_failed: 400,
  unknown_service: 400,
  region_invalid: 400,
  no_connection: 400,
  connection_not_found: 400,
  connection_failed: 400,
  collection_not_found: 404,
  collection_running: 409,
  collection_not_running: 409,
  collection_immutable: 409,
  service_not_collected: 404,
  collector_not_found: 404,
  resource_not_found: 404,
  diff_account_mismatch: 400,
  diff_not_completed: 409,
};

export class CollectionsError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: CollectionsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CollectionsError';
    this.statusCode = STATUS[code];
  }
}

export const notFound = (id: string) =>
  new CollectionsError('collection_not_found', `Collection ${id.slice(0, 100)} was not found`);
