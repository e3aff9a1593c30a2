import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createEmbeddedScheduler, type EmbeddedScheduler } from '../../schedules/embedded-scheduler.js';
import { createScheduleService, type ScheduleService } from '../../schedules/service.js';
import { ScheduleStore } from '../../schedules/store.js';
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
import type { AppDeps } from '../deps.js';
import { callDomain } from '../route-helpers.js';
import { getUsername } from '../session.js';

declare module 'fastify' {
  interface FastifyInstance {
    schedules: ScheduleService;
    /** The embedded scheduler of this process (tests drive check() with their own clock). */
    scheduler: EmbeddedScheduler;
  }
}

/** Registered after notifyRoutes: the scheduler's timer also releases notifications held by quiet hours. */
export async function scheduleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const store = new ScheduleStore(deps.documents);
  const scheduler = createEmbeddedScheduler({
    store,
    now: deps.notify?.schedulerNow ?? deps.now,
    startRun: async (schedule) =>
      (
        await app.advisor.startRun(schedule.username, {
          connectionId: schedule.connectionId,
          services: schedule.services,
          regions: schedule.regions,
        })
      ).runId,
    alsoEachCheck: () => app.notify.releaseHeld(),
    ...(deps.notify?.schedulerIntervalMs ? { intervalMs: deps.notify.schedulerIntervalMs } : {}),
    log: (level, message, fields) => deps.logger[level](fields, message),
  });
  const service = createScheduleService({
    store,
    scheduler,
    now: deps.now,
    connectionExists: async (username, id) =>
      (await deps.connections.list(username)).some((c) => c.id === id),
  });
  app.decorate('schedules', service);
  app.decorate('scheduler', scheduler);
  if (deps.notify?.startScheduler !== false) app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/schedules', { schema: { response: { 200: SchedulesResponse } } }, async (request) => ({
    schedules: await callDomain(() => service.list(getUsername(request))),
  }));

  r.get(
    '/api/schedules/preview',
    { schema: { querystring: PreviewQuery, response: { 200: PreviewResponse } } },
    async (request) => ({
      nextRuns: await callDomain(async () => service.preview(request.query.cron, request.query.timeZone)),
    }),
  );

  r.post(
    '/api/schedules',
    { schema: { body: ScheduleBody, response: { 201: ScheduleResponse } } },
    async (request, reply) => {
      const schedule = await callDomain(() => service.create(getUsername(request), request.body));
      return reply.status(201).send({ schedule });
    },
  );

  r.put(
    '/api/schedules/:id',
    { schema: { params: NotifyIdParams, body: ScheduleBody, response: { 200: ScheduleResponse } } },
    async (request) => ({
      schedule: await callDomain(() => service.update(getUsername(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/schedules/:id/pause',
    { schema: { params: NotifyIdParams, body: PauseBody, response: { 200: ScheduleResponse } } },
    async (request) => ({
      schedule: await callDomain(() =>
        service.setPaused(getUsername(request), request.params.id, request.body.paused),
      ),
    }),
  );

  r.delete('/api/schedules/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await callDomain(() => service.remove(getUsername(request), request.params.id));
    return reply.status(204).send();
  });

  r.get(
    '/api/schedules/:id/runs',
    { schema: { params: NotifyIdParams, response: { 200: ScheduledRunsResponse } } },
    async (request) => ({
      runs: await callDomain(() => service.history(getUsername(request), request.params.id)),
    }),
  );
}
