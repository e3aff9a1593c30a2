/** End to end for SNS: seed topics in the emulator, collect with the real runner, advise with the real engine. */
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const REGION = 'us-east-1';
const arn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT_ID}:${name}`;

async function seedTopics(): Promise<void> {
  const sns = new SNSClient(motoClientConfig(REGION));
  await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
  await sns.send(
    new CreateTopicCommand({ Name: 'billing', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }),
  );
  await sns.send(new CreateTopicCommand({ Name: 'webhooks' }));
  await sns.send(
    new SetTopicAttributesCommand({
      TopicArn: arn('webhooks'),
      AttributeName: 'Policy',
      AttributeValue: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'subscribe',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'SNS:Subscribe',
            Resource: arn('webhooks'),
          },
        ],
      }),
    }),
  );
}

describe('sns end to end', () => {
  const { of } = advisedAccount(seedTopics, { collect: ['sns'], regions: [REGION] });

  it('flags the unencrypted topics and passes the KMS-encrypted one', () => {
    expect(of('sns-topic-kms-encrypted', arn('alerts')).status).toBe('fail');
    expect(of('sns-topic-kms-encrypted', arn('webhooks')).status).toBe('fail');
    expect(of('sns-topic-kms-encrypted', arn('billing')).status).toBe('pass');
  });

  it('passes the default SourceOwner policy and fails the public one', () => {
    expect(of('sns-topic-not-public', arn('alerts')).status).toBe('pass');
    expect(of('sns-topic-not-public', arn('billing')).status).toBe('pass');
    const open = of('sns-topic-not-public', arn('webhooks'));
    expect(open.status).toBe('fail');
    expect(open.resourceName).toBe('webhooks');
  });
});
