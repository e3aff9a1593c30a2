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
  const { orgs } = deps;

  r.get(
    '/api/orgs/:connectionId',
    { schema: { params: OrgParams, response: { 200: OrgResponse } } },
    async (request) => {
      const directory = await orgs.read(getUsername(request), request.params.connectionId);
      return { organization: directory ? summaryOf(directory) : null };
    },
  );

  r.post(
    '/api/orgs/:connectionId/refresh',
    { schema: { params: OrgParams, response: { 200: OrgResponse } } },
    async (request) => ({
      organization: summaryOf(await orgs.refresh(getUsername(request), request.params.connectionId)),
    }),
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
