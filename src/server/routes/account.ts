import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { AuditResponse } from '../../shared/api/audit.js';
import {
  CreatedInviteResponse,
  DisplayCurrencyBody,
  InvitesResponse,
  UserResponse,
} from '../../shared/api/auth.js';
import { ApiHttpError } from '../errors.js';
import { getUsername } from '../session.js';

/** The signed-in user's own audit events, and (the admin of an invite-only server) invites. */
export async function accountRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { sessionOnly: true };

  async function requireAdmin(request: FastifyRequest): Promise<string> {
    const username = getUsername(request);
    if ((await deps.registration.adminName()) !== username) {
      throw new ApiHttpError(403, 'admin_only', 'Only the admin of an invite-only server manages invites');
    }
    return username;
  }

  r.put(
    '/api/account/display-currency',
    { config, schema: { body: DisplayCurrencyBody, response: { 200: UserResponse } } },
    async (request) => ({
      user: await deps.users.setDisplayCurrency(getUsername(request), request.body.displayCurrency),
    }),
  );

  r.get('/api/audit', { config, schema: { response: { 200: AuditResponse } } }, async (request) => ({
    events: await deps.audit.listOwn(getUsername(request)),
  }));

  r.get('/api/invites', { config, schema: { response: { 200: InvitesResponse } } }, async (request) => ({
    invites: await deps.invites.list(await requireAdmin(request)),
  }));

  r.post(
    '/api/invites',
    { config, schema: { response: { 201: CreatedInviteResponse } } },
    async (request, reply) => {
      const username = await requireAdmin(request);
      const created = await deps.invites.create(username);
      await deps.audit.record({
        action: 'invite_created',
        username,
        address: request.ip,
        target: created.invite.id,
      });
      return reply.status(201).send(created);
    },
  );
}
