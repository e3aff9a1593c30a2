import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import type { FieldError } from '../../core/records/common.js';
import type { SqsQueue } from '../../core/records/sqs.js';
import { attributeMap, policyAttribute } from '../lib/attributes.js';
import type { CollectorContext } from '../types.js';
import { defineCollector } from '../types.js';

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` → name and ARN (known even when attributes fail). */
function queueIdentity(ctx: CollectorContext, queueUrl: string): { queueName: string; arn: string } {
  const [account = ctx.accountId, queueName = queueUrl] = new URL(queueUrl).pathname
    .split('/')
    .filter(Boolean);
  return { queueName, arn: `arn:${ctx.partition}:sqs:${ctx.region}:${account}:${queueName}` };
}

/**
 * ListQueues returns URLs only (up to 1000 a page); encryption and policy exist only in
 * GetQueueAttributes, a per-queue call AWS offers no batch form of — run under ctx.limit.
 */
export const sqsQueues = defineCollector({
  id: 'sqs.queues',
  async *collect(ctx) {
    const client = ctx.client(SQSClient);
    const urls: string[] = [];
    for await (const page of paginateListQueues({ client, pageSize: 1000 }, { MaxResults: 1000 })) {
      urls.push(...(page.QueueUrls ?? []));
    }
    const pending = urls.map(async (queueUrl): Promise<SqsQueue> => {
      const fieldErrors: Record<string, FieldError> = {};
      const attributes = await attributeMap(ctx, fieldErrors, {
        fields: ['kmsMasterKeyId', 'sqsManagedSseEnabled', 'policy'],
        operation: 'GetQueueAttributes',
        call: async () =>
          (
            await client.send(
              new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
              {
                abortSignal: ctx.signal,
              },
            )
          ).Attributes,
      });
      const policy = policyAttribute(ctx, fieldErrors, attributes, 'GetQueueAttributes');
      const identity = queueIdentity(ctx, queueUrl);
      return {
        region: ctx.region,
        queueUrl,
        queueName: identity.queueName,
        arn: attributes?.QueueArn ?? identity.arn,
        ...(attributes
          ? {
              kmsMasterKeyId: attributes.KmsMasterKeyId?.trim() || null,
              sqsManagedSseEnabled: attributes.SqsManagedSseEnabled === 'true',
              fifoQueue: attributes.FifoQueue === 'true',
            }
          : {}),
        ...(policy !== undefined ? { policy } : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const queue of pending) yield await queue;
  },
});
