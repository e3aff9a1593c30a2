import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { allChecks } from '../../checks/registry.js';
import { complianceForRun } from '../../compliance/service.js';
import { complianceToCsv } from '../../reports/compliance-csv.js';
import { ComplianceQuery, ComplianceReportQuery, ComplianceResponse } from '../../shared/api/compliance.js';
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

  r.get(
    '/api/advisor/runs/:runId/compliance/report',
    { schema: { params: RunParams, querystring: ComplianceReportQuery } },
    async (request, reply) => {
      const { framework, format, lang } = request.query;
      const view = await complianceForRun(deps.advisor, allChecks, {
        username: getUsername(request),
        runId: request.params.runId,
        framework,
        withTrend: format === 'json',
      });
      const name = `again-compliance-${framework}-${view.run.runId}-${lang}`.replaceAll(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
      reply.header('cache-control', 'no-store');
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.json"`)
          .send(JSON.stringify(view, null, 2));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(complianceToCsv([view], lang));
    },
  );
}
