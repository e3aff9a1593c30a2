import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreatedTokenResponse,
  CreateTokenBody,
  TokenParams,
  TokensResponse,
} from '../../shared/api/tokens.js';
import { TokenError } from '../../tokens/service.js';
import type { AppDeps } from '../deps.js';
import { ApiHttpError } from '../errors.js';
import { getUsername } from '../session.js';

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TokenError) throw new ApiHttpError(error.statusCode, error.code, error.message);
    throw error;
  }
}

/**
 * Personal API tokens. Every route is `sessionOnly`: a token can neither mint, list nor revoke
 * tokens, so a leaked token cannot entrench itself.
 */
export async function tokenRoutes(app: FastifyInstance, _deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { sessionOnly: true };

  r.get('/api/tokens', { config, schema: { response: { 200: TokensResponse } } }, async (request) => ({
    tokens: await call(() => app.apiTokens.list(getUsername(request))),
  }));

  r.post(
    '/api/tokens',
    { config, schema: { body: CreateTokenBody, response: { 201: CreatedTokenResponse } } },
    async (request, reply) => {
      const created = await call(() => app.apiTokens.create(getUsername(request), request.body));
      // The secret is in this one response only: keep it out of every cache.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  r.delete('/api/tokens/:id', { config, schema: { params: TokenParams } }, async (request, reply) => {
    await call(() => app.apiTokens.revoke(getUsername(request), request.params.id));
    return reply.status(204).send();
  });
}
