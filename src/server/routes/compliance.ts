import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { allChecks } from '../../checks/registry.js';
import { complianceForRun } from '../../compliance/service.js';
import { ComplianceQuery, ComplianceResponse } from '../../shared/api/compliance.js';
import { RunParams } from '../route-helpers.js';
import { getUsername } from '../session.js';

/** The compliance view of one advisor run (CIS v5, AWS FSBP, KISA ISMS-P). */
export async function complianceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/advisor/runs/:runId/compliance',
    { schema: { params: RunParams, querystring: ComplianceQuery, response: { 200: ComplianceResponse } } },
    async (request) =>
      complianceForRun(deps.advisor, allChecks, {
        username: getUsername(request),
        runId: request.params.runId,
        framework: request.query.framework,
      }),
  );
}
