/** What the collection, advisor and report routes share: id params, domain errors, SSE streams. */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdvisorError } from '../advisor/errors.js';
import { CollectionsError } from '../collections/errors.js';
import { NotifyError } from '../notify/errors.js';
import { ApiHttpError } from './errors.js';

/** Ids of stored documents (collections, runs, mutes) as they appear in a URL. */
export const RouteId = z.string().min(1).max(100);
export const IdParams = z.object({ id: RouteId });
export const RunParams = z.object({ runId: RouteId });

/** Domain errors become the ApiError shape; anything else is left to the global handler. */
export async function callDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AdvisorError || error instanceof NotifyError)
      throw new ApiHttpError(
        error.statusCode,
        error.code,
        error.message,
        error.fields ? { fields: error.fields } : undefined,
      );
    if (error instanceof CollectionsError)
      throw new ApiHttpError(error.statusCode, error.code, error.message);
    throw error;
  }
}

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
