import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../auth/audit.js';
import type { AuditAction } from '../shared/api/audit.js';

/** Successful state changes the audit log records, by route; sign-in events are in routes/auth.ts. */
const AUDITED_ROUTES: Record<string, { action: AuditAction; param?: string }> = {
  'POST /api/tokens': { action: 'token_created' },
  'DELETE /api/tokens/:id': { action: 'token_revoked', param: 'id' },
  'POST /api/connections': { action: 'connection_created' },
  'DELETE /api/connections/:id': { action: 'connection_deleted', param: 'id' },
  'POST /api/advisor/mutes': { action: 'mute_created' },
  'DELETE /api/advisor/mutes/:id': { action: 'mute_deleted', param: 'id' },
};

/** One table instead of a line in every route: a 2xx answer on an audited route is recorded. */
export function registerAuditHook(app: FastifyInstance, audit: AuditLog): void {
  // The record is written after the answer went out: closing the server waits for those in flight.
  const pending = new Set<Promise<void>>();
  app.addHook('preClose', async () => {
    await Promise.allSettled([...pending]);
  });
  app.addHook('onResponse', async (request, reply) => {
    const audited = AUDITED_ROUTES[`${request.method} ${request.routeOptions.url ?? ''}`];
    if (!audited || reply.statusCode >= 300) return;
    const username = request.apiToken?.username ?? request.session?.username;
    if (!username) return;
    const params = request.params as Record<string, string | undefined>;
    const target = audited.param ? params[audited.param] : undefined;
    const recording = audit.record({
      action: audited.action,
      username,
      address: request.ip,
      ...(target === undefined ? {} : { target }),
    });
    pending.add(recording);
    try {
      await recording;
    } finally {
      pending.delete(recording);
    }
  });
}
