import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { spendToCsv } from '../../reports/spend-csv.js';
import {
  SpendExportQuery,
  type SpendGrouping,
  SpendParams,
  SpendQuery,
  SpendResponse,
} from '../../shared/api/spend.js';
import { getUsername } from '../session.js';

const groupingOf = (q: { groupBy: 'service' | 'tag'; tagKey?: string | undefined }): SpendGrouping =>
  q.groupBy === 'tag' && q.tagKey ? { kind: 'tag', key: q.tagKey } : { kind: 'service' };

/**
 * GET /api/spend/:connectionId (cached for the day, else one paid Cost Explorer answer),
 * POST /api/spend/:connectionId/refresh (at most hourly), GET /api/spend/:connectionId/export (CSV).
 */
export async function spendRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { spend } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/spend/:connectionId',
    { schema: { params: SpendParams, querystring: SpendQuery, response: { 200: SpendResponse } } },
    async (request) =>
      spend.get(getUsername(request), request.params.connectionId, groupingOf(request.query)),
  );

  r.post(
    '/api/spend/:connectionId/refresh',
    { schema: { params: SpendParams, body: SpendQuery, response: { 200: SpendResponse } } },
    async (request) =>
      spend.refresh(getUsername(request), request.params.connectionId, groupingOf(request.body)),
  );

  r.get(
    '/api/spend/:connectionId/export',
    { schema: { params: SpendParams, querystring: SpendExportQuery } },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const report = await spend.get(getUsername(request), request.params.connectionId, groupingOf(query));
      const day = report.fetchedAt.slice(0, 10);
      const name = `again-spend-${report.connection.accountId}-${report.grouping.kind}-${day}.csv`;
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${name.replaceAll(/[^A-Za-z0-9._-]/g, '_')}"`)
        .type('text/csv; charset=utf-8')
        .send(spendToCsv(report, lang));
    },
  );
}
