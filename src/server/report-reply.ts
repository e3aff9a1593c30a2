import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findingsToCsv } from '../reports/csv.js';
import { buildJsonReport } from '../reports/json.js';
import { renderAdvisorPdf } from '../reports/pdf.js';
import type { ReportInput } from '../reports/types.js';
import type { ReportQuery } from '../shared/api/report.js';
import { attachment } from './route-helpers.js';

/**
 * Sends one account's advisor report (an advisor run's, or one account of a scan) as the download
 * `${base}.${format}`: JSON and CSV whole, the PDF streamed (never held whole in memory).
 */
export function sendAccountReport(
  request: FastifyRequest,
  reply: FastifyReply,
  input: ReportInput,
  format: ReportQuery['format'],
  base: string,
): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (format === 'json')
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', attachment(`${base}.json`))
      .send(JSON.stringify(buildJsonReport(input), null, 2));
  if (format === 'csv')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment(`${base}.csv`))
      .send(findingsToCsv(input));
  const body = new PassThrough();
  renderAdvisorPdf(input, body).catch((error: unknown) => {
    request.log.error({ err: error, runId: input.runId }, 'PDF rendering failed');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .type('application/pdf')
    .header('content-disposition', attachment(`${base}.pdf`))
    .send(body);
}
