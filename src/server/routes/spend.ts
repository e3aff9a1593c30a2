import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { latestRunPerService, mergedFindings } from '../../advisor/dashboard.js';
import { AdvisorRunStore } from '../../advisor/store.js';
import type { Finding } from '../../core/findings.js';
import { spendToCsv } from '../../reports/spend-csv.js';
import {
  SpendExportQuery,
  type SpendGrouping,
  SpendParams,
  SpendQuery,
  SpendResponse,
} from '../../shared/api/spend.js';
import { createSpendService } from '../../spend/service.js';
import type { AppDeps } from '../deps.js';
import { callDomain } from '../route-helpers.js';
import { getUsername } from '../session.js';

const groupingOf = (q: { groupBy: 'service' | 'tag'; tagKey?: string | undefined }): SpendGrouping =>
  q.groupBy === 'tag' && q.tagKey ? { kind: 'tag', key: q.tagKey } : { kind: 'service' };

/**
 * GET /api/spend/:connectionId (cached for the day, else one paid Cost Explorer answer),
 * POST /api/spend/:connectionId/refresh (at most hourly), GET /api/spend/:connectionId/export (CSV).
 * Registered after advisorRoutes: savings are read through `app.advisor` so mutes apply.
 */
export async function spendRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const runs = new AdvisorRunStore(deps.documents);
  const spend = createSpendService({
    documents: deps.documents,
    resolveCredentials: (username, connectionId) =>
      deps.connections.resolveCredentials(username, connectionId),
    // The latest completed run per service of THIS connection, as on the dashboard.
    advisorSavings: async (username, connectionId) => {
      const stored = (await runs.list(username)).filter((r) => r.connectionId === connectionId);
      const sources = latestRunPerService(stored);
      const findingsByRun = new Map<string, Finding[]>();
      for (const runId of new Set(sources.map((s) => s.runId))) {
        const run = stored.find((s) => s.runId === runId);
        if (run) findingsByRun.set(runId, await app.advisor.findingsOf(run));
      }
      return { findings: mergedFindings(sources, findingsByRun), sources };
    },
    now: deps.now,
    ...(deps.costExplorerPlugins ? { costExplorerPlugins: deps.costExplorerPlugins } : {}),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/spend/:connectionId',
    { schema: { params: SpendParams, querystring: SpendQuery, response: { 200: SpendResponse } } },
    async (request) =>
      callDomain(() =>
        spend.get(getUsername(request), request.params.connectionId, groupingOf(request.query)),
      ),
  );

  r.post(
    '/api/spend/:connectionId/refresh',
    { schema: { params: SpendParams, body: SpendQuery, response: { 200: SpendResponse } } },
    async (request) =>
      callDomain(() =>
        spend.refresh(getUsername(request), request.params.connectionId, groupingOf(request.body)),
      ),
  );

  r.get(
    '/api/spend/:connectionId/export',
    { schema: { params: SpendParams, querystring: SpendExportQuery } },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const report = await callDomain(() =>
        spend.get(getUsername(request), request.params.connectionId, groupingOf(query)),
      );
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
