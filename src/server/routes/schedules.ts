import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  NotifyIdParams,
  PauseBody,
  PreviewQuery,
  PreviewResponse,
  ScheduleBody,
  ScheduledRunsResponse,
  ScheduleResponse,
  SchedulesResponse,
} from '../../shared/api/notify.js';
import { getUsername } from '../session.js';

/** Schedules, their next runs and history: thin calls into the composed schedule service. */
export async function scheduleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = deps.schedules;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/schedules', { schema: { response: { 200: SchedulesResponse } } }, async (request) => ({
    schedules: await service.list(getUsername(request)),
  }));

  r.get(
    '/api/schedules/preview',
    { schema: { querystring: PreviewQuery, response: { 200: PreviewResponse } } },
    async (request) => ({
      nextRuns: await service.preview(request.query.cron, request.query.timeZone),
    }),
  );

  r.post(
    '/api/schedules',
    { schema: { body: ScheduleBody, response: { 201: ScheduleResponse } } },
    async (request, reply) => {
      const schedule = await service.create(getUsername(request), request.body);
      return reply.status(201).send({ schedule });
    },
  );

  r.put(
    '/api/schedules/:id',
    { schema: { params: NotifyIdParams, body: ScheduleBody, response: { 200: ScheduleResponse } } },
    async (request) => ({
      schedule: await service.update(getUsername(request), request.params.id, request.body),
    }),
  );

  r.post(
    '/api/schedules/:id/pause',
    { schema: { params: NotifyIdParams, body: PauseBody, response: { 200: ScheduleResponse } } },
    async (request) => ({
      schedule: await service.setPaused(getUsername(request), request.params.id, request.body.paused),
    }),
  );

  r.delete('/api/schedules/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await service.remove(getUsername(request), request.params.id);
    return reply.status(204).send();
  });

  r.get(
    '/api/schedules/:id/runs',
    { schema: { params: NotifyIdParams, response: { 200: ScheduledRunsResponse } } },
    async (request) => ({
      runs: await service.history(getUsername(request), request.params.id),
    }),
  );
}
