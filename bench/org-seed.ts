/**
 * An AWS organization on the emulator for the benchmarks: the base credentials' account becomes the
 * management account, `count` members are created with CreateAccount, and each member gets an estate
 * through its OrganizationAccountAccessRole (moto serves every member from its own backend).
 */
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { BASE_CREDENTIALS } from './scale-seed.js';

export const ORG_REGION = 'us-east-1';
export const MANAGEMENT_ACCOUNT = '123456789012';

/** Creates the organization and its members; returns the member account ids in creation order. */
export async function createOrganization(endpoint: string, count: number): Promise<string[]> {
  const org = new OrganizationsClient({ region: ORG_REGION, endpoint, credentials: BASE_CREDENTIALS });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const members: string[] = [];
  for (let n = 1; n <= count; n++) {
    const created = await org.send(
      new CreateAccountCommand({ AccountName: `member-${n}`, Email: `member-${n}@example.com` }),
    );
    members.push(created.CreateAccountStatus?.AccountId ?? '');
  }
  org.destroy();
  return members;
}

/**
 * A member's estate, `scale` times the small one: 2 instances, 2 buckets and 1 IAM user per unit of
 * scale (scale 1 is bench:org's small member).
 */
async function seedMember(endpoint: string, accountId: string, n: number, scale: number): Promise<void> {
  const sts = new STSClient({ region: ORG_REGION, endpoint, credentials: BASE_CREDENTIALS });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'seed',
    }),
  );
  sts.destroy();
  const c = out.Credentials;
  const credentials = {
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken ?? '',
  };
  const config = { region: ORG_REGION, endpoint, credentials, maxAttempts: 3 };
  const ec2 = new EC2Client(config);
  await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 't3.micro',
      MinCount: 2 * scale,
      MaxCount: 2 * scale,
    }),
  );
  ec2.destroy();
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  for (let i = 1; i <= 2 * scale; i++)
    await s3.send(new CreateBucketCommand({ Bucket: `org-bench-${n}-${i}` }));
  s3.destroy();
  const iam = new IAMClient(config);
  for (let i = 1; i <= scale; i++) {
    const suffix = scale === 1 ? '' : `-${i}`;
    await iam.send(new CreateUserCommand({ UserName: `member-${n}-user${suffix}` }));
  }
  iam.destroy();
}

/** Seeds every member (4 at a time). */
export async function seedMembers(endpoint: string, members: readonly string[], scale = 1): Promise<void> {
  const limit = pLimit(4);
  await Promise.all(members.map((id, i) => limit(() => seedMember(endpoint, id, i + 1, scale))));
}
