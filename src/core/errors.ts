/**
 * The one base of every error a user can cause or fix (bad input, missing thing, wrong state).
 * Domain code throws these and never an HTTP error: the server's one error handler maps `kind`
 * to a status, the CLI to an exit code. `code` is the stable API error code the web translates.
 */
export type DomainErrorKind =
  /** The input is wrong (HTTP 400). */
  | 'invalid'
  /** Not signed in, or the credentials are wrong (401). */
  | 'unauthenticated'
  /** Signed in, but not allowed (403). */
  | 'forbidden'
  /** The thing does not exist, or is not the caller's (404). */
  | 'not_found'
  /** The thing exists but its state forbids this now (409). */
  | 'conflict'
  /** Too many attempts; `retryAfterSeconds` says when to try again (429). */
  | 'too_many';

export interface DomainErrorDetails {
  /** Per-field problems (form field → message). */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
