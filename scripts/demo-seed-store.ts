/**
 * Demo seeding for ECR, Secrets Manager, ACM, KMS, DynamoDB and EFS: one resource in the desired
 * state and one not per service, so the advisor shows both passes and failures for each.
 */
import { ACMClient, ImportCertificateCommand, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
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
import { type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

/**
 * A self-signed certificate with a 1,024-bit RSA key (CN legacy.example.com, valid ten years from
 * 2026-12-06), made with openssl for the demo only: it gives acm-certificate-key-strong a failure.
 * The key protects nothing.
 */
export const WEAK_CERT = `-----BEGIN CERTIFICATE-----
MIICFjCCAX+gAwIBAgIUBgSOQm/bX5RnUc2WadskMnUBwT8wDQYJKoZIhvcNAQEL
BQAwHTEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29tMB4XDTI2MTIwNjA1MDM1
NFoXDTM2MTIwMzA1MDM1NFowHTEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29t
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDhXmEjSbAqy+2l+lZeQ4gJgeIJ
g2PhxKMqkVOz32m0c7h3KgN4/o+noqubuMFYNK1aJIAcjj70UttHO52ABR2PtYxn
3bFnQvqc3Ll/4m5/YprDiE6s+nWPgG5UWhYtrEbiKu++p2whLiXH7UVUhbfBKqbI
Ij7kg+r+cpOMJVsbpQIDAQABo1MwUTAdBgNVHQ4EFgQUXCyCY9Ewwj7zhXItuZaF
M5jNG+gwHwYDVR0jBBgwFoAUXCyCY9Ewwj7zhXItuZaFM5jNG+gwDwYDVR0TAQH/
BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOBgQCivRK6cyPBc5ACh+yqXmOuqza2yORg
5jbFpwL1Okax6BmvirdMl05m/lkscDufbRt6i50Yio/a0xtQ9Tq74Qezen3IO854
VO8D4pn8NmXbByNo0LabiLUwrG18ae2JMxnG4GgwbEn4eeDNKH9c8GfLt9m0XJPG
LE8gK9EP4GF6bA==
-----END CERTIFICATE-----`;
export const WEAK_KEY = `-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAOFeYSNJsCrL7aX6
Vl5DiAmB4gmDY+HEoyqRU7PfabRzuHcqA3j+j6eiq5u4wVg0rVokgByOPvRS20c7
nYAFHY+1jGfdsWdC+pzcuX/ibn9imsOITqz6dY+AblRaFi2sRuIq776nbCEuJcft
RVSFt8EqpsgiPuSD6v5yk4wlWxulAgMBAAECgYAlFYKma9mxMR1J0oejuzkHV3f6
WMR2wgSXXJKJZpneN6yC70bjAgBhdUMHvL8T5Jch3h+2kzGIwpmSfxzLlAvo6sBG
8QuVQSqcUhNgw2PZDCXbuUGUqXh1wFg9wn0oTltYHT6Fcnv7dgJsBMtNRVDBxAHc
rOiRBHz9wCxAlpUQAQJBAPfbo4T1llWO2AAwkdhhpUb0IR5mcLw6DU/hk+MZqLdT
K6aHCD3kVtHB3Sr7B65F99K5/8Yov87VihtbzUiLeQUCQQDoxZ30BVoezRAlFok5
zF3oBWcuuAwfiQK9guvjvHP4qd+2xJDJNi1yeGEXk46JP3td6nzN6J0uS1YFssow
nhohAkEArXeHwudKdsjJPaDAggsc7EKx5x/U6LdMV8rNgNSVcvB/jUXWK9LiPF2M
16bm4j5PyqiobNxaGXzz8l/WlV4frQJAd2HDHQARtHJfsWXZg3c5QmJjBScHsLTI
XwHika55nDMjtc0ipM/Qh0EOKtVW6TVRxF0bHVAMLU4eFFYaNM0hgQJBAL0UG1MS
gsl2Vgxvpke8Te7SwEitkCTGSNHAA0WJkm2gWPDgo961DlyuD6Zz9ERz8aYAfVL9
qiwN+5UsALVBEf0=
-----END PRIVATE KEY-----`;

/** A resource policy that lets anyone take `action` (the failing resources' policy). */
export const allowAnyone = (action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: action, Resource: '*' }],
  });

export const EXPIRE_UNTAGGED = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' },
    },
  ],
});

/** What the seeding made in one region: one resource in the desired state and one not, per service. */
export interface SeededStore {
  repositories: { good: string; bad: string };
  secret: string;
  certificateDomain: string;
  /** KMS key ids: rotating (passes everything), legacy (no rotation, public policy), retired (pending deletion). */
  keys: { rotating: string; legacy: string; retired: string };
  tables: { good: string; bad: string };
  /** EFS file system ids. */
  fileSystems: { good: string; bad: string };
}

