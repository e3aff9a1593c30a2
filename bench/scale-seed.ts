/**
 * The scale benchmark's estate: member accounts on one emulator (moto serves each assumed role
 * from that account's own backend, /work/shared/AWS_EMULATOR.md "Several accounts"), each seeded
 * with the same mid-size estate over two regions.
 */
import {
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { createBucketIn, times } from '../scripts/demo-seed-aws.js';

export const SCALE_REGIONS = ['us-east-1', 'eu-west-1'];
export const BASE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const PER_REGION = { instances: 40, volumes: 20, securityGroups: 10, buckets: 10 };
const USERS = 20;
const ROLES = 10;

export const memberAccountId = (n: number) => `3000000000${String(n).padStart(2, '0')}`;
export const memberRoleArn = (n: number) => `arn:aws:iam::${memberAccountId(n)}:role/AgainConsoleReader`;

async function memberCredentials(endpoint: string, roleArn: string) {
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: BASE_CREDENTIALS });
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bench-seed' }));
  sts.destroy();
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole ${roleArn} returned no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** Seeds member account `n` (directly on the emulator, not through the latency proxy). */
export async function seedMember(endpoint: string, n: number): Promise<void> {
  const credentials = await memberCredentials(endpoint, memberRoleArn(n));
  for (const region of SCALE_REGIONS) {
    const config = { region, endpoint, credentials, maxAttempts: 3 };
    const ec2 = new EC2Client(config);
    await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: PER_REGION.instances,
        MaxCount: PER_REGION.instances,
      }),
    );
    await times(PER_REGION.volumes, async () => {
      await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 }));
    });
    await times(PER_REGION.securityGroups, async (i) => {
      await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-${i}`, Description: 'bench' }));
    });
    ec2.destroy();
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    await times(PER_REGION.buckets, async (i) => createBucketIn(s3, `bench-${n}-${region}-${i}`, region));
    s3.destroy();
  }
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 3 });
  await times(USERS, async (i) => {
    await iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` }));
  });
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  await times(ROLES, async (i) => {
    await iam.send(new CreateRoleCommand({ RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: trust }));
  });
  iam.destroy();
}
