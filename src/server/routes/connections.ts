import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/compose.js';
import {
  ConnectionResponse,
  ConnectionsResponse,
  CreateConnectionBody,
  RoleSetupResponse,
  UpdateConnectionBody,
} from '../../shared/api/connections.js';
import { getUsername } from '../session.js';

const IdParams = z.object({ id: z.string().min(1).max(64) });

/** Thin routes: the user comes from the session only; every lookup is inside that user's document. */
export async function connectionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.connections;

  r.get('/api/connections', { schema: { response: { 200: ConnectionsResponse } } }, async (request) => ({
    connections: await service.list(getUsername(request)),
  }));

  r.get(
    '/api/connections/role-setup',
    { schema: { response: { 200: RoleSetupResponse } } },
    async (request) => service.roleSetup(getUsername(request)),
  );

  r.post(
    '/api/connections',
    { schema: { body: CreateConnectionBody, response: { 201: ConnectionResponse } } },
    async (request, reply) => {
      const username = getUsername(request);
      const connection = await service.create(username, request.body);
      request.log.info(
        { username, connectionId: connection.id, kind: connection.kind },
        'AWS connection saved',
      );
      return reply.status(201).send({ connection });
    },
  );

  r.get(
    '/api/connections/:id',
    { schema: { params: IdParams, response: { 200: ConnectionResponse } } },
    async (request) => ({ connection: await service.get(getUsername(request), request.params.id) }),
  );

  r.post(
    '/api/connections/:id/verify',
    { schema: { params: IdParams, response: { 200: ConnectionResponse } } },
    async (request) => ({ connection: await service.verify(getUsername(request), request.params.id) }),
  );

  r.patch(
    '/api/connections/:id',
    { schema: { params: IdParams, body: UpdateConnectionBody, response: { 200: ConnectionResponse } } },
    async (request) => ({
      connection: await service.update(getUsername(request), request.params.id, request.body),
    }),
  );

  r.delete('/api/connections/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const username = getUsername(request);
    await service.remove(username, request.params.id);
    await deps.orgs.forget(username, request.params.id); // what discovery stored, if anything
    return reply.status(204).send();
  });
}
