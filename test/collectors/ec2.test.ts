import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateImageCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifyInstanceAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import type { RunCollectionResult } from '../../src/core/collection-run.js';
import type { RecordKinds } from '../../src/core/records.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const A = 'eu-west-1';
const B = 'ap-northeast-2';
const ACCOUNT = '123456789012';

interface Seeded {
  running: string;
  stopped: string;
  protectedId: string;
  instanceB: string;
  gp2Volume: string;
  encryptedVolume: string;
  publicSnapshot: string;
  privateSnapshot: string;
  groupId: string;
  freeAllocation: string;
  usedAllocation: string;
  imageId: string;
}

async function seed(): Promise<Seeded> {
  const a = new EC2Client(motoClientConfig(A));
  const b = new EC2Client(motoClientConfig(B));
  const run = await a.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 't3.micro',
      MinCount: 3,
      MaxCount: 3,
      MetadataOptions: { HttpTokens: 'required' },
      Monitoring: { Enabled: true },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    }),
  );
  const [running, stopped, protectedId] = (run.Instances ?? []).map((i) => i.InstanceId ?? '');
  if (!running || !stopped || !protectedId) throw new Error('seed: RunInstances returned too few instances');
  await a.send(new StopInstancesCommand({ InstanceIds: [stopped] }));
  await a.send(
    new ModifyInstanceAttributeCommand({ InstanceId: protectedId, DisableApiTermination: { Value: true } }),
  );
  const runB = await b.send(
    new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }),
  );
  const gp2 = await a.send(
    new CreateVolumeCommand({ AvailabilityZone: `${A}a`, Size: 100, VolumeType: 'gp2' }),
  );
  const enc = await a.send(
    new CreateVolumeCommand({ AvailabilityZone: `${A}b`, Size: 20, VolumeType: 'gp3', Encrypted: true }),
  );
  const pub = await a.send(new CreateSnapshotCommand({ VolumeId: gp2.VolumeId, Description: 'public one' }));
  const priv = await a.send(new CreateSnapshotCommand({ VolumeId: enc.VolumeId }));
  await a.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: pub.SnapshotId,
      Attribute: 'createVolumePermission',
      OperationType: 'add',
      GroupNames: ['all'],
    }),
  );
  const sg = await a.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-open', Description: 'ssh' }));
  await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sg.GroupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  const free = await a.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const used = await a.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  await a.send(new AssociateAddressCommand({ AllocationId: used.AllocationId, InstanceId: running }));
  const image = await a.send(new CreateImageCommand({ InstanceId: running, Name: 'golden' }));
  await a.send(new EnableEbsEncryptionByDefaultCommand({}));
  return {
    running,
    stopped,
    protectedId,
    instanceB: runB.Instances?.[0]?.InstanceId ?? '',
    gp2Volume: gp2.VolumeId ?? '',
    encryptedVolume: enc.VolumeId ?? '',
    publicSnapshot: pub.SnapshotId ?? '',
    privateSnapshot: priv.SnapshotId ?? '',
    groupId: sg.GroupId ?? '',
    freeAllocation: free.AllocationId ?? '',
    usedAllocation: used.AllocationId ?? '',
    imageId: image.ImageId ?? '',
  };
}

function records<K extends keyof RecordKinds>(result: RunCollectionResult, id: K): RecordKinds[K][] {
  const doc = result.documents.find((d) => d.service === 'ec2');
  return (doc?.data[id] ?? []) as RecordKinds[K][];
}

