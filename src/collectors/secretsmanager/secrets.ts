import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerSecret } from '../../core/records/secretsmanager.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';

/**
 * ListSecrets (100 a page) carries rotation, last access, creation date and tags: no
 * per-secret call, and the secret values are never read.
 */
export const secretsManagerSecrets = defineCollector({
  id: 'secretsmanager.secrets',
  async *collect(ctx) {
    const client = ctx.client(SecretsManagerClient);
    for await (const page of paginateListSecrets(
      { client, pageSize: 100 },
      { IncludePlannedDeletion: true },
    )) {
      for (const secret of page.SecretList ?? []) {
        if (!secret.ARN || !secret.Name) continue;
        yield {
          region: ctx.region,
          arn: secret.ARN,
          name: secret.Name,
          rotationEnabled: secret.RotationEnabled === true,
          ...(secret.LastAccessedDate ? { lastAccessedDate: secret.LastAccessedDate.toISOString() } : {}),
          ...(secret.CreatedDate ? { createdDate: secret.CreatedDate.toISOString() } : {}),
          ...(secret.LastRotatedDate ? { lastRotatedDate: secret.LastRotatedDate.toISOString() } : {}),
          ...(secret.KmsKeyId ? { kmsKeyId: secret.KmsKeyId } : {}),
          tags: toTags(secret.Tags),
        } satisfies SecretsManagerSecret;
      }
    }
  },
});
