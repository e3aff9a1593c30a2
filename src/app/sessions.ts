/**
 * Sign-in state: the session store and the login/rate counters. TODAY: in-memory (sessions in
 * src/server/session.ts's IdleSessionStore, registered by buildApp; the login throttle below).
 * The storage-persisted and Redis adapters (SessionStore, RateCounter ports) are built HERE, from
 * the same config, when they land — nothing else in the composition root needs to change.
 */
import type { AppConfig } from '../config/config.js';
import { LoginThrottle, type LoginThrottleOptions } from '../server/login-throttle.js';

export interface SignInState {
  loginThrottle: LoginThrottle;
}

export function composeSignIn(
  _config: AppConfig,
  options: { now: () => Date; loginThrottle?: LoginThrottleOptions },
): SignInState {
  return {
    loginThrottle: new LoginThrottle({ ...options.loginThrottle, now: () => options.now().getTime() }),
  };
}
