/** What the collection, advisor, scan and report routes share: id params, SSE streams, downloads. */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveTimeZone } from '../reports/format.js';
import { ReportInputError } from '../reports/types.js';

/** Ids of stored documents (collections, runs, mutes) as they appear in a URL. */
export const RouteId = z.string().min(1).max(100);
export const IdParams = z.object({ id: RouteId });
export const RunParams = z.object({ runId: RouteId });

/**
 * Takes the response over from Fastify and streams Server-Sent Events into it. Call it only
 * after the checks that may answer 404, since the status is sent here. A stream that breaks is
 * logged and closed: the headers are gone, so no error answer can follow.
 */
export async function sendEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  stream: (out: ServerResponse) => Promise<void>,
  onError: { message: string; fields: Record<string, string> },
): Promise<void> {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  await stream(reply.raw).catch((error: unknown) => {
    request.log.warn({ err: error, ...onError.fields }, onError.message);
    reply.raw.end();
  });
}

/** File names carry only [A-Za-z0-9._-]: ids and services are already that, this makes it certain. */
export const safeName = (parts: (string | undefined)[]) =>
  parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .replaceAll(/[^A-Za-z0-9._-]/g, '_');

export const attachment = (name: string) => `attachment; filename="${name}"`;

/** Bad report input (unknown time zone…) is the user's mistake: 400, not 500. */
export function checkTimeZone(tz: string | undefined): void {
  try {
    resolveTimeZone(tz);
  } catch (error) {
    if (error instanceof ReportInputError) throw new ReportInputError(error.message, { tz: 'invalid' });
    throw error;
  }
}
