/**
 * Exit statuses of the command line. SPEC's contract: 0 when the scan ran (whatever it found), 3 only
 * for `--fail-on` (an open, unmuted finding at or above the severity), any other non-zero status when
 * the command could not run. Each status means one thing, so CI can tell a failed gate from a broken scan.
 */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  badArguments: 2,
  failOn: 3,
  unreachable: 4,
  credentials: 5,
} as const;

/** An error the user can act on: printed as one line, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ETIMEDOUT',
]);

/** Turns an AWS SDK failure at start-up (credentials, identity) into the right exit status. */
export function classifyAwsError(error: unknown, endpoint: string | undefined): CliError {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const name = e?.name ?? '';
  const code = e?.code ?? e?.cause?.code ?? '';
  const where = endpoint ? ` (${endpoint})` : '';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e?.message ?? ''))
    return new CliError(
      'No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (standard credential chain)',
      EXIT.credentials,
    );
  if (
    UNREACHABLE_CODES.has(code) ||
    name === 'TimeoutError' ||
    /ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(e?.message ?? '')
  )
    return new CliError(
      `The AWS endpoint is unreachable${where}: ${code || e?.message || name}`,
      EXIT.unreachable,
    );
  if (
    /InvalidClientTokenId|SignatureDoesNotMatch|AccessDenied|ExpiredToken|UnrecognizedClient/i.test(
      `${name} ${code}`,
    )
  )
    return new CliError(`AWS refused the credentials: ${e?.message ?? name}`, EXIT.credentials);
  return new CliError(`AWS call failed: ${(e?.message ?? String(error)).slice(0, 300)}`, EXIT.unexpected);
}
