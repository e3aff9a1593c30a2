import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MeResponse, UserResponse } from '../../shared/api/auth';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { ApiRequestError, createApiClient, errorMessage, fieldErrors } from './client';

interface Seen {
  method: string;
  url: string;
  csrf: string | null;
  body: string | null;
}

/** A scripted fetch: records every request and answers from `respond`. */
function fakeFetch(respond: (req: Seen, tokenServed: number) => Response) {
  const seen: Seen[] = [];
  let tokens = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const req: Seen = {
      method: init?.method ?? 'GET',
      url: String(input),
      csrf: headers.get('x-csrf-token'),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    seen.push(req);
    if (req.url === '/api/auth/csrf') {
      tokens += 1;
      return Response.json({ token: `token-${tokens}` });
    }
    return respond(req, tokens);
  };
  return { fetch, seen };
}

const user = { username: 'alice', createdAt: '2026-01-01T00:00:00.000Z' };
const apiError = (status: number, code: string, message: string, extra: object = {}) =>
  Response.json({ error: { code, message, ...extra } }, { status });

async function translator(lng: 'ko' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { en: { translation: en }, ko: { translation: ko } } });
  return instance.t;
}

describe('api client', () => {
  it('GET parses the body with the shared schema and sends no CSRF token', async () => {
    const { fetch, seen } = fakeFetch(() => Response.json({ user }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/auth/me', MeResponse)).resolves.toEqual({ user });
    expect(seen.map((r) => r.url)).toEqual(['/api/auth/me']);
    expect(seen[0]?.csrf).toBeNull();
  });

  it('a body that does not match the schema is a bad_response error, not a crash later', async () => {
    const { fetch } = fakeFetch(() => Response.json({ user: { username: 42 } }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/auth/me', MeResponse)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('fetches the CSRF token once and sends it on every state-changing request', async () => {
    const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await api.send('DELETE', '/api/connections/a');
    await api.send('PATCH', '/api/connections/b', { isDefault: true });
    expect(seen.filter((r) => r.url === '/api/auth/csrf')).toHaveLength(1);
    expect(seen.filter((r) => r.method !== 'GET').map((r) => r.csrf)).toEqual(['token-1', 'token-1']);
    expect(seen.at(-1)?.body).toBe('{"isDefault":true}');
  });

  it('on 403 it refreshes the token and retries once', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.csrf === 'token-1'
        ? apiError(403, 'csrf_invalid', 'bad token')
        : new Response(null, { status: 204 }),
    );
    const api = createApiClient({ fetch });
    await api.send('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'y' });
    expect(seen.filter((r) => r.url === '/api/auth/password').map((r) => r.csrf)).toEqual([
      'token-1',
      'token-2',
    ]);
  });

  it('a token is not reused after sign-in (the server starts a new session)', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url === '/api/auth/login' ? Response.json({ user }) : new Response(null, { status: 204 }),
    );
    const api = createApiClient({ fetch });
    await api.post('/api/auth/login', { username: 'alice', password: 'pw' }, UserResponse);
    await api.send('POST', '/api/auth/logout');
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.csrf)).toEqual(['token-1', 'token-2']);
  });

  it('turns the ApiError shape into a localized message and localized field errors', async () => {
    const { fetch } = fakeFetch(() =>
      apiError(400, 'validation_failed', 'Invalid body', { fields: { username: 'username_invalid' } }),
    );
    const api = createApiClient({ fetch });
    const error = await api
      .post('/api/auth/register', { username: 'A', password: 'x' }, UserResponse)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    const t = await translator('ko');
    expect(errorMessage(error, t)).toBe(ko.errors.validation_failed);
    expect(fieldErrors(error, t)).toEqual({ username: ko.errors.username_invalid });
  });

  it('unknown codes fall back to the server message; throttling shows the wait', async () => {
    const t = await translator('en');
    expect(errorMessage(new ApiRequestError(409, 'brand_new_code', 'Server says no'), t)).toBe(
      'Server says no',
    );
    const throttled = new ApiRequestError(429, 'login_throttled', 'slow down', {}, 42);
    expect(errorMessage(throttled, t)).toBe('Too many failed sign-ins. Try again in 42 seconds.');
  });

  it('non-JSON failures and network faults still become coded errors', async () => {
    const html = fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(createApiClient({ fetch: html.fetch }).get('/api/x', MeResponse)).rejects.toMatchObject({
      status: 502,
      code: 'internal_error',
    });
    const down = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    await expect(createApiClient({ fetch: down }).get('/api/x', MeResponse)).rejects.toMatchObject({
      code: 'network_error',
    });
  });
});
