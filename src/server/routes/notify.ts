import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SecretBox } from '../../connections/secrets.js';
import { createInProcessQueue } from '../../jobs/in-process-queue.js';
import { createNotifyService, type NotifyService } from '../../notify/service.js';
import {
  ChannelResponse,
  ChannelsResponse,
  CreateChannelBody,
  DeliveriesResponse,
  DeliveryResponse,
  NotifyIdParams,
  RuleBody,
  RuleResponse,
  RulesResponse,
} from '../../shared/api/notify.js';
import type { AppDeps } from '../deps.js';
import { callDomain } from '../route-helpers.js';
import { getUsername } from '../session.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Notification channels, rules and deliveries (the schedule routes and tests reach it here). */
    notify: NotifyService;
  }
}

const TestQuery = z.object({ lang: z.enum(['ko', 'en']).optional() });
/** Deliveries sent at once per process: each waits on a network receiver, not the CPU. */
const DELIVERY_CONCURRENCY = 4;

/** Registered after advisorRoutes: rules are evaluated when `app.advisor` finishes a run. */
export async function notifyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const queue = createInProcessQueue({
    concurrency: DELIVERY_CONCURRENCY,
    onError: (jobId, error) => deps.logger.error({ err: error, jobId }, 'notification job failed'),
  });
  const service = createNotifyService({
    documents: deps.documents,
    box: new SecretBox(deps.config.secretKey),
    queue,
    now: deps.now,
    runs: app.advisor.runs,
    findingsOf: (run) => app.advisor.findingsOf(run),
    collectionStatus: async (username, id) =>
      (await app.collections.get(username, id).catch(() => null))?.status ?? null,
    connectionExists: async (username, id) =>
      (await deps.connections.list(username)).some((c) => c.id === id),
    lang: async (username) => (await deps.users.getUser(username))?.lang ?? 'en',
    ...(deps.config.publicUrl ? { publicUrl: deps.config.publicUrl } : {}),
    ...(deps.notify?.timeoutMs ? { timeoutMs: deps.notify.timeoutMs } : {}),
    ...(deps.notify?.retryDelayMs ? { retryDelayMs: deps.notify.retryDelayMs } : {}),
    log: (level, message, fields) => deps.logger[level](fields, message),
  });
  app.decorate('notify', service);
  // Not awaited: a slow receiver or a rule error must never hold up or fail the run.
  const unsubscribe = app.advisor.onRunFinished((run) => void service.onRunFinished(run));
  app.addHook('onClose', async () => {
    unsubscribe();
    await queue.close();
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notify/channels', { schema: { response: { 200: ChannelsResponse } } }, async (request) => ({
    channels: await callDomain(() => service.channels.list(getUsername(request))),
  }));

  r.post(
    '/api/notify/channels',
    { schema: { body: CreateChannelBody, response: { 201: ChannelResponse } } },
    async (request, reply) => {
      const channel = await callDomain(() => service.createChannel(getUsername(request), request.body));
      return reply.status(201).send({ channel });
    },
  );

  r.delete('/api/notify/channels/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await callDomain(() => service.channels.remove(getUsername(request), request.params.id));
    return reply.status(204).send();
  });

  r.post(
    '/api/notify/channels/:id/test',
    { schema: { params: NotifyIdParams, querystring: TestQuery, response: { 200: DeliveryResponse } } },
    async (request) => {
      const username = getUsername(request);
      const lang = request.query.lang ?? (await deps.users.getUser(username))?.lang ?? 'en';
      return { delivery: await callDomain(() => service.sendTest(username, request.params.id, lang)) };
    },
  );

  r.get('/api/notify/rules', { schema: { response: { 200: RulesResponse } } }, async (request) => ({
    rules: await callDomain(() => service.rules.list(getUsername(request))),
  }));

  r.post(
    '/api/notify/rules',
    { schema: { body: RuleBody, response: { 201: RuleResponse } } },
    async (request, reply) => {
      const rule = await callDomain(() => service.createRule(getUsername(request), request.body));
      return reply.status(201).send({ rule });
    },
  );

  r.put(
    '/api/notify/rules/:id',
    { schema: { params: NotifyIdParams, body: RuleBody, response: { 200: RuleResponse } } },
    async (request) => ({
      rule: await callDomain(() => service.updateRule(getUsername(request), request.params.id, request.body)),
    }),
  );

  r.delete('/api/notify/rules/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await callDomain(() => service.rules.remove(getUsername(request), request.params.id));
    return reply.status(204).send();
  });

  r.get('/api/notify/deliveries', { schema: { response: { 200: DeliveriesResponse } } }, async (request) => ({
    deliveries: await callDomain(() => service.deliveries.list(getUsername(request))),
  }));
}