type ClientConfig = ReturnType<typeof emulatorClientConfig>;

async function seedEcr(config: ClientConfig): Promise<SeededStore['repositories']> {
  const ecr = new ECRClient(config);
  const repositories = { good: 'demo/orders-api', bad: 'demo/legacy-batch' };
  await ecr.send(
    new CreateRepositoryCommand({
      repositoryName: repositories.good,
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'IMMUTABLE',
    }),
  );
  await ecr.send(
    new PutLifecyclePolicyCommand({
      repositoryName: repositories.good,
      lifecyclePolicyText: EXPIRE_UNTAGGED,
    }),
  );
  await ecr.send(new CreateRepositoryCommand({ repositoryName: repositories.bad }));
  await ecr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: repositories.bad,
      policyText: allowAnyone('ecr:BatchGetImage'),
    }),
  );
  ecr.destroy();
  return repositories;
}

async function seedKms(config: ClientConfig): Promise<SeededStore['keys']> {
  const kms = new KMSClient(config);
  const create = async (Description: string) =>
    (await kms.send(new CreateKeyCommand({ Description }))).KeyMetadata?.KeyId ?? '';
  const keys = {
    rotating: await create('demo orders data'),
    legacy: await create('demo legacy data'),
    retired: await create('demo retired data'),
  };
  await kms.send(new EnableKeyRotationCommand({ KeyId: keys.rotating }));
  await kms.send(
    new PutKeyPolicyCommand({
      KeyId: keys.legacy,
      PolicyName: 'default',
      Policy: allowAnyone('kms:Decrypt'),
    }),
  );
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keys.retired, PendingWindowInDays: 7 }));
  kms.destroy();
  return keys;
}

/** A provisioned table (10 read, 5 write units) keyed by `pk`; `extra` adds or overrides settings. */
export function provisionedTable(
  TableName: string,
  extra: Partial<CreateTableCommandInput> = {},
): CreateTableCommand {
  return new CreateTableCommand({
    TableName,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
    ...extra,
  });
}

async function seedDynamodb(config: ClientConfig, now: Date): Promise<SeededStore['tables']> {
  const ddb = new DynamoDBClient(config);
  const tables = { good: 'demo-orders', bad: 'demo-legacy-sessions' };
  await ddb.send(
    provisionedTable(tables.good, {
      DeletionProtectionEnabled: true,
      SSESpecification: { Enabled: true, SSEType: 'KMS' },
    }),
  );
  await ddb.send(
    new UpdateContinuousBackupsCommand({
      TableName: tables.good,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
  await ddb.send(provisionedTable(tables.bad));
  const cw = new CloudWatchClient({ ...config, disableRequestCompression: true });
  const day = new Date(now.getTime() - 2 * 86_400_000);
  for (const [name, value] of [
    [tables.good, 500],
    [tables.bad, 0],
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
  for (const client of [ddb, cw]) client.destroy();
  return tables;
}

async function seedEfs(config: ClientConfig): Promise<SeededStore['fileSystems']> {
  const efs = new EFSClient(config);
  const good = await efs.send(
    new CreateFileSystemCommand({ CreationToken: 'demo-shared', Encrypted: true, Backup: true }),
  );
  const bad = await efs.send(new CreateFileSystemCommand({ CreationToken: 'demo-scratch' }));
  efs.destroy();
  return { good: good.FileSystemId ?? '', bad: bad.FileSystemId ?? '' };
}

export async function seedStoreRegion(
  target: EmulatorTarget,
  region: string,
  now: Date,
): Promise<SeededStore> {
  const config = emulatorClientConfig(target, region);
  const repositories = await seedEcr(config);

  const secret = 'demo/orders-db';
  const secrets = new SecretsManagerClient(config);
  await secrets.send(new CreateSecretCommand({ Name: secret, SecretString: 'demo-only' }));
  secrets.destroy();

  const certificateDomain = 'shop.example.com';
  const acm = new ACMClient(config);
  await acm.send(new RequestCertificateCommand({ DomainName: certificateDomain }));
  await acm.send(
    new ImportCertificateCommand({ Certificate: Buffer.from(WEAK_CERT), PrivateKey: Buffer.from(WEAK_KEY) }),
  );
  acm.destroy();

  const keys = await seedKms(config);
  const tables = await seedDynamodb(config, now);
  const fileSystems = await seedEfs(config);
  return { repositories, secret, certificateDomain, keys, tables, fileSystems };
}
