import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KeyMetadata,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import type { FieldError } from '../../core/records/common.js';
import type { KmsKey } from '../../core/records/kms.js';
import { policyText } from '../lib/attributes.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

/** Rotation applies only to enabled, customer-managed, symmetric keys whose material KMS made. */
export function rotationApplies(key: KeyMetadata): boolean {
  return (
    key.KeyManager === 'CUSTOMER' &&
    key.KeySpec === 'SYMMETRIC_DEFAULT' &&
    key.KeyState === 'Enabled' &&
    key.Origin === 'AWS_KMS'
  );
}

async function aliasesByKey(client: KMSClient): Promise<Map<string, string>> {
  const aliases = new Map<string, string>();
  for await (const page of paginateListAliases({ client, pageSize: 100 }, {})) {
    for (const alias of page.Aliases ?? []) {
      if (alias.TargetKeyId && alias.AliasName && !aliases.has(alias.TargetKeyId)) {
        aliases.set(alias.TargetKeyId, alias.AliasName);
      }
    }
  }
  return aliases;
}

/**
 * ListKeys and ListAliases page (1,000 / 100 a page); everything else is per key with no batch
 * form: DescribeKey for every key, then GetKeyRotationStatus and GetKeyPolicy for
 * customer-managed keys only (AWS-managed keys' policies and rotation are AWS's), under ctx.limit.
 */
export const kmsKeys = defineCollector({
  id: 'kms.keys',
  async *collect(ctx) {
    const client = ctx.client(KMSClient);
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client, pageSize: 1000 }, {})) {
      ids.push(...(page.Keys ?? []).flatMap((k) => (k.KeyId ? [k.KeyId] : [])));
    }
    const aliases = await aliasesByKey(client);
    const send = { abortSignal: ctx.signal };
    const pending = ids.map(async (keyId): Promise<KmsKey> => {
      const fieldErrors: Record<string, FieldError> = {};
      const meta = await optionalField(ctx, fieldErrors, {
        field: 'keyManager',
        operation: 'DescribeKey',
        call: async () => (await client.send(new DescribeKeyCommand({ KeyId: keyId }), send)).KeyMetadata,
      });
      const customer = meta?.KeyManager === 'CUSTOMER';
      const [rotation, policyAnswer] = await Promise.all([
        meta && rotationApplies(meta)
          ? optionalField(ctx, fieldErrors, {
              field: 'rotationEnabled',
              operation: 'GetKeyRotationStatus',
              call: async () =>
                (await client.send(new GetKeyRotationStatusCommand({ KeyId: keyId }), send))
                  .KeyRotationEnabled === true,
            })
          : undefined,
        customer
          ? optionalField(ctx, fieldErrors, {
              field: 'policy',
              operation: 'GetKeyPolicy',
              call: async () =>
                (await client.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }), send))
                  .Policy,
            })
          : undefined,
      ]);
      const policy =
        customer && !fieldErrors.policy
          ? policyText(ctx, fieldErrors, policyAnswer, 'GetKeyPolicy')
          : undefined;
      if (fieldErrors.keyManager) {
        for (const field of ['keySpec', 'keyState']) fieldErrors[field] = fieldErrors.keyManager;
      }
      const alias = aliases.get(keyId);
      return {
        region: ctx.region,
        keyId,
        arn: meta?.Arn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`,
        ...(alias ? { alias } : {}),
        ...(meta?.Description ? { description: meta.Description } : {}),
        ...(meta?.KeyManager ? { keyManager: meta.KeyManager } : {}),
        ...(meta?.KeySpec ? { keySpec: meta.KeySpec } : {}),
        ...(meta?.KeyState ? { keyState: meta.KeyState } : {}),
        ...(meta?.KeyUsage ? { keyUsage: meta.KeyUsage } : {}),
        ...(meta?.Origin ? { origin: meta.Origin } : {}),
        ...(meta?.CreationDate ? { creationDate: meta.CreationDate.toISOString() } : {}),
        ...(meta?.DeletionDate ? { deletionDate: meta.DeletionDate.toISOString() } : {}),
        ...(rotation !== undefined ? { rotationEnabled: rotation } : {}),
        ...(policy ? { policy } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const key of pending) yield await key;
  },
});
