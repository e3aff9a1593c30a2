import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { CsrfResponse } from '../../shared/api/auth';
import { ApiError, CSRF_HEADER } from '../../shared/api/common';

/** A failed API call: `code` is the server's stable code (or one of ours for network/parse faults). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's English text, used when no translation exists for `code`. */
    readonly serverMessage: string,
    readonly fields: Readonly<Record<string, string>> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(`${status} ${code}: ${serverMessage}`);
    this.name = 'ApiRequestError';
  }
}

/** Codes for failures that never reached a well-formed ApiError body. */
function codeForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  return 'unknown';
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests after which the server starts a new session, so the old CSRF token is void. */
const SESSION_CHANGING = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/register',
  '/api/auth/password',
]);

export interface ApiClientOptions {
  /** Injected in unit tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  baseUrl?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  /** For endpoints that answer 204 No Content. */
  send(method: Method, path: string, body?: unknown): Promise<void>;
  /** Forget the CSRF token so the next state-changing request fetches a fresh one. */
  resetCsrf(): void;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  let csrfToken: Promise<string> | null = null;

  async function raw(method: Method, path: string, body: unknown, csrf?: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrf) headers[CSRF_HEADER] = csrf;
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(0, 'network_error', 'The server cannot be reached.');
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  async function toError(response: Response): Promise<ApiRequestError> {
    const parsed = ApiError.safeParse(await readJson(response));
    if (!parsed.success) {
      return new ApiRequestError(response.status, codeForStatus(response.status), response.statusText);
    }
    const { code, message, fields, retryAfterSeconds } = parsed.data.error;
    return new ApiRequestError(response.status, code, message, fields ?? {}, retryAfterSeconds);
  }

  function fetchCsrf(): Promise<string> {
    csrfToken ??= (async () => {
      const response = await raw('GET', '/api/auth/csrf', undefined);
      if (!response.ok) throw await toError(response);
      return parse(CsrfResponse, await readJson(response)).token;
    })().catch((error: unknown) => {
      csrfToken = null; // a failed fetch must not poison later attempts
      throw error;
    });
    return csrfToken;
  }

  async function call(method: Method, path: string, body: unknown): Promise<Response> {
    if (!MUTATING.has(method)) return raw(method, path, body);
    let response = await raw(method, path, body, await fetchCsrf());
    if (response.status === 403) {
      // The token may belong to an expired or replaced session: refresh it and try once more.
      csrfToken = null;
      response = await raw(method, path, body, await fetchCsrf());
    }
    if (SESSION_CHANGING.has(path)) csrfToken = null;
    return response;
  }

  function parse<T>(schema: z.ZodType<T>, data: unknown): T {
    const result = schema.safeParse(data);
    if (!result.success) throw new ApiRequestError(200, 'bad_response', 'Unexpected response shape.');
    return result.data;
  }

  async function json<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const response = await call(method, path, body);
    if (!response.ok) throw await toError(response);
    return parse(schema, await readJson(response));
  }

  return {
    get: (path, schema) => json('GET', path, undefined, schema),
    post: (path, body, schema) => json('POST', path, body, schema),
    put: (path, body, schema) => json('PUT', path, body, schema),
    patch: (path, body, schema) => json('PATCH', path, body, schema),
    async send(method, path, body) {
      const response = await call(method, path, body);
      if (!response.ok) throw await toError(response);
    },
    resetCsrf() {
      csrfToken = null;
    },
  };
}

/** AWS's own explanation is worth showing next to our translation (e.g. which action was denied). */
export function awsDetail(error: unknown): string | undefined {
  if (error instanceof ApiRequestError && error.code.startsWith('aws_') && error.serverMessage) {
    return error.serverMessage;
  }
  return undefined;
}

/** The user-facing text of any error, in the current language (falls back to the server's text). */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError) {
    return t(`errors.${error.code}`, {
      defaultValue: error.serverMessage || t('errors.unknown'),
      seconds: error.retryAfterSeconds ?? 60,
    });
  }
  return t('errors.unknown');
}

const CODE = /^[a-z][a-z0-9_]*$/;

/** Field problems, translated when the server sent a known code (e.g. `username_invalid`). */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, problem]) => [
      field,
      // A code we know is translated; free text (a validator's English) becomes a generic hint.
      CODE.test(problem)
        ? t(`errors.${problem}`, { defaultValue: t('errors.field_invalid') })
        : t('errors.field_invalid'),
    ]),
  );
}
