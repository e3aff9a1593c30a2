import { DomainError, type DomainErrorKind } from '../core/errors.js';

/** Domain errors of the advisor service; `code` is the stable API error code. */
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

const KIND: Record<AdvisorErrorCode, DomainErrorKind> = {
  run_not_found: 'not_found',
  run_running: 'conflict',
  run_not_running: 'conflict',
  run_not_completed: 'conflict',
  mute_not_found: 'not_found',
  unknown_check: 'invalid',
  invalid_settings: 'invalid',
  invalid_mute: 'invalid',
  collection_not_found: 'not_found',
  collection_not_usable: 'invalid',
  compare_account_mismatch: 'invalid',
  compare_not_completed: 'conflict',
  validation_failed: 'invalid',
};

export class AdvisorError extends DomainError {
  constructor(
    override readonly code: AdvisorErrorCode,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(KIND[code], code, message, fields ? { fields } : {});
    this.name = 'AdvisorError';
  }
}

export const runNotFound = (runId: string) =>
  new AdvisorError('run_not_found', `Advisor run ${runId.slice(0, 100)} was not found`);
