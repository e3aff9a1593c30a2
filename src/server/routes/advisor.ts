import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamRunProgress } from '../../advisor/progress.js';
import type { AppDeps } from '../../app/compose.js';
import {
  AdvisorRunDetailResponse,
  AdvisorRunResponse,
  AdvisorRunsQuery,
  AdvisorRunsResponse,
  ChecksResponse,
  CompareQuery,
  CompareResponse,
  CreateMuteBody,
  FINAL_RUN_STATUSES,
  FindingFilterQuery,
  FindingGroupsResponse,
  FindingPageQuery,
  FindingPageResponse,
  MuteResponse,
  MutesResponse,
  PutSettingsBody,
  StartAdvisorRunBody,
} from '../../shared/api/advisor.js';
import { RouteId, RunParams, sendEventStream } from '../route-helpers.js';
import { getUsername } from '../session.js';

const MuteParams = z.object({ id: RouteId });

/** The advisor routes: thin calls into the composed advisor service. */
export async function advisorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = deps.advisor;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/advisor/checks', { schema: { response: { 200: ChecksResponse } } }, async (request) => ({
    checks: await service.settings.catalogue(getUsername(request)),
  }));

  r.post(
    '/api/advisor/runs',
    { schema: { body: StartAdvisorRunBody, response: { 202: AdvisorRunResponse } } },
    async (request, reply) => {
      const run = await service.startRun(getUsername(request), request.body);
      return reply.status(202).send({ run });
    },
  );

  r.get(
    '/api/advisor/runs',
    { schema: { querystring: AdvisorRunsQuery, response: { 200: AdvisorRunsResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { scope, ...options } = request.query;
      const { includes } = await deps.resolveScope(username, scope);
      return { runs: await service.listRuns(username, { ...options, includes }) };
    },
  );

  r.get(
    '/api/advisor/runs/:runId',
    { schema: { params: RunParams, response: { 200: AdvisorRunDetailResponse } } },
    async (request) => service.getRun(getUsername(request), request.params.runId),
  );

  r.get(
    '/api/advisor/runs/:runId/summary',
    { schema: { params: RunParams, response: { 200: AdvisorRunResponse } } },
    async (request) => ({
      run: await service.summary(getUsername(request), request.params.runId),
    }),
  );

  r.get(
    '/api/advisor/runs/:runId/groups',
    {
      schema: {
        params: RunParams,
        querystring: FindingFilterQuery,
        response: { 200: FindingGroupsResponse },
      },
    },
    async (request) => service.views.groups(getUsername(request), request.params.runId, request.query),
  );

  r.get(
    '/api/advisor/runs/:runId/findings',
    { schema: { params: RunParams, querystring: FindingPageQuery, response: { 200: FindingPageResponse } } },
    async (request) => service.views.page(getUsername(request), request.params.runId, request.query),
  );

  r.get('/api/advisor/runs/:runId/progress', { schema: { params: RunParams } }, async (request, reply) => {
    const username = getUsername(request);
    const { runId } = request.params;
    await service.requireRun(username, runId); // 404 before the stream opens
    await sendEventStream(
      request,
      reply,
      (out) =>
        streamRunProgress(out, { runId, hub: service.hub, read: () => service.summary(username, runId) }),
      { message: 'advisor progress stream ended with an error', fields: { runId } },
    );
  });

  r.post(
    '/api/advisor/runs/:runId/cancel',
    { schema: { params: RunParams, response: { 200: AdvisorRunResponse, 202: AdvisorRunResponse } } },
    async (request, reply) => {
      const run = await service.cancelRun(getUsername(request), request.params.runId);
      // 202: the job has not written its final status yet (it is still stopping).
      return reply.status(FINAL_RUN_STATUSES.includes(run.status) ? 200 : 202).send({ run });
    },
  );

  r.delete('/api/advisor/runs/:runId', { schema: { params: RunParams } }, async (request, reply) => {
    await service.deleteRun(getUsername(request), request.params.runId);
    return reply.status(204).send();
  });

  r.get(
    '/api/advisor/compare',
    { schema: { querystring: CompareQuery, response: { 200: CompareResponse } } },
    async (request) => service.compare(getUsername(request), request.query.from, request.query.to),
  );

  r.get('/api/advisor/mutes', { schema: { response: { 200: MutesResponse } } }, async (request) =>
    service.mutes.list(getUsername(request)),
  );

  r.post(
    '/api/advisor/mutes',
    { schema: { body: CreateMuteBody, response: { 201: MuteResponse } } },
    async (request, reply) => {
      const rule = await service.mutes.create(getUsername(request), request.body);
      return reply.status(201).send({ rule });
    },
  );

  r.delete('/api/advisor/mutes/:id', { schema: { params: MuteParams } }, async (request, reply) => {
    await service.mutes.remove(getUsername(request), request.params.id);
    return reply.status(204).send();
  });

  r.get('/api/advisor/settings', { schema: { response: { 200: ChecksResponse } } }, async (request) => ({
    checks: await service.settings.catalogue(getUsername(request)),
  }));

  r.put(
    '/api/advisor/settings',
    { schema: { body: PutSettingsBody, response: { 200: ChecksResponse } } },
    async (request) => ({
      checks: await service.settings.update(getUsername(request), request.body),
    }),
  );
}
