import { DomainError, type DomainErrorKind } from '../core/errors.js';

/**
 * Domain errors of the Spend service; `code` is the stable API error code (translated by the web
 * client), the server's one error handler maps the kind to a status.
 */
export type SpendErrorCode =
  | 'spend_access_denied'
  | 'spend_not_enabled'
  | 'spend_data_unavailable'
  | 'spend_refresh_too_soon'
  | 'spend_daily_limit'
  | 'spend_aws_throttled'
  | 'spend_connection_failed'
  | 'spend_aws_unreachable'
  | 'spend_aws_error';

const KIND: Record<SpendErrorCode, DomainErrorKind> = {
  spend_access_denied: 'invalid',
  spend_not_enabled: 'conflict',
  spend_data_unavailable: 'conflict',
  spend_refresh_too_soon: 'too_many',
  spend_daily_limit: 'too_many',
  spend_aws_throttled: 'too_many',
  spend_connection_failed: 'invalid',
  spend_aws_unreachable: 'upstream',
  spend_aws_error: 'upstream',
};

export class SpendError extends DomainError {
  constructor(
    override readonly code: SpendErrorCode,
    message: string,
    retryAfterSeconds?: number,
  ) {
    super(KIND[code], code, message, retryAfterSeconds !== undefined ? { retryAfterSeconds } : {});
    this.name = 'SpendError';
  }
}

/** An AWS SDK error (or a failed AssumeRole) as the SpendError the user can act on. */
export function spendErrorOf(error: unknown): SpendError {
  const e = error as { name?: string; message?: string; awsCode?: string; $metadata?: unknown };
  const name = e.name ?? 'Error';
  const detail = (e.message ?? '').slice(0, 300);
  if (name === 'AwsVerificationError')
    return new SpendError('spend_connection_failed', `The AWS connection could not sign in: ${detail}`);
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    if (/not enabled for cost explorer/i.test(detail))
      return new SpendError(
        'spend_not_enabled',
        'Cost Explorer is not enabled for this AWS account: enable it in the Billing console (data appears within 24 hours)',
      );
    return new SpendError(
      'spend_access_denied',
      'The AWS connection is not allowed to call ce:GetCostAndUsage: add it to the role or user (Settings → IAM policy, optional statement AgainConsoleSpendOptional)',
    );
  }
  if (name === 'DataUnavailableException')
    return new SpendError('spend_data_unavailable', 'Cost Explorer has no data for this account yet');
  if (name === 'LimitExceededException' || name === 'ThrottlingException')
    return new SpendError(
      'spend_aws_throttled',
      'Cost Explorer is throttling requests; try again in a minute',
      60,
    );
  if (e.$metadata === undefined)
    return new SpendError('spend_aws_unreachable', `Cost Explorer could not be reached (${name})`);
  return new SpendError('spend_aws_error', `Cost Explorer refused the request: ${name}: ${detail}`);
}
