import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runReportInput } from '../../advisor/report-input.js';
import type { AppDeps } from '../../app/compose.js';
import { CollectionsError } from '../../collections/errors.js';
import type { ServiceId } from '../../core/services.js';
import type { ServiceSnapshotDocument } from '../../core/snapshot.js';
import { inventoryToCsv } from '../../reports/csv.js';
import { ServiceIdSchema } from '../../shared/api/collections.js';
import { ReportQuery } from '../../shared/api/report.js';
import { sendAccountReport } from '../report-reply.js';
import { attachment, checkTimeZone, IdParams, RunParams, safeName } from '../route-helpers.js';
import { getUsername } from '../session.js';

/** GET /api/collections/:id/export?format=csv|json&service=ec2 (absent = every collected service). */
export const InventoryExportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  service: ServiceIdSchema.optional(),
});

/** Advisor reports and inventory exports, read through the composed advisor and collections services. */
export async function reportRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/advisor/runs/:runId/report',
    { schema: { params: RunParams, querystring: ReportQuery } },
    async (request, reply) => {
      const username = getUsername(request);
      const { format, lang, service, tz } = request.query;
      checkTimeZone(tz);
      const input = await runReportInput(deps.advisor, (u, id) => deps.collections.get(u, id), {
        username,
        runId: request.params.runId,
        lang,
        ...(service ? { service } : {}),
        ...(tz ? { timeZone: tz } : {}),
        now: deps.now(),
      });
      const { displayCurrency } = (await deps.users.getUser(username)) ?? {};
      if (displayCurrency) input.displayCurrency = displayCurrency;
      const base = safeName(['again-advisor', input.account.id, input.runId, service ?? 'all', lang]);
      return sendAccountReport(request, reply, input, format, base);
    },
  );

  r.get(
    '/api/collections/:id/export',
    { schema: { params: IdParams, querystring: InventoryExportQuery } },
    async (request, reply) => {
      const username = getUsername(request);
      const { id } = request.params;
      const { format, service } = request.query;
      const collection = await deps.collections.get(username, id);
      if (service && !collection.services.includes(service))
        throw new CollectionsError('service_not_collected', `The collection has no ${service} data`);
      const services: ServiceId[] = service ? [service] : collection.services;
      const data: ServiceSnapshotDocument['data'] = {};
      const byService: Partial<Record<ServiceId, unknown>> = {};
      for (const s of services) {
        const doc = await deps.collections.store
          .getServiceDocument(username, id, s)
          .catch((error: unknown) => {
            if (error instanceof CollectionsError) return null;
            throw error;
          });
        if (!doc) continue;
        Object.assign(data, doc.data);
        byService[s] = doc.data;
      }
      const base = safeName(['again-inventory', collection.accountId, id, service ?? 'all']);
      reply.header('cache-control', 'no-store');
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', attachment(`${base}.json`))
          .send(
            JSON.stringify({
              collectionId: id,
              accountId: collection.accountId ?? null,
              regions: collection.regions,
              status: collection.status,
              finishedAt: collection.finishedAt ?? null,
              services: byService,
            }),
          );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${base}.csv`))
        .send(inventoryToCsv(data));
    },
  );
}
