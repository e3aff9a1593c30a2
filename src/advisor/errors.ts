/**
 * Domain errors of the advisor service. `code` is the stable API error code (translated by the
 * web client); routes render them as ApiHttpError with `statusCode`.
 */
export type AdvisorErrorCode =
  | 'run_not_found'
  | 'run_running'
  | 'run_not_running'
  | 'run_not_completed'
  | 'mute_not_found'
  | 'unknown_check'
  | 'invalid_settings'
  | 'invalid_mute'
  | 'collection_not_found'
  | 'collection_not_usable'
  | 'compare_account_mismatch'
  | 'compare_not_completed'
  | 'validation_failed';

const STATUS: Record<AdvisorErrorCode, number> = {
  run_not_found: 404,
  run_running: 409,
  run_not_running: 409,
  run_not_completed: 409,
  mute_not_found: 404,
  unknown_check: 400,
  invalid_settings: 400,
  invalid_mute: 400,
  collection_not_found: 404,
  collection_not_usable: 400,
  compare_account_mismatch: 400,
  compare_not_completed: 409,
  validation_failed: 400,
};

export class AdvisorError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: AdvisorErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AdvisorError';
    this.statusCode = STATUS[code];
  }
}

export const runNotFound = (runId: string) =>
  new AdvisorError('run_not_found', `Advisor run ${runId.slice(0, 100)} was not found`);
