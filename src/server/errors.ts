import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind } from '../core/errors.js';
import type { ApiError } from '../shared/api/common.js';

type ApiErrorBody = ApiError['error'];

/** The one mapping of domain error kinds to HTTP statuses. */
export const HTTP_STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
};

/** Throw from the HTTP layer itself (sessions, CSRF, bearer tokens) to answer with the ApiError shape; `code` is the web's i18n key. */
export class ApiHttpError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    message: string,
    public readonly extra?: Pick<ApiErrorBody, 'fields' | 'retryAfterSeconds'>,
  ) {
    super(message);
    this.name = 'ApiHttpError';
  }
}

export function sendApiError(reply: FastifyReply, statusCode: number, body: ApiErrorBody): FastifyReply {
  if (body.retryAfterSeconds !== undefined) reply.header('retry-after', String(body.retryAfterSeconds));
  return reply.status(statusCode).type('application/json; charset=utf-8').send({ error: body });
}

/** Fastify's own client errors (bad JSON, body too large, wrong content type…) by code. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_json', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_json', message: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'Invalid content length' },
  FST_CSRF_MISSING_SECRET: { code: 'csrf_invalid', message: 'Missing CSRF token: GET /api/auth/csrf first' },
  FST_CSRF_INVALID_TOKEN: { code: 'csrf_invalid', message: 'Invalid or missing CSRF token' },
};

function validationFields(error: { validation: { instancePath: string; message?: string }[] }) {
  const fields: Record<string, string> = {};
  for (const issue of error.validation) {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
    fields[field] ??= issue.message ?? 'invalid';
  }
  return fields;
}

/** Every error becomes the ApiError shape; a stack trace never leaves the server. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      return sendApiError(reply, HTTP_STATUS_OF[error.kind], {
        code: error.code,
        message: error.message,
        ...error.details,
      });
    }
    if (error instanceof ApiHttpError) {
      return sendApiError(reply, error.statusCode, {
        code: error.code,
        message: error.message,
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendApiError(reply, 400, {
        code: 'validation',
        message: 'Some fields are invalid',
        fields: validationFields(error),
      });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendApiError(reply, error.statusCode ?? 400, known);
    if (error.statusCode === 429) {
      const retry = Number(reply.getHeader('retry-after') ?? 60);
      return sendApiError(reply, 429, {
        code: 'rate_limited',
        message: 'Too many requests; slow down',
        retryAfterSeconds: Number.isFinite(retry) ? retry : 60,
      });
    }
    if (!isResponseSerializationError(error) && error.statusCode && error.statusCode < 500) {
      return sendApiError(reply, error.statusCode, { code: 'bad_request', message: 'Bad request' });
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return sendApiError(reply, 500, {
      code: 'internal',
      message: `Unexpected server error (request id ${request.id})`,
    });
  });
}