describe('EC2 collectors against the emulator (2 regions)', () => {
  let seeded: Seeded;
  let result: RunCollectionResult;

  beforeAll(async () => {
    await resetMoto();
    seeded = await seed();
    result = await createRunCollection()({
      credentials: testCredentials,
      accountId: ACCOUNT,
      endpoint: motoEndpoint(),
      request: { services: ['ec2'], regions: [A, B] },
    });
  });

  it('collects every EC2 kind in both regions without errors', () => {
    expect(result.outcome.errors).toEqual([]);
    expect(result.outcome.regions).toEqual([A, B]);
    const instances = records(result, 'ec2.instances');
    expect(instances.filter((i) => i.region === A)).toHaveLength(3);
    expect(instances.filter((i) => i.region === B).map((i) => i.instanceId)).toEqual([seeded.instanceB]);
    expect(result.outcome.resourceCounts['ec2.instances']).toBe(4);
    expect(result.outcome.results['ec2.instances']?.[A]).toMatchObject({ status: 'ok', count: 3 });
    expect(result.outcome.results['ec2.instances']?.[B]).toMatchObject({ status: 'ok', count: 1 });
  });

  it('maps instance fields, state transition time and termination protection', () => {
    const byId = new Map(records(result, 'ec2.instances').map((i) => [i.instanceId, i]));
    const running = byId.get(seeded.running);
    expect(running).toMatchObject({
      region: A,
      instanceType: 't3.micro',
      state: 'running',
      name: 'web',
      monitoringState: 'enabled',
      metadataOptions: { httpTokens: 'required' },
      disableApiTermination: false,
      arn: `arn:aws:ec2:${A}:${ACCOUNT}:instance/${seeded.running}`,
    });
    expect(running?.platform).toBeUndefined();
    expect(running?.volumeIds.length).toBeGreaterThan(0);
    const stopped = byId.get(seeded.stopped);
    expect(stopped?.state).toBe('stopped');
    expect(stopped?.stateTransitionReason).toMatch(/User initiated/);
    expect(Date.parse(stopped?.stateTransitionTime ?? '')).toBeGreaterThan(Date.now() - 3_600_000);
    expect(byId.get(seeded.protectedId)?.disableApiTermination).toBe(true);
    expect(byId.get(seeded.instanceB)).toMatchObject({ region: B, instanceType: 'm5.large' });
  });

  it('collects volumes, snapshots with their public flag, and AMIs with their snapshots', () => {
    const volumes = new Map(records(result, 'ec2.volumes').map((v) => [v.volumeId, v]));
    expect(volumes.get(seeded.gp2Volume)).toMatchObject({
      volumeType: 'gp2',
      sizeGiB: 100,
      encrypted: false,
      state: 'available',
      attachments: [],
    });
    expect(volumes.get(seeded.encryptedVolume)).toMatchObject({ volumeType: 'gp3', encrypted: true });
    // Root volumes of the 4 instances are attached to them.
    const attached = [...volumes.values()].filter((v) => v.attachments.length > 0);
    expect(attached.map((v) => v.attachments[0]?.instanceId)).toEqual(
      expect.arrayContaining([seeded.running, seeded.instanceB]),
    );
    const snapshots = new Map(records(result, 'ec2.snapshots').map((s) => [s.snapshotId, s]));
    expect(snapshots.get(seeded.publicSnapshot)).toMatchObject({ public: true, volumeId: seeded.gp2Volume });
    expect(snapshots.get(seeded.privateSnapshot)).toMatchObject({ public: false, encrypted: true });
    const image = records(result, 'ec2.images').find((i) => i.imageId === seeded.imageId);
    expect(image).toMatchObject({ region: A, name: 'golden' });
    for (const id of image?.snapshotIds ?? []) expect(snapshots.has(id)).toBe(true);
    expect(image?.snapshotIds.length).toBeGreaterThan(0);
  });

  it('collects security group rules, Elastic IPs (normalised) and EBS default encryption per region', () => {
    const group = records(result, 'ec2.security-groups').find((g) => g.groupId === seeded.groupId);
    expect(group?.ingress).toEqual([
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ipv4Ranges: ['0.0.0.0/0'],
        ipv6Ranges: [],
        prefixListIds: [],
        referencedGroupIds: [],
      },
    ]);
    expect(
      records(result, 'ec2.security-groups').some((g) => g.region === B && g.groupName === 'default'),
    ).toBe(true);
    const addresses = new Map(records(result, 'ec2.addresses').map((a) => [a.allocationId, a]));
    expect(addresses.get(seeded.freeAllocation)?.instanceId).toBeUndefined();
    expect(addresses.get(seeded.freeAllocation)?.associationId).toBeUndefined();
    expect(addresses.get(seeded.usedAllocation)?.instanceId).toBe(seeded.running);
    const encryption = records(result, 'ec2.ebs-encryption-default');
    expect(encryption).toEqual([
      { region: A, enabled: true },
      { region: B, enabled: false },
    ]);
  });

  it('counts API calls by Service.Operation: pages plus one attribute call per instance/snapshot', () => {
    const calls = result.outcome.apiCalls ?? {};
    expect(calls['EC2.DescribeInstanceAttribute']).toBe(4);
    expect(calls['EC2.DescribeRegions']).toBe(1);
    expect(calls['EC2.DescribeInstances']).toBe(2);
    const snapshotCount = records(result, 'ec2.snapshots').length;
    expect(calls['EC2.DescribeSnapshotAttribute']).toBe(snapshotCount);
  });
});
