import { DomainError, type DomainErrorKind } from '../core/errors.js';

/** Domain errors of notifications and schedules; `code` is the stable API error code. */
export type NotifyErrorCode =
  | 'channel_not_found'
  | 'rule_not_found'
  | 'schedule_not_found'
  | 'connection_not_found'
  | 'unknown_check'
  | 'invalid_cron'
  | 'region_unknown'
  | 'too_many'
  | 'validation_failed'
  | 'url_not_https'
  | 'url_unresolvable'
  | 'url_private_address';

const KIND: Record<NotifyErrorCode, DomainErrorKind> = {
  channel_not_found: 'not_found',
  rule_not_found: 'not_found',
  schedule_not_found: 'not_found',
  connection_not_found: 'invalid',
  unknown_check: 'invalid',
  invalid_cron: 'invalid',
  region_unknown: 'invalid',
  too_many: 'invalid',
  validation_failed: 'invalid',
  url_not_https: 'invalid',
  url_unresolvable: 'invalid',
  url_private_address: 'invalid',
};

export class NotifyError extends DomainError {
  constructor(
    override readonly code: NotifyErrorCode,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(KIND[code], code, message, fields ? { fields } : {});
    this.name = 'NotifyError';
  }
}
