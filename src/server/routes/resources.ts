import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  FindingCountsQuery,
  FindingCountsResponse,
  ResourceFindingsQuery,
  ResourceFindingsResponse,
  ResourceSearchQuery,
  ResourceSearchResponse,
} from '../../shared/api/resources.js';
import { getUsername } from '../session.js';

/** Reading resources across collections and runs: search, a resource's findings, per-resource counts. */
export async function resourceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/resources/search',
    { schema: { querystring: ResourceSearchQuery, response: { 200: ResourceSearchResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { includes } = await deps.resolveScope(username, request.query.scope);
      return deps.collections.search.search(username, request.query, includes);
    },
  );

  r.get(
    '/api/resources/findings',
    { schema: { querystring: ResourceFindingsQuery, response: { 200: ResourceFindingsResponse } } },
    async (request) => deps.advisor.resourceFindings.forResource(getUsername(request), request.query),
  );

  r.get(
    '/api/resources/finding-counts',
    { schema: { querystring: FindingCountsQuery, response: { 200: FindingCountsResponse } } },
    async (request) =>
      deps.advisor.resourceFindings.counts(
        getUsername(request),
        request.query.collectionId,
        request.query.service,
      ),
  );
}
