/**
 * Demo EC2 estate for one region: instances that pass and fail the advisor (busy, idle, hot,
 * stopped for months), open and closed security groups, volumes, snapshots, Elastic IPs, an AMI,
 * and 14 days of hourly CPU and network metrics.
 */
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  type _InstanceType,
  AllocateAddressCommand,
  AssociateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateImageCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  EC2Client,
  type IpPermission,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { backdate, type EmulatorTarget, emulatorClientConfig, putMetrics } from './demo-seed-aws.js';

const HOUR_MS = 3_600_000;
export const METRIC_DAYS = 14;

interface InstanceSpec {
  name: string;
  type: _InstanceType;
  imdsv2: boolean;
  protectedAndMonitored: boolean;
  /** Average CPU % of its metrics; undefined = no metrics (stopped). */
  cpu?: number;
  /** Bytes per hour in and out. */
  network?: number;
}

const INSTANCES: InstanceSpec[] = [
  { name: 'web-1', type: 'm5.large', imdsv2: true, protectedAndMonitored: true, cpu: 55, network: 5e8 },
  {
    name: 'legacy-batch',
    type: 'm4.large',
    imdsv2: false,
    protectedAndMonitored: false,
    cpu: 1.5,
    network: 1e4,
  },
  { name: 'hot-api', type: 't3.micro', imdsv2: true, protectedAndMonitored: false, cpu: 96, network: 2e8 },
  { name: 'old-reporting', type: 't3.small', imdsv2: false, protectedAndMonitored: false },
];

const WORLD: Pick<IpPermission, 'IpRanges'> = { IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
const GROUPS: { name: string; rules: IpPermission[] }[] = [
  { name: 'demo-web-https', rules: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, ...WORLD }] },
  { name: 'demo-ssh-open', rules: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, ...WORLD }] },
  { name: 'demo-mysql-open', rules: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, ...WORLD }] },
  { name: 'demo-all-open', rules: [{ IpProtocol: '-1', ...WORLD }] },
];

const tags = (name: string) => [
  { Key: 'Name', Value: name },
  { Key: 'env', Value: 'demo' },
];

export interface Ec2SeedResult {
  instances: Record<string, string>;
}

export async function seedEc2Region(
  target: EmulatorTarget,
  region: string,
  now: Date,
): Promise<Ec2SeedResult> {
  const ec2 = new EC2Client(emulatorClientConfig(target, region));
  const instances: Record<string, string> = {};
  for (const spec of INSTANCES) {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: spec.type,
        MinCount: 1,
        MaxCount: 1,
        MetadataOptions: { HttpTokens: spec.imdsv2 ? 'required' : 'optional' },
        Monitoring: { Enabled: spec.protectedAndMonitored },
        DisableApiTermination: spec.protectedAndMonitored,
        TagSpecifications: [{ ResourceType: 'instance', Tags: tags(spec.name) }],
      }),
    );
    const id = run.Instances?.[0]?.InstanceId;
    if (!id) throw new Error(`RunInstances returned no instance for ${spec.name}`);
    instances[spec.name] = id;
  }
  const stopped = instances['old-reporting'] ?? '';
  await ec2.send(new StopInstancesCommand({ InstanceIds: [stopped] }));
  await backdate(target, { kind: 'instance', id: stopped, days: 75, region });

  for (const group of GROUPS) {
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: group.name,
        Description: `again-console demo: ${group.name}`,
      }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: group.rules }),
    );
  }

  const volume = async (name: string, size: number, type: 'gp2' | 'gp3', encrypted: boolean) =>
    (
      await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: `${region}a`,
          Size: size,
          VolumeType: type,
          Encrypted: encrypted,
          TagSpecifications: [{ ResourceType: 'volume', Tags: tags(name) }],
        }),
      )
    ).VolumeId ?? '';
  const unattachedGp2 = await volume('forgotten-scratch', 200, 'gp2', false);
  await volume('spare-encrypted', 50, 'gp3', true);

  // An old snapshot of a live volume, an orphan (its volume is gone) and a public one.
  const old = await ec2.send(
    new CreateSnapshotCommand({ VolumeId: unattachedGp2, Description: 'nightly (old)' }),
  );
  await backdate(target, { kind: 'snapshot', id: old.SnapshotId ?? '', days: 400, region });
  const doomed = await volume('decommissioned-data', 80, 'gp2', false);
  await ec2.send(new CreateSnapshotCommand({ VolumeId: doomed, Description: 'before decommission' }));
  await ec2.send(new DeleteVolumeCommand({ VolumeId: doomed }));
  const shared = await ec2.send(
    new CreateSnapshotCommand({ VolumeId: unattachedGp2, Description: 'shared' }),
  );
  await ec2.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: shared.SnapshotId,
      Attribute: 'createVolumePermission',
      OperationType: 'add',
      GroupNames: ['all'],
    }),
  );

  const attached = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  await ec2.send(
    new AssociateAddressCommand({ AllocationId: attached.AllocationId, InstanceId: instances['web-1'] }),
  );
  await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })); // idle: costs money, does nothing
  await ec2.send(new CreateImageCommand({ InstanceId: instances['web-1'], Name: `demo-golden-${region}` }));
  ec2.destroy();

  await putMetrics(target, region, 'AWS/EC2', ec2Metrics(instances, now));
  return { instances };
}

/** Hourly CPU (with a daily swing, peaks +20 %) and network for 14 days per running instance. */
function ec2Metrics(instances: Record<string, string>, now: Date): MetricDatum[] {
  const datums: MetricDatum[] = [];
  for (const spec of INSTANCES) {
    const id = instances[spec.name];
    if (!id || spec.cpu === undefined) continue;
    const Dimensions = [{ Name: 'InstanceId', Value: id }];
    for (let hour = 1; hour <= METRIC_DAYS * 24; hour++) {
      const Timestamp = new Date(now.getTime() - hour * HOUR_MS);
      const swing = Math.sin((hour / 24) * 2 * Math.PI);
      const cpu = Math.min(100, Math.max(0, spec.cpu * (1 + swing * 0.03)));
      const net = (spec.network ?? 0) * (1 + swing * 0.2);
      datums.push(
        { MetricName: 'CPUUtilization', Dimensions, Timestamp, Value: cpu, Unit: 'Percent' },
        { MetricName: 'NetworkIn', Dimensions, Timestamp, Value: net, Unit: 'Bytes' },
        { MetricName: 'NetworkOut', Dimensions, Timestamp, Value: net / 2, Unit: 'Bytes' },
      );
    }
  }
  return datums;
}
