/**
 * End to end for ECR, Secrets Manager, ACM, KMS, DynamoDB and EFS: seed the emulator, collect with
 * the real runner, advise with the real engine. What moto cannot show (LastAccessedDate, expiring
 * or RSA_1024 certificates, backdated dates) is covered by the checks' unit tests.
 */
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateRepositoryCommand,
  ECRClient,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import {
  CreateKeyCommand,
  EnableKeyRotationCommand,
  KMSClient,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { advisedAccount } from '../../test/support/advise.js';
import { motoClientConfig } from '../../test/support/moto.js';

const REGION = 'us-east-1';
const config = motoClientConfig(REGION);
const PUBLIC = (action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: action, Resource: '*' }],
  });

describe('ecr end to end', () => {
  const { of } = advisedAccount(
    async () => {
      const ecr = new ECRClient(config);
      await ecr.send(
        new CreateRepositoryCommand({
          repositoryName: 'app',
          imageScanningConfiguration: { scanOnPush: true },
          imageTagMutability: 'IMMUTABLE',
        }),
      );
      await ecr.send(
        new PutLifecyclePolicyCommand({
          repositoryName: 'app',
          lifecyclePolicyText: JSON.stringify({
            rules: [
              {
                rulePriority: 1,
                selection: {
                  tagStatus: 'untagged',
                  countType: 'sinceImagePushed',
                  countUnit: 'days',
                  countNumber: 14,
                },
                action: { type: 'expire' },
              },
            ],
          }),
        }),
      );
      await ecr.send(new CreateRepositoryCommand({ repositoryName: 'legacy' }));
      await ecr.send(
        new SetRepositoryPolicyCommand({ repositoryName: 'legacy', policyText: PUBLIC('ecr:BatchGetImage') }),
      );
    },
    { collect: ['ecr'], regions: [REGION] },
  );

  it('passes the configured repository and fails the default, public one on every check', () => {
    for (const id of [
      'ecr-repository-scan-on-push',
      'ecr-repository-tags-immutable',
      'ecr-repository-not-public',
      'ecr-repository-lifecycle-policy',
    ]) {
      expect(of(id, 'app').status, id).toBe('pass');
      expect(of(id, 'legacy').status, id).toBe('fail');
    }
  });
});

describe('secretsmanager end to end', () => {
  const { findings } = advisedAccount(
    async () => {
      await new SecretsManagerClient(config).send(
        new CreateSecretCommand({ Name: 'db-password', SecretString: 'x' }),
      );
    },
    { collect: ['secretsmanager'], regions: [REGION] },
  );

  it('fails rotation and passes use for a new secret (moto has no LastAccessedDate: unit-tested)', () => {
    const byCheck = (id: string) =>
      findings().filter((f) => f.checkId === id && f.resourceName === 'db-password');
    expect(byCheck('secretsmanager-rotation-enabled').map((f) => f.status)).toEqual(['fail']);
    expect(byCheck('secretsmanager-secret-used').map((f) => f.status)).toEqual(['pass']);
  });
});

describe('acm end to end', () => {
  const { findings } = advisedAccount(
    async () => {
      await new ACMClient(config).send(new RequestCertificateCommand({ DomainName: 'shop.example.com' }));
    },
    { collect: ['acm'], regions: [REGION] },
  );

  it('lists the requested certificate: RSA_2048 passes, not ISSUED yet so expiry is not applicable', () => {
    const of = (id: string) =>
      findings().filter((f) => f.checkId === id && f.resourceName === 'shop.example.com');
    expect(of('acm-certificate-key-strong').map((f) => f.status)).toEqual(['pass']);
    expect(of('acm-certificate-not-expiring').map((f) => f.status)).toEqual(['not_applicable']);
  });
});

