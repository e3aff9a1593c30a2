import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { createAccountRollup } from '../../orgs/rollup.js';
import { DashboardResponse } from '../../shared/api/dashboard.js';
import { AccountRollupQuery, AccountRollupResponse } from '../../shared/api/rollup.js';
import { ScopeQuery } from '../../shared/api/scope.js';
import { getUsername } from '../session.js';

/**
 * GET /api/dashboard and /api/dashboard/accounts (read-only), from the advisor's roll-up: the
 * source runs come from the runs' coverage index and their figures from the roll-up index (a few
 * documents, whatever the number of accounts or the length of the history), with the mutes in
 * force applied exactly as on the advisor pages.
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
      return advisor.rollup.dashboard(username, includes);
    },
  );

  const rollup = createAccountRollup({
    connections: (username) => deps.connections.list(username),
    directory: (username, connectionId) => deps.orgs.read(username, connectionId),
    accountFigures: (username, includes) => advisor.rollup.accounts(username, includes),
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
