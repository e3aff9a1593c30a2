/** Domain errors of notifications and schedules; routes map `code`/`statusCode` to the API error shape. */
export type NotifyErrorCode =
  | 'channel_not_found'
  | 'rule_not_found'
  | 'schedule_not_found'
  | 'connection_not_found'
  | 'invalid_cron'
  | 'too_many'
  | 'validation_failed';

const STATUS: Record<NotifyErrorCode, number> = {
  channel_not_found: 404,
  rule_not_found: 404,
  schedule_not_found: 404,
  connection_not_found: 400,
  invalid_cron: 400,
  too_many: 400,
  validation_failed: 400,
};

export class NotifyError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: NotifyErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'NotifyError';
    this.statusCode = STATUS[code];
  }
}
