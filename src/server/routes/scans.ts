import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { orgCompliance } from '../../compliance/org.js';
import { COMPLIANCE_FRAMEWORK_IDS } from '../../core/compliance.js';
import { orgComplianceToCsv } from '../../reports/compliance-csv.js';
import { orgFindingsToCsv } from '../../reports/csv.js';
import { writeOrgJsonReport } from '../../reports/json-stream.js';
import { renderOrgPdf } from '../../reports/pdf-org.js';
import { scanAccountReportInput, scanReportInput } from '../../scans/report-input.js';
import { ComplianceFrameworkIdSchema } from '../../shared/api/compliance.js';
import { AccountIdSchema } from '../../shared/api/orgs.js';
import { ReportQuery } from '../../shared/api/report.js';
import {
  ScanParams,
  ScanResponse,
  ScansQuery,
  ScansResponse,
  StartScanBody,
} from '../../shared/api/scans.js';
import { sendAccountReport } from '../report-reply.js';
import { attachment, checkTimeZone, safeName } from '../route-helpers.js';
import { getUsername } from '../session.js';

/**
 * GET /api/scans/:scanId/report — the organization-wide report (every service of the scan), with
 * `compliance=<framework>` that framework's roll-up over the accounts (the PDF without it: every
 * framework's); with `account=<id>` that one account's report of the scan instead.
 */
const ScanReportQuery = ReportQuery.omit({ service: true }).extend({
  compliance: ComplianceFrameworkIdSchema.optional(),
  account: AccountIdSchema.optional(),
});

/** Scans over many accounts of an organization connection: thin calls into the scan service. */
export async function scanRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { scans } = deps;
  const reportDeps = {
    advisor: deps.advisor,
    getCollection: (u: string, id: string) => deps.collections.get(u, id),
  };

  r.post(
    '/api/scans',
    { schema: { body: StartScanBody, response: { 202: ScanResponse } } },
    async (request, reply) =>
      reply.status(202).send({ scan: await scans.start(getUsername(request), request.body) }),
  );

  r.get(
    '/api/scans',
    { schema: { querystring: ScansQuery, response: { 200: ScansResponse } } },
    async (request) => scans.list(getUsername(request), request.query),
  );

  r.get(
    '/api/scans/:scanId',
    { schema: { params: ScanParams, response: { 200: ScanResponse } } },
    async (request) => ({ scan: await scans.get(getUsername(request), request.params.scanId) }),
  );

  r.post(
    '/api/scans/:scanId/cancel',
    { schema: { params: ScanParams, response: { 200: ScanResponse } } },
    async (request) => ({ scan: await scans.cancel(getUsername(request), request.params.scanId) }),
  );

  r.get(
    '/api/scans/:scanId/report',
    { schema: { params: ScanParams, querystring: ScanReportQuery } },
    async (request, reply) => {
      const username = getUsername(request);
      const { format, lang, tz, compliance, account } = request.query;
      checkTimeZone(tz);
      const scan = await scans.get(username, request.params.scanId);
      if (account) {
        const input = await scanAccountReportInput(reportDeps, scan, account, {
          username,
          lang,
          now: deps.now(),
          ...(tz ? { timeZone: tz } : {}),
          ...(compliance ? { compliance } : {}),
        });
        const { displayCurrency } = (await deps.users.getUser(username)) ?? {};
        if (displayCurrency) input.displayCurrency = displayCurrency;
        const base = safeName(['again-advisor', account, scan.scanId, lang]);
        return sendAccountReport(request, reply, input, format, base);
      }
      const connection = await deps.connections.get(username, scan.connectionId).catch(() => null);
      const input = await scanReportInput(reportDeps, scan, {
        username,
        lang,
        now: deps.now(),
        ...(tz ? { timeZone: tz } : {}),
        ...(connection ? { connectionAccountId: connection.accountId } : {}),
      });
      const { displayCurrency } = (await deps.users.getUser(username)) ?? {};
      if (displayCurrency) input.displayCurrency = displayCurrency;
      const frameworks = compliance ? [compliance] : format === 'pdf' ? [...COMPLIANCE_FRAMEWORK_IDS] : [];
      if (frameworks.length > 0) input.compliance = orgCompliance(input, frameworks);
      const base = safeName(['again-organization', scan.scanId, compliance, lang]);
      reply.header('cache-control', 'no-store');
      // CSV: the findings, or with `compliance` the per-control roll-up (as the CLI's --compliance).
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${base}.csv`))
          .send(input.compliance ? orgComplianceToCsv(input.compliance, lang) : orgFindingsToCsv(input));
      // JSON and PDF are streamed: an organization's report is never held whole as one string.
      const body = new PassThrough();
      const write = format === 'json' ? writeOrgJsonReport(input, body) : renderOrgPdf(input, body);
      write.then(
        () => (format === 'json' ? body.end() : undefined),
        (error: unknown) => {
          request.log.error({ err: error, scanId: scan.scanId }, 'organization report failed');
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf')
        .header('content-disposition', attachment(`${base}.${format}`))
        .send(body);
    },
  );
}
