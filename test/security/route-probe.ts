import type { LightMyRequestResponse } from 'fastify';
import type { RegisteredRoute } from '../../src/server/app.js';
import type { Agent } from '../support/app.js';

/** Public on purpose (API description, health, the session handshake): reviewed here, by name. */
const NOT_USER_DATA = [
  /^\/api\/openapi\.json$/,
  /^\/api\/docs(\/|$)/,
  /^\/api\/health$/,
  /^\/api\/auth\/csrf$/,
  // The server's registration setting (open or invite-only), which the sign-up page needs.
  /^\/api\/auth\/registration$/,
];

export function apiRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  const seen = new Set<string>();
  return routes.filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key) || r.method === 'HEAD' || r.method === 'OPTIONS') return false;
    seen.add(key);
    return r.url.startsWith('/api/') && !NOT_USER_DATA.some((re) => re.test(r.url));
  });
}

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
}

/** Every string under a key named id / *Id, anywhere in a JSON body. */
export function harvestIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) harvestIds(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /(^id$|Id$)/.test(k) && v.length >= 6) into.add(v);
      else harvestIds(v, into);
    }
  }
  return into;
}

/** Values for non-id params (services, formats…) so the route is reachable past validation. */
const OTHER_PARAM_VALUES = ['ec2', 's3', 'iam', 'lambda', 'rds'];

export function fillUrl(url: string, id: string): string[] {
  const names = paramNames(url);
  const idLike = (n: string) => /(^id$|id$|Id$)/i.test(n);
  const others = names.some((n) => !idLike(n)) ? OTHER_PARAM_VALUES : [''];
  return others.map((other) =>
    url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(idLike(name) ? id : other)),
  );
}

/** inject never returns for a stream that never ends (SSE): give up after `ms`. */
export async function withTimeout(
  p: Promise<LightMyRequestResponse>,
  ms = 5_000,
): Promise<LightMyRequestResponse | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function call(agent: Agent, method: string, url: string): Promise<LightMyRequestResponse> {
  const body = { name: 'hijacked-by-other-user', isDefault: true, reason: 'hijack' };
  switch (method) {
    case 'GET':
      return agent.get(url);
    case 'DELETE':
      return agent.delete(url);
    case 'POST':
      return agent.post(url, body);
    case 'PUT':
      return agent.put(url, body);
    case 'PATCH':
      return agent.patch(url, body);
    default:
      return agent.request(method as 'GET', url);
  }
}
