import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { latestRunPerServiceRegion, mergeDashboard } from '../../advisor/dashboard.js';
import type { AppDeps } from '../../app/compose.js';
import type { Finding } from '../../core/findings.js';
import { createAccountRollup } from '../../orgs/rollup.js';
import { DashboardResponse } from '../../shared/api/dashboard.js';
import { AccountRollupQuery, AccountRollupResponse } from '../../shared/api/rollup.js';
import { ScopeQuery } from '../../shared/api/scope.js';
import { getUsername } from '../session.js';

/**
 * GET /api/dashboard (read-only). Findings are read through the advisor service so mutes apply
 * exactly as on the advisor pages. The source runs come from the runs' coverage index (one
 * document), because listing every run record grows with the history where only a few runs matter.
 */
export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { advisor } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dashboard',
    { schema: { querystring: ScopeQuery, response: { 200: DashboardResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { includes } = await deps.resolveScope(username, request.query.scope);
      const stored = (await advisor.runs.coverage(username).read()).filter(includes);
      const sources = latestRunPerServiceRegion(stored);
      const findingsByRun = new Map<string, Finding[]>();
      for (const runId of new Set(sources.map((s) => s.runId))) {
        const run = stored.find((s) => s.runId === runId);
        if (run) findingsByRun.set(runId, await advisor.findingsOf(run));
      }
      return mergeDashboard(sources, findingsByRun);
    },
  );

  const rollup = createAccountRollup({
    connections: (username) => deps.connections.list(username),
    directory: (username, connectionId) => deps.orgs.read(username, connectionId),
    sourceRuns: (username) => advisor.runs.coverage(username).read(),
    findingsOf: (run) => advisor.findingsOf(run),
  });

  /** The organization roll-up: one page of the accounts in scope with their own figures, worst first. */
  r.get(
    '/api/dashboard/accounts',
    { schema: { querystring: AccountRollupQuery, response: { 200: AccountRollupResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { scope, ...page } = request.query;
      return rollup(username, await deps.resolveScope(username, scope), page);
    },
  );
}
