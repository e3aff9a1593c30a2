import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Refresh role credentials this long before they expire, so a running job never holds stale ones. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface RoleProviderOptions {
  /** One AssumeRole call (with the user's External ID); its answer carries the expiry. */
  assume: () => Promise<AwsCredentialIdentity & { expiration: Date }>;
  now: () => Date;
  /** Told when a refresh failed but the current credentials are still valid and were kept. */
  onRefreshFailed?: (error: unknown) => void;
}

/**
 * A credential provider for one role connection, shared by every AWS client of a job:
 * - re-assumes once the credentials are within REFRESH_BEFORE_EXPIRY_MS of expiring;
 * - one AssumeRole at a time, however many clients ask at once (hundreds of collectors start
 *   together, and STS throttles AssumeRole);
 * - an STS hiccup during the refresh window keeps the still-valid credentials instead of failing
 *   every call of the job; once they have expired, the error is the caller's.
 */
export function refreshingRoleProvider(options: RoleProviderOptions): AwsCredentialIdentityProvider {
  let cached: (AwsCredentialIdentity & { expiration: Date }) | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  const refresh = () => {
    inFlight ??= options
      .assume()
      .then((fresh) => {
        cached = fresh;
        return fresh;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  return async () => {
    const expiresAt = cached?.expiration.getTime() ?? 0;
    if (cached && expiresAt - options.now().getTime() >= REFRESH_BEFORE_EXPIRY_MS) return cached;
    try {
      return await refresh();
    } catch (error) {
      const stillValid = cached && cached.expiration.getTime() > options.now().getTime();
      if (!cached || !stillValid) throw error;
      options.onRefreshFailed?.(error);
      return cached;
    }
  };
}
