import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { OrgSetupResponse, OrgTemplateQuery } from '../../shared/api/org-setup.js';
import { getUsername } from '../session.js';

/** Onboarding the organization's member role: the setup data and the CloudFormation template. */
export async function orgSetupRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orgSetup } = deps;

  r.get('/api/org-setup', { schema: { response: { 200: OrgSetupResponse } } }, async (request) =>
    orgSetup.setup(getUsername(request)),
  );

  r.get('/api/org-setup/template', { schema: { querystring: OrgTemplateQuery } }, async (request, reply) => {
    const file = await orgSetup.template(getUsername(request), request.query.format);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .type(file.contentType)
      .send(file.body);
  });
}
