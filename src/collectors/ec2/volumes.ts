import { EC2Client, paginateDescribeVolumes } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, iso, mapTags, nameTag } from './common.js';

export const volumesCollector = defineCollector({
  id: 'ec2.volumes',
  async *collect(ctx) {
    const pages = paginateDescribeVolumes({ client: ctx.client(EC2Client), pageSize: 500 }, {});
    for await (const page of pages) {
      for (const v of page.Volumes ?? []) {
        const id = v.VolumeId ?? '';
        const tags = mapTags(v.Tags);
        yield {
          region: ctx.region,
          volumeId: id,
          arn: ec2Arn(ctx, 'volume', id),
          volumeType: v.VolumeType ?? 'standard',
          sizeGiB: v.Size ?? 0,
          iops: v.Iops,
          throughput: v.Throughput,
          state: v.State ?? 'unknown',
          encrypted: v.Encrypted === true,
          kmsKeyId: v.KmsKeyId,
          snapshotId: v.SnapshotId || undefined,
          createTime: iso(v.CreateTime),
          availabilityZone: v.AvailabilityZone,
          attachments: (v.Attachments ?? []).map((a) => ({
            instanceId: a.InstanceId ?? '',
            device: a.Device,
            state: a.State,
          })),
          tags,
          name: nameTag(tags),
        };
      }
    }
  },
});
