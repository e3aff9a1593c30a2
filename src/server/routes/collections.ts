import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/compose.js';
import { streamProgress } from '../../collections/sse.js';
import {
  CollectionResponse,
  CollectionsResponse,
  CollectorIdSchema,
  DiffQuery,
  DiffResponse,
  RegionsQuery,
  RegionsResponse,
  ResourceQuery,
  ResourceResponse,
  ServiceIdSchema,
  ServiceRecordsQuery,
  ServiceRecordsResponse,
  StartCollectionBody,
} from '../../shared/api/collections.js';
import { ScopeQuery } from '../../shared/api/scope.js';
import { IdParams, sendEventStream } from '../route-helpers.js';
import { getUsername } from '../session.js';

const ServiceParams = IdParams.extend({ service: ServiceIdSchema });
const ResourceParams = IdParams.extend({
  collector: CollectorIdSchema,
  resourceId: z.string().min(1).max(2048),
});

/** The collection routes: thin calls into the composed collections service. */
export async function collectionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = deps.collections;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/collections',
    { schema: { body: StartCollectionBody, response: { 202: CollectionResponse } } },
    async (request, reply) => {
      const collection = await service.start(getUsername(request), request.body);
      return reply.status(202).send({ collection });
    },
  );

  r.get(
    '/api/collections',
    { schema: { querystring: ScopeQuery, response: { 200: CollectionsResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { includes } = await deps.resolveScope(username, request.query.scope);
      return { collections: (await service.list(username)).filter(includes) };
    },
  );

  r.get(
    '/api/collections/diff',
    { schema: { querystring: DiffQuery, response: { 200: DiffResponse } } },
    async (request) => service.diff(getUsername(request), request.query.from, request.query.to),
  );

  r.get(
    '/api/collections/:id',
    { schema: { params: IdParams, response: { 200: CollectionResponse } } },
    async (request) => ({
      collection: await service.get(getUsername(request), request.params.id),
    }),
  );

  r.get('/api/collections/:id/progress', { schema: { params: IdParams } }, async (request, reply) => {
    const username = getUsername(request);
    const { id } = request.params;
    await service.get(username, id); // 404 before the stream opens
    await sendEventStream(
      request,
      reply,
      (out) =>
        streamProgress(out, {
          collectionId: id,
          ...(typeof request.headers['last-event-id'] === 'string'
            ? { lastEventId: request.headers['last-event-id'] }
            : {}),
          hub: service.progress,
          readMetadata: () => service.get(username, id),
        }),
      { message: 'progress stream ended with an error', fields: { collectionId: id } },
    );
  });

  r.post(
    '/api/collections/:id/cancel',
    { schema: { params: IdParams, response: { 200: CollectionResponse } } },
    async (request) => ({
      collection: await service.cancel(getUsername(request), request.params.id),
    }),
  );

  r.delete('/api/collections/:id', { schema: { params: IdParams } }, async (request, reply) => {
    await service.remove(getUsername(request), request.params.id);
    return reply.status(204).send();
  });

  r.get(
    '/api/collections/:id/services/:service',
    {
      schema: {
        params: ServiceParams,
        querystring: ServiceRecordsQuery,
        response: { 200: ServiceRecordsResponse },
      },
    },
    async (request) =>
      service.records.query(getUsername(request), request.params.id, request.params.service, request.query),
  );

  r.get(
    '/api/collections/:id/resources/:collector/:resourceId',
    { schema: { params: ResourceParams, querystring: ResourceQuery, response: { 200: ResourceResponse } } },
    async (request) => {
      const { id, collector, resourceId } = request.params;
      return service.records.resource(getUsername(request), id, collector, resourceId, request.query.region);
    },
  );

  r.get(
    '/api/regions',
    { schema: { querystring: RegionsQuery, response: { 200: RegionsResponse } } },
    async (request) =>
      service.regions(getUsername(request), request.query.connectionId, request.query.accountId),
  );
}
