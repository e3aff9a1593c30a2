import type { TokenScope } from '../shared/api/tokens.js';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * What a `read-run` token may change besides reading: starting and cancelling collections and
 * advisor runs — nothing else (no connections, mutes, settings, deletions, passwords, tokens).
 * Keyed by the route pattern, so ids in the URL cannot widen it.
 */
export const RUN_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/collections',
  'POST /api/collections/:id/cancel',
  'POST /api/advisor/runs',
  'POST /api/advisor/runs/:runId/cancel',
]);

/** Whether a token of `scope` may call `method routeUrl` (routeUrl is the route pattern). */
export function tokenMayCall(scope: TokenScope, method: string, routeUrl: string): boolean {
  if (READ_METHODS.has(method)) return true;
  return scope === 'read-run' && RUN_ROUTES.has(`${method} ${routeUrl}`);
}
