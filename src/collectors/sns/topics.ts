import { GetTopicAttributesCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import type { FieldError } from '../../core/records/common.js';
import type { SnsTopic } from '../../core/records/sns.js';
import { attributeMap, policyAttribute } from '../lib/attributes.js';
import { defineCollector } from '../types.js';

/** The topic name is the last segment of its ARN (`arn:aws:sns:<region>:<account>:<name>`). */
function topicNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/**
 * ListTopics returns ARNs only (100 a page); encryption and policy exist only in
 * GetTopicAttributes, a per-topic call AWS offers no batch form of — run under ctx.limit.
 */
export const snsTopics = defineCollector({
  id: 'sns.topics',
  async *collect(ctx) {
    const client = ctx.client(SNSClient);
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client }, {})) {
      arns.push(...(page.Topics ?? []).flatMap((t) => (t.TopicArn ? [t.TopicArn] : [])));
    }
    const pending = arns.map(async (topicArn): Promise<SnsTopic> => {
      const fieldErrors: Record<string, FieldError> = {};
      const attributes = await attributeMap(ctx, fieldErrors, {
        fields: ['kmsMasterKeyId', 'policy'],
        operation: 'GetTopicAttributes',
        call: async () =>
          (
            await client.send(new GetTopicAttributesCommand({ TopicArn: topicArn }), {
              abortSignal: ctx.signal,
            })
          ).Attributes,
      });
      const policy = policyAttribute(ctx, fieldErrors, attributes, 'GetTopicAttributes');
      const confirmed = Number(attributes?.SubscriptionsConfirmed);
      return {
        region: ctx.region,
        topicArn,
        topicName: topicNameOf(topicArn),
        ...(attributes ? { kmsMasterKeyId: attributes.KmsMasterKeyId?.trim() || null } : {}),
        ...(policy !== undefined ? { policy } : {}),
        ...(attributes?.FifoTopic !== undefined ? { fifoTopic: attributes.FifoTopic === 'true' } : {}),
        ...(Number.isFinite(confirmed) && attributes?.SubscriptionsConfirmed
          ? { subscriptionsConfirmed: confirmed }
          : {}),
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const topic of pending) yield await topic;
  },
});