describe('kms end to end', () => {
  const ids = { rotating: '', still: '', doomed: '' };
  const { of } = advisedAccount(
    async () => {
      const kms = new KMSClient(config);
      for (const name of ['rotating', 'still', 'doomed'] as const) {
        ids[name] = (await kms.send(new CreateKeyCommand({ Description: name }))).KeyMetadata?.KeyId ?? '';
      }
      await kms.send(new EnableKeyRotationCommand({ KeyId: ids.rotating }));
      await kms.send(
        new PutKeyPolicyCommand({ KeyId: ids.still, PolicyName: 'default', Policy: PUBLIC('kms:Decrypt') }),
      );
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: ids.doomed, PendingWindowInDays: 7 }));
    },
    { collect: ['kms'], regions: [REGION] },
  );

  it('judges rotation, pending deletion and the key policy', () => {
    expect(of('kms-key-rotation-enabled', ids.rotating).status).toBe('pass');
    expect(of('kms-key-rotation-enabled', ids.still).status).toBe('fail');
    expect(of('kms-key-not-pending-deletion', ids.rotating).status).toBe('pass');
    expect(of('kms-key-not-pending-deletion', ids.doomed).status).toBe('warning');
    expect(of('kms-key-policy-not-public', ids.rotating).status).toBe('pass');
    expect(of('kms-key-policy-not-public', ids.still).status).toBe('fail');
  });
});

describe('dynamodb end to end', () => {
  const { of } = advisedAccount(
    async () => {
      const ddb = new DynamoDBClient(config);
      const table = (TableName: string, extra: object = {}) =>
        new CreateTableCommand({
          TableName,
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
          ...extra,
        });
      await ddb.send(
        table('orders', {
          DeletionProtectionEnabled: true,
          SSESpecification: { Enabled: true, SSEType: 'KMS' },
        }),
      );
      await ddb.send(
        new UpdateContinuousBackupsCommand({
          TableName: 'orders',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
      await ddb.send(table('legacy'));
      const cw = new CloudWatchClient(config);
      const day = new Date(Date.now() - 2 * 86_400_000);
      for (const [name, value] of [
        ['orders', 500],
        ['legacy', 0],
      ] as const) {
        await cw.send(
          new PutMetricDataCommand({
            Namespace: 'AWS/DynamoDB',
            MetricData: ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits'].map((MetricName) => ({
              MetricName,
              Dimensions: [{ Name: 'TableName', Value: name }],
              Timestamp: day,
              Value: value,
            })),
          }),
        );
      }
    },
    { collect: ['dynamodb'], regions: [REGION] },
  );

  it('passes the protected, backed-up, KMS-encrypted, busy table and fails the plain idle one', () => {
    for (const id of [
      'dynamodb-table-pitr-enabled',
      'dynamodb-table-deletion-protection',
      'dynamodb-table-kms-encrypted',
      'dynamodb-table-not-idle',
    ]) {
      expect(of(id, 'orders').status, id).toBe('pass');
      expect(of(id, 'legacy').status, id).toBe('fail');
    }
    expect(of('dynamodb-table-not-idle', 'legacy').estimatedMonthlySavingsUsd).toBe(3.32);
  });
});

describe('efs end to end', () => {
  const ids = { safe: '', plain: '' };
  const { of } = advisedAccount(
    async () => {
      const efs = new EFSClient(config);
      ids.safe =
        (
          await efs.send(
            new CreateFileSystemCommand({ CreationToken: 'safe', Encrypted: true, Backup: true }),
          )
        ).FileSystemId ?? '';
      ids.plain =
        (await efs.send(new CreateFileSystemCommand({ CreationToken: 'plain' }))).FileSystemId ?? '';
    },
    { collect: ['efs'], regions: [REGION] },
  );

  it('passes the encrypted, backed-up file system and fails the plain one', () => {
    for (const id of ['efs-file-system-encrypted', 'efs-file-system-backup-enabled']) {
      expect(of(id, ids.safe).status, id).toBe('pass');
      expect(of(id, ids.plain).status, id).toBe('fail');
    }
  });
});
