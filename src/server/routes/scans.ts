import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  ScanParams,
  ScanResponse,
  ScansQuery,
  ScansResponse,
  StartScanBody,
} from '../../shared/api/scans.js';
import { getUsername } from '../session.js';

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
}
