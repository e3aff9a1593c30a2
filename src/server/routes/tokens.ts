import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  CreatedTokenResponse,
  CreateTokenBody,
  TokenParams,
  TokensResponse,
} from '../../shared/api/tokens.js';
import { getUsername } from '../session.js';

/**
 * Personal API tokens. Every route is `sessionOnly`: a token can neither mint, list nor revoke
 * tokens, so a leaked token cannot entrench itself.
 */
export async function tokenRoutes(app: FastifyInstance, { tokens }: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { sessionOnly: true };

  r.get('/api/tokens', { config, schema: { response: { 200: TokensResponse } } }, async (request) => ({
    tokens: await tokens.list(getUsername(request)),
  }));

  r.post(
    '/api/tokens',
    { config, schema: { body: CreateTokenBody, response: { 201: CreatedTokenResponse } } },
    async (request, reply) => {
      const created = await tokens.create(getUsername(request), request.body);
      // The secret is in this one response only: keep it out of every cache.
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  r.delete('/api/tokens/:id', { config, schema: { params: TokenParams } }, async (request, reply) => {
    await tokens.revoke(getUsername(request), request.params.id);
    return reply.status(204).send();
  });
}
