/** Record builders for the KMS, DynamoDB, EFS, ECR, Secrets Manager and ACM check tests; defaults are "good". */
import type { RecordKinds } from '../core/records.js';
import { daysAgo } from './testing.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

export function ecrRepository(name: string, extra: Partial<RecordKinds['ecr.repositories']> = {}) {
  return {
    region: REGION,
    repositoryName: name,
    repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`,
    scanOnPush: true,
    imageTagMutability: 'IMMUTABLE',
    policy: null,
    hasLifecyclePolicy: true,
    ...extra,
  } satisfies RecordKinds['ecr.repositories'];
}

export function secret(name: string, extra: Partial<RecordKinds['secretsmanager.secrets']> = {}) {
  return {
    region: REGION,
    arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`,
    name,
    rotationEnabled: true,
    createdDate: daysAgo(400),
    lastAccessedDate: daysAgo(1),
    tags: [],
    ...extra,
  } satisfies RecordKinds['secretsmanager.secrets'];
}

export function certificate(id: string, extra: Partial<RecordKinds['acm.certificates']> = {}) {
  return {
    region: REGION,
    certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}`,
    domainName: `${id}.example.com`,
    status: 'ISSUED',
    type: 'AMAZON_ISSUED',
    keyAlgorithm: 'RSA_2048',
    notAfter: daysAgo(-300),
    ...extra,
  } satisfies RecordKinds['acm.certificates'];
}

export function kmsKey(keyId: string, extra: Partial<RecordKinds['kms.keys']> = {}) {
  return {
    region: REGION,
    keyId,
    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyState: 'Enabled',
    origin: 'AWS_KMS',
    rotationEnabled: true,
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    ...extra,
  } satisfies RecordKinds['kms.keys'];
}

export function dynamodbTable(name: string, extra: Partial<RecordKinds['dynamodb.tables']> = {}) {
  return {
    region: REGION,
    tableName: name,
    tableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`,
    tableStatus: 'ACTIVE',
    billingMode: 'PROVISIONED',
    readCapacityUnits: 10,
    writeCapacityUnits: 5,
    deletionProtectionEnabled: true,
    sseType: 'KMS',
    pointInTimeRecoveryStatus: 'ENABLED',
    ...extra,
  } satisfies RecordKinds['dynamodb.tables'];
}

export function dynamodbMetrics(name: string, extra: Partial<RecordKinds['dynamodb.table-metrics']> = {}) {
  return {
    region: REGION,
    tableName: name,
    consumedReadDailySum: [{ t: daysAgo(2), v: 1200 }],
    consumedWriteDailySum: [{ t: daysAgo(2), v: 300 }],
    ...extra,
  } satisfies RecordKinds['dynamodb.table-metrics'];
}

export function efsFileSystem(id: string, extra: Partial<RecordKinds['efs.file-systems']> = {}) {
  return {
    region: REGION,
    fileSystemId: id,
    arn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${id}`,
    name: id,
    encrypted: true,
    lifeCycleState: 'available',
    backupPolicyStatus: 'ENABLED',
    tags: [],
    ...extra,
  } satisfies RecordKinds['efs.file-systems'];
}
