import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './session.js';

export const API_DOCS_PREFIX = '/api/docs';

/** The OpenAPI document's fixed part; paths come from every route's zod schemas. */
export const OPENAPI_DOCUMENT: NonNullable<FastifyDynamicSwaggerOptions['openapi']> = {
  info: {
    title: 'again-console API',
    version: '0.1.0',
    description:
      'Scripts and CI authenticate with a personal API token (Settings → API tokens): ' +
      '`Authorization: Bearer agc_…`. A `read` token may only GET; a `read-run` token may also ' +
      'start and cancel collections and advisor runs. Token management needs a console session.',
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'Personal API token agc_<id>_<secret>; no CSRF header needed',
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'Browser session; state-changing requests also need the x-csrf-token header',
      },
    },
  },
  security: [{ bearerAuth: [] as string[] }, { sessionCookie: [] as string[] }],
};

/**
 * Swagger UI at /api/docs and the document at /api/docs/json, readable signed out (they describe
 * the API, they hold no data). Its own scripts are files ('self'); only its inline styles need a
 * looser style-src, on these pages alone.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(fastifySwaggerUi, {
      routePrefix: API_DOCS_PREFIX,
      uiConfig: { docExpansion: 'list', deepLinking: true },
      transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    });
  });
}
