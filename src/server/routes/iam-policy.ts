import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { buildReadOnlyPolicy } from '../../aws/iam-policy.js';
import { IamPolicyResponse } from '../../shared/api/connections.js';
import { getUsername } from '../session.js';

export async function iamPolicyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/iam-policy', { schema: { response: { 200: IamPolicyResponse } } }, async (request) => {
      getUsername(request);
      const { policy, actions, rejected } = buildReadOnlyPolicy(deps.iamActions());
      if (rejected.length) request.log.warn({ rejected }, 'non-read-only IAM actions left out of the policy');
      return { policy: { ...policy }, actions };
    });
}
