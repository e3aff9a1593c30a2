import {
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import type { FieldError } from '../../core/records/common.js';
import type { EcrRepository } from '../../core/records/ecr.js';
import { policyText } from '../lib/attributes.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/**
 * DescribeRepositories (1,000 a page) carries scanning, tag mutability and encryption; the
 * repository policy and the lifecycle policy exist only per repository (GetRepositoryPolicy,
 * GetLifecyclePolicy — AWS has no batch form), run under ctx.limit.
 */
export const ecrRepositories = defineCollector({
  id: 'ecr.repositories',
  async *collect(ctx) {
    const client = ctx.client(ECRClient);
    const repositories: Repository[] = [];
    for await (const page of paginateDescribeRepositories({ client, pageSize: 1000 }, {})) {
      repositories.push(...(page.repositories ?? []));
    }
    const pending = repositories.map(async (repo): Promise<EcrRepository | undefined> => {
      const repositoryName = repo.repositoryName;
      if (!repositoryName || !repo.repositoryArn) return undefined;
      const fieldErrors: Record<string, FieldError> = {};
      const key = { repositoryName, registryId: repo.registryId };
      const [policyAnswer, lifecycle] = await Promise.all([
        optionalField(ctx, fieldErrors, {
          field: 'policy',
          operation: 'GetRepositoryPolicy',
          call: async () =>
            (await client.send(new GetRepositoryPolicyCommand(key), { abortSignal: ctx.signal })).policyText,
          notConfigured: ['RepositoryPolicyNotFoundException'],
          empty: undefined,
        }),
        optionalField(ctx, fieldErrors, {
          field: 'hasLifecyclePolicy',
          operation: 'GetLifecyclePolicy',
          call: async () =>
            Boolean(
              (await client.send(new GetLifecyclePolicyCommand(key), { abortSignal: ctx.signal }))
                .lifecyclePolicyText,
            ),
          notConfigured: ['LifecyclePolicyNotFoundException'],
          empty: false,
        }),
      ]);
      const policy = fieldErrors.policy
        ? undefined
        : policyText(ctx, fieldErrors, policyAnswer, 'GetRepositoryPolicy');
      return {
        region: ctx.region,
        repositoryName,
        repositoryArn: repo.repositoryArn,
        ...(repo.repositoryUri ? { repositoryUri: repo.repositoryUri } : {}),
        ...(repo.createdAt ? { createdAt: repo.createdAt.toISOString() } : {}),
        scanOnPush: repo.imageScanningConfiguration?.scanOnPush === true,
        imageTagMutability: repo.imageTagMutability ?? 'MUTABLE',
        ...(repo.encryptionConfiguration?.encryptionType
          ? { encryptionType: repo.encryptionConfiguration.encryptionType }
          : {}),
        ...(policy !== undefined ? { policy } : {}),
        ...(lifecycle !== undefined ? { hasLifecyclePolicy: lifecycle } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const repository of pending) {
      const record = await repository;
      if (record) yield record;
    }
  },
});
