import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/compose.js';
import { tokenMayCall } from '../tokens/scopes.js';
import { ApiHttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Needs a signed-in browser session: an API token is refused (token management itself). */
    sessionOnly?: boolean;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer agc_…` authenticates an /api request as the token's user, without a
 * session or CSRF token (CSRF guards cookies a browser sends on its own; a bearer header is never
 * sent implicitly). Must be registered BEFORE the CSRF and sign-in hooks, which read
 * `request.apiToken`. A present but bad header is a 401 — never a silent fall-back to the cookie.
 */
export function registerTokenAuth(app: FastifyInstance, deps: Pick<AppDeps, 'tokens'>): void {
  const { tokens } = deps;
  app.decorateRequest('apiToken', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const url = request.routeOptions.url;
    if (header === undefined || !url?.startsWith('/api/')) return;
    const bearer = BEARER.exec(header)?.[1];
    if (!bearer) {
      throw new ApiHttpError(401, 'token_invalid', 'Authorization must be "Bearer <API token>"');
    }
    const result = await tokens.authenticate(bearer);
    if (!result.ok) {
      throw new ApiHttpError(
        401,
        result.code,
        result.code === 'token_expired' ? 'The API token has expired' : 'The API token is invalid or revoked',
      );
    }
    if (request.routeOptions.config?.sessionOnly) {
      throw new ApiHttpError(403, 'token_session_only', 'Sign in to the console to manage API tokens');
    }
    if (!tokenMayCall(result.identity.scope, request.method, url)) {
      throw new ApiHttpError(
        403,
        'token_scope',
        `This API token (scope ${result.identity.scope}) may not do this`,
      );
    }
    request.apiToken = result.identity;
  });
}
