/**
 * "A week later" for `npm run demo`: the team fixed some findings and made new mistakes, so the
 * demo's second collection and advisor run give the dashboard trends two points, and the
 * collection diff and the advisor comparison have added, removed, changed, new and resolved items.
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteVolumeCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  PutBucketEncryptionCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createBucketIn, type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

export interface DemoChanges {
  /** Bucket whose findings are fixed (encryption, versioning, Block Public Access). */
  fixedBucket: string;
  /** Unattached volume that was deleted. */
  deletedVolumeId: string;
  /** New security group open to the world on SSH. */
  openGroupId: string;
  /** New bucket with none of the good settings. */
  newBucket: string;
}

/** Applies the week's changes in `fixRegion` (fixes) and `breakRegion` (new problems). */
export async function applyDemoChanges(
  target: EmulatorTarget,
  accountId: string,
  fixRegion: string,
  breakRegion: string,
): Promise<DemoChanges> {
  const s3 = new S3Client(emulatorClientConfig(target, fixRegion));
  const fixedBucket = `demo-logs-${fixRegion}-${accountId}`;
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: fixedBucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: fixedBucket, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: fixedBucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );

  const ec2 = new EC2Client(emulatorClientConfig(target, fixRegion));
  const scratch = await ec2.send(
    new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['forgotten-scratch'] }] }),
  );
  const deletedVolumeId = scratch.Volumes?.[0]?.VolumeId;
  if (!deletedVolumeId)
    throw new Error(`no forgotten-scratch volume in ${fixRegion}: seed the demo account first`);
  await ec2.send(new DeleteVolumeCommand({ VolumeId: deletedVolumeId }));

  const breakEc2 = new EC2Client(emulatorClientConfig(target, breakRegion));
  const group = await breakEc2.send(
    new CreateSecurityGroupCommand({
      GroupName: 'debug-ssh',
      Description: 'again-console demo: temporary debugging',
    }),
  );
  const openGroupId = group.GroupId ?? '';
  await breakEc2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: openGroupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  const newBucket = `demo-uploads-${breakRegion}-${accountId}`;
  const breakS3 = new S3Client(emulatorClientConfig(target, breakRegion));
  await createBucketIn(breakS3, newBucket, breakRegion);

  for (const client of [s3, ec2, breakEc2, breakS3]) client.destroy();
  return { fixedBucket, deletedVolumeId, openGroupId, newBucket };
}
