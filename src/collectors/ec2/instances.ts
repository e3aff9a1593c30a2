import {
  DescribeInstanceAttributeCommand,
  EC2Client,
  type Instance,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import type { Ec2Instance } from '../../core/records.js';
import { type CollectorContext, defineCollector } from '../types.js';
import { ec2Arn, iso, mapTags, nameTag, nonEmpty } from './common.js';

// AWS writes "GMT"; moto writes "UTC".
const TRANSITION_TIME = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)/;

/** "User initiated (2024-01-02 03:04:05 GMT)" → "2024-01-02T03:04:05.000Z"; undefined otherwise. */
export function parseStateTransitionTime(reason: string | undefined): string | undefined {
  const match = reason ? TRANSITION_TIME.exec(reason) : null;
  if (!match) return undefined;
  return iso(`${match[1]}T${match[2]}Z`);
}

function toRecord(ctx: CollectorContext, i: Instance): Ec2Instance {
  const id = i.InstanceId ?? '';
  const tags = mapTags(i.Tags);
  const reason = nonEmpty(i.StateTransitionReason);
  return {
    region: ctx.region,
    instanceId: id,
    arn: ec2Arn(ctx, 'instance', id),
    instanceType: i.InstanceType ?? 'unknown',
    state: i.State?.Name ?? 'unknown',
    stateTransitionReason: reason,
    stateTransitionTime: parseStateTransitionTime(reason),
    launchTime: iso(i.LaunchTime),
    // AWS sets Platform only for Windows; moto reports "Linux/UNIX" for Linux AMIs.
    platform: i.Platform?.toLowerCase() === 'windows' ? 'windows' : undefined,
    platformDetails: i.PlatformDetails,
    architecture: i.Architecture,
    tags,
    name: nameTag(tags),
    publicIp: nonEmpty(i.PublicIpAddress),
    privateIp: nonEmpty(i.PrivateIpAddress),
    vpcId: nonEmpty(i.VpcId),
    subnetId: nonEmpty(i.SubnetId),
    availabilityZone: i.Placement?.AvailabilityZone,
    iamInstanceProfileArn: i.IamInstanceProfile?.Arn,
    metadataOptions: i.MetadataOptions
      ? {
          httpTokens: i.MetadataOptions.HttpTokens,
          httpEndpoint: i.MetadataOptions.HttpEndpoint,
          httpPutResponseHopLimit: i.MetadataOptions.HttpPutResponseHopLimit,
        }
      : undefined,
    monitoringState: i.Monitoring?.State,
    securityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
    volumeIds: (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.VolumeId ?? '').filter(Boolean),
    imageId: i.ImageId,
    keyName: nonEmpty(i.KeyName),
  };
}

/**
 * Instances, paged (MaxResults counts reservations on moto, instances on AWS: both fine). The
 * termination-protection flag exists only as an instance attribute: the one per-resource call,
 * bounded by ctx.limit and run concurrently for each page.
 */
export const instancesCollector = defineCollector({
  id: 'ec2.instances',
  async *collect(ctx) {
    const client = ctx.client(EC2Client);
    const pages = paginateDescribeInstances({ client, pageSize: 1000 }, {});
    for await (const page of pages) {
      const instances = (page.Reservations ?? []).flatMap((r) => r.Instances ?? []);
      const records = await Promise.all(
        instances.map(async (instance) => {
          const record = toRecord(ctx, instance);
          try {
            const attr = await ctx.limit(() =>
              client.send(
                new DescribeInstanceAttributeCommand({
                  InstanceId: record.instanceId,
                  Attribute: 'disableApiTermination',
                }),
              ),
            );
            record.disableApiTermination = attr.DisableApiTermination?.Value === true;
          } catch (error) {
            record.fieldErrors = {
              disableApiTermination: ctx.fieldError(error, 'DescribeInstanceAttribute'),
            };
          }
          return record;
        }),
      );
      yield* records;
    }
  },
});
