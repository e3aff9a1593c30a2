import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  OrgAccountParams,
  OrgAccountResponse,
  OrgAccountsQuery,
  OrgAccountsResponse,
  type OrgDirectory,
  OrgParams,
  OrgResponse,
  type OrgSummary,
} from '../../shared/api/orgs.js';
import { getUsername } from '../session.js';

/** The organization without its account list (that one is paged: GET …/accounts). */
function summaryOf(directory: OrgDirectory): OrgSummary {
  const { accounts, ...rest } = directory;
  const count = (test: (a: (typeof accounts)[number]) => boolean) => accounts.filter(test).length;
  return {
    ...rest,
    counts: {
      accounts: accounts.length,
      active: count((a) => a.status === 'ACTIVE'),
      suspended: count((a) => a.status === 'SUSPENDED'),
      roleOk: count((a) => a.role?.state === 'ok'),
      roleFailed: count((a) => a.role?.state === 'failed'),
    },
  };
}

/** Organization connections: discovery, the paged account list, member-role checks. */
export async function orgRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orgs, orgRefresh } = deps;

  const organization = async (username: string, connectionId: string) => {
    const directory = await orgs.read(username, connectionId);
    return directory ? summaryOf(directory) : null;
  };

  r.get(
    '/api/orgs/:connectionId',
    { schema: { params: OrgParams, response: { 200: OrgResponse } } },
    async (request) => {
      const username = getUsername(request);
      const { connectionId } = request.params;
      const found = await organization(username, connectionId); // 404 for another user's id first
      return { organization: found, refresh: await orgRefresh.status(username, connectionId) };
    },
  );

  r.post(
    '/api/orgs/:connectionId/refresh',
    { schema: { params: OrgParams, response: { 202: OrgResponse } } },
    async (request, reply) => {
      const username = getUsername(request);
      const { connectionId } = request.params;
      const refresh = await orgRefresh.request(username, connectionId);
      return reply.status(202).send({ organization: await organization(username, connectionId), refresh });
    },
  );

  r.get(
    '/api/orgs/:connectionId/accounts',
    { schema: { params: OrgParams, querystring: OrgAccountsQuery, response: { 200: OrgAccountsResponse } } },
    async (request) => {
      const { ou, q, status, role, offset, limit } = request.query;
      return await orgs.accounts(getUsername(request), request.params.connectionId, {
        offset,
        limit,
        ...(ou ? { ou } : {}),
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(role ? { role } : {}),
      });
    },
  );

  r.post(
    '/api/orgs/:connectionId/accounts/:accountId/verify',
    { schema: { params: OrgAccountParams, response: { 200: OrgAccountResponse } } },
    async (request) => ({
      account: await orgs.verifyAccount(
        getUsername(request),
        request.params.connectionId,
        request.params.accountId,
      ),
    }),
  );
}
