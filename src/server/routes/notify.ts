import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/compose.js';
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
import { getUsername } from '../session.js';

const TestQuery = z.object({ lang: z.enum(['ko', 'en']).optional() });

/** Channels (with "send a test"), rules and the delivery history: thin calls into the composed service. */
export async function notifyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const service = deps.notify;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notify/channels', { schema: { response: { 200: ChannelsResponse } } }, async (request) => ({
    channels: await service.channels.list(getUsername(request)),
  }));

  r.post(
    '/api/notify/channels',
    { schema: { body: CreateChannelBody, response: { 201: ChannelResponse } } },
    async (request, reply) => {
      const channel = await service.createChannel(getUsername(request), request.body);
      return reply.status(201).send({ channel });
    },
  );

  r.delete('/api/notify/channels/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await service.channels.remove(getUsername(request), request.params.id);
    return reply.status(204).send();
  });

  r.post(
    '/api/notify/channels/:id/test',
    { schema: { params: NotifyIdParams, querystring: TestQuery, response: { 200: DeliveryResponse } } },
    async (request) => {
      const username = getUsername(request);
      const lang = request.query.lang ?? (await deps.users.getUser(username))?.lang ?? 'en';
      return { delivery: await service.sendTest(username, request.params.id, lang) };
    },
  );

  r.get('/api/notify/rules', { schema: { response: { 200: RulesResponse } } }, async (request) => ({
    rules: await service.rules.list(getUsername(request)),
  }));

  r.post(
    '/api/notify/rules',
    { schema: { body: RuleBody, response: { 201: RuleResponse } } },
    async (request, reply) => {
      const rule = await service.createRule(getUsername(request), request.body);
      return reply.status(201).send({ rule });
    },
  );

  r.put(
    '/api/notify/rules/:id',
    { schema: { params: NotifyIdParams, body: RuleBody, response: { 200: RuleResponse } } },
    async (request) => ({
      rule: await service.updateRule(getUsername(request), request.params.id, request.body),
    }),
  );

  r.delete('/api/notify/rules/:id', { schema: { params: NotifyIdParams } }, async (request, reply) => {
    await service.rules.remove(getUsername(request), request.params.id);
    return reply.status(204).send();
  });

  r.get('/api/notify/deliveries', { schema: { response: { 200: DeliveriesResponse } } }, async (request) => ({
    deliveries: await service.deliveries.list(getUsername(request)),
  }));
}
