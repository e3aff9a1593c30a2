import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendApiError } from './errors.js';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>again-console</title></head>
<body>
<h1>웹 화면이 아직 빌드되지 않았습니다</h1>
<p><code>npm start</code>(또는 <code>npm run build:web</code>)로 빌드한 뒤 다시 여세요. API는 <code>/api</code>에서 동작합니다.</p>
<h1 lang="en">The web client is not built yet</h1>
<p lang="en">Run <code>npm start</code> (or <code>npm run build:web</code>) and reload. The API is served under <code>/api</code>.</p>
</body></html>`;

/**
 * Serves the built SPA (dist/web). Unknown GETs outside /api fall back to index.html so client
 * routes survive a reload; unknown /api routes get a JSON 404.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const built = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api');
    if (!isPage) {
      return sendApiError(reply, 404, { code: 'not_found', message: `No route ${request.method} ${path}` });
    }
    if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
  });
}
