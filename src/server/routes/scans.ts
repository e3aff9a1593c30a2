import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { orgFindingsToCsv } from '../../reports/csv.js';
import { writeOrgJsonReport } from '../../reports/json-stream.js';
import { renderOrgPdf } from '../../reports/pdf-org.js';
import { scanReportInput } from '../../scans/report-input.js';
import { ReportQuery } from '../../shared/api/report.js';
import {
  ScanParams,
  ScanResponse,
  ScansQuery,
  ScansResponse,
  StartScanBody,
} from '../../shared/api/scans.js';
import { attachment, checkTimeZone, safeName } from '../route-helpers.js';
import { getUsername } from '../session.js';

/** GET /api/scans/:scanId/report — the organization-wide report (every service of the scan). */
const ScanReportQuery = ReportQuery.omit({ service: true });

/** Scans over many accounts of an organization connection: thin calls into the scan service. */
export async function scanRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { scans } = deps;

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
      const { format, lang, tz } = request.query;
      checkTimeZone(tz);
      const scan = await scans.get(username, request.params.scanId);
      const connection = await deps.connections.get(username, scan.connectionId).catch(() => null);
      const input = await scanReportInput(
        { advisor: deps.advisor, getCollection: (u, id) => deps.collections.get(u, id) },
        scan,
        {
          username,
          lang,
          now: deps.now(),
          ...(tz ? { timeZone: tz } : {}),
          ...(connection ? { connectionAccountId: connection.accountId } : {}),
        },
      );
      const { displayCurrency } = (await deps.users.getUser(username)) ?? {};
      if (displayCurrency) input.displayCurrency = displayCurrency;
      const base = safeName(['again-organization', scan.scanId, lang]);
      reply.header('cache-control', 'no-store');
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${base}.csv`))
          .send(orgFindingsToCsv(input));
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
