import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/compose.js';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: { response: { 200: z.object({ ok: z.literal(true), storage: z.enum(['local', 's3']) }) } },
    },
    async () => ({ ok: true as const, storage: deps.storage.kind }),
  );
}
