/** The S3, Lambda, RDS and IAM collectors through the real runner and client factory (2 regions). */
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import type { RunCollectionResult } from '../../src/core/collection-run.js';
import type { CollectorId } from '../../src/core/records.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import { TEST_ACCOUNT_ID } from './harness.js';

const A = 'us-east-1';
const B = 'eu-west-1';
const MINE: CollectorId[] = [
  's3.buckets',
  's3.account-public-access-block',
  'lambda.functions',
  'lambda.memory-usage',
  'rds.instances',
  'rds.snapshots',
  'iam.users',
  'iam.groups',
  'iam.roles',
  'iam.policies',
  'iam.credential-report',
  'iam.password-policy',
  'iam.account-summary',
];

describe('S3, Lambda, RDS and IAM collectors through the runner', () => {
  let result: RunCollectionResult;

  beforeAll(async () => {
    await resetMoto();
    const iam = new IAMClient(motoClientConfig());
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: '{"Statement":[]}' }));
    for (const region of [A, B]) {
      await new S3Client(motoClientConfig(region)).send(
        new CreateBucketCommand({
          Bucket: `bucket-${region}`,
          ...(region === A ? {} : { CreateBucketConfiguration: { LocationConstraint: B } }),
        }),
      );
      await new LambdaClient(motoClientConfig(region)).send(
        new CreateFunctionCommand({
          FunctionName: `fn-${region}`,
          Runtime: 'python3.12',
          Role: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/fn`,
          Handler: 'a.b',
          Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) },
        }),
      );
    }
    await new RDSClient(motoClientConfig(B)).send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'db-b',
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        MasterUserPassword: 'secret-secret',
      }),
    );
    result = await createRunCollection()({
      credentials: testCredentials,
      accountId: TEST_ACCOUNT_ID,
      endpoint: motoEndpoint(),
      request: { services: ['s3', 'lambda', 'rds', 'iam'], regions: [A, B] },
    });
  });

  it('runs every collector of these services without an error', () => {
    const mine = result.outcome.errors.filter((e) => MINE.includes(e.collector as CollectorId));
    expect(mine).toEqual([]);
    for (const id of MINE) {
      for (const outcome of Object.values(result.outcome.results[id] ?? {})) {
        expect(outcome, id).toMatchObject({ status: 'ok' });
      }
    }
  });

  it('counts resources per collector and region', () => {
    const { results, resourceCounts } = result.outcome;
    expect(resourceCounts['s3.buckets']).toBe(2);
    expect(results['s3.account-public-access-block']?.global).toMatchObject({ count: 1 });
    expect(results['lambda.functions']?.[A]).toMatchObject({ count: 1 });
    expect(results['lambda.functions']?.[B]).toMatchObject({ count: 1 });
    expect(results['lambda.memory-usage']?.[B]).toMatchObject({ count: 1 });
    expect(results['rds.instances']?.[A]).toMatchObject({ count: 0 });
    expect(results['rds.instances']?.[B]).toMatchObject({ count: 1 });
    expect(resourceCounts['iam.users']).toBe(1);
    expect(resourceCounts['iam.roles']).toBe(1);
    expect(resourceCounts['iam.credential-report']).toBe(1);
    const s3 = result.documents.find((d) => d.service === 's3');
    const buckets = (s3?.data['s3.buckets'] ?? []) as { name: string; region: string }[];
    expect(buckets.map((b) => [b.name, b.region]).sort()).toEqual([
      [`bucket-${B}`, B],
      [`bucket-${A}`, A],
    ]);
  });

  it('fetches the shared IAM authorization details once', () => {
    expect(result.outcome.apiCalls?.['IAM.GetAccountAuthorizationDetails']).toBe(1);
  });
});
