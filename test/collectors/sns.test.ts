import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { snsTopics } from '../../src/collectors/sns/topics.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const arn = (region: string, name: string) => `arn:aws:sns:${region}:${TEST_ACCOUNT_ID}:${name}`;
const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'SNS:Publish', Resource: '*' }],
});
/** One more than a ListTopics page (100). */
const MANY = 101;

describe('sns collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new SNSClient(motoClientConfig('us-east-1'));
    await east.send(new CreateTopicCommand({ Name: 'plain' }));
    await east.send(
      new CreateTopicCommand({ Name: 'sealed', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }),
    );
    await east.send(new CreateTopicCommand({ Name: 'open' }));
    await east.send(
      new SetTopicAttributesCommand({
        TopicArn: arn('us-east-1', 'open'),
        AttributeName: 'Policy',
        AttributeValue: PUBLIC_POLICY,
      }),
    );
    const west = new SNSClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1) await west.send(new CreateTopicCommand({ Name: `bulk-${i}` }));
  });

  it('collects topics with their KMS key and parsed policy (moto: the default policy uses AWS:SourceOwner)', async () => {
    const harness = createHarness();
    const topics = await harness.run(snsTopics, 'us-east-1');
    const byName = new Map(topics.map((t) => [t.topicName, t]));
    expect([...byName.keys()].sort()).toEqual(['open', 'plain', 'sealed']);
    expect(byName.get('plain')).toMatchObject({
      region: 'us-east-1',
      topicArn: arn('us-east-1', 'plain'),
      kmsMasterKeyId: null,
    });
    expect(byName.get('sealed')?.kmsMasterKeyId).toBe('alias/aws/sns');
    const defaultStatement = byName.get('plain')?.policy?.Statement[0];
    expect(Object.keys(defaultStatement?.Condition?.StringEquals ?? {})).toContain('AWS:SourceOwner');
    expect(byName.get('open')?.policy?.Statement).toEqual([
      { Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'SNS:Publish', Resource: '*' },
    ]);
    expect(topics.every((t) => t.fieldErrors === undefined)).toBe(true);
  });

  it('pages ListTopics and makes one GetTopicAttributes per topic (the per-resource call AWS forces)', async () => {
    const harness = createHarness();
    const topics = await harness.run(snsTopics, 'eu-west-1');
    expect(topics).toHaveLength(MANY);
    expect(harness.calls.get('ListTopics')).toBe(2);
    expect(harness.calls.get('GetTopicAttributes')).toBe(MANY);
  });

  it('keeps the topic with field errors when GetTopicAttributes is denied', async () => {
    const harness = createHarness({ deny: ['GetTopicAttributes'] });
    const topics = await harness.run(snsTopics, 'us-east-1');
    expect(topics).toHaveLength(3);
    for (const topic of topics) {
      expect(topic.kmsMasterKeyId).toBeUndefined();
      expect(topic.policy).toBeUndefined();
      expect(topic.fieldErrors?.kmsMasterKeyId?.operation).toBe('GetTopicAttributes');
      expect(topic.fieldErrors?.policy?.code).toBe('AccessDenied');
    }
  });

  it('marks only the policy when the policy text is not valid JSON (moto cannot store one: faked answer)', async () => {
    const harness = createHarness({
      fake: (operation) =>
        operation === 'GetTopicAttributes'
          ? { Attributes: { Policy: '{not json', KmsMasterKeyId: 'k' } }
          : undefined,
    });
    const [topic] = await harness.run(snsTopics, 'us-east-1');
    expect(topic?.kmsMasterKeyId).toBe('k');
    expect(topic?.policy).toBeUndefined();
    expect(topic?.fieldErrors?.policy?.code).toBe('PolicyParseError');
    expect(topic?.fieldErrors?.kmsMasterKeyId).toBeUndefined();
  });
});
