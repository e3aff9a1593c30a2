import { DescribeSnapshotAttributeCommand, EC2Client, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import type { Ec2Snapshot } from '../../core/records.js';
import { defineCollector } from '../types.js';
import { ec2Arn, iso, mapTags } from './common.js';

/**
 * Own snapshots. Whether one is public needs DescribeSnapshotAttribute(createVolumePermission)
 * per snapshot, bounded by ctx.limit. (AWS also answers DescribeSnapshots with
 * RestorableByUserIds=['all'] in one paged call, but moto ignores that parameter and would mark
 * every snapshot public, so the per-snapshot call is the one that can be tested.)
 */
export const snapshotsCollector = defineCollector({
  id: 'ec2.snapshots',
  async *collect(ctx) {
    const client = ctx.client(EC2Client);
    const pages = paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] });
    for await (const page of pages) {
      const records = await Promise.all(
        (page.Snapshots ?? []).map(async (s): Promise<Ec2Snapshot> => {
          const id = s.SnapshotId ?? '';
          const record: Ec2Snapshot = {
            region: ctx.region,
            snapshotId: id,
            arn: ec2Arn(ctx, 'snapshot', id),
            volumeId: s.VolumeId || undefined,
            volumeSizeGiB: s.VolumeSize ?? 0,
            startTime: iso(s.StartTime),
            state: s.State,
            encrypted: s.Encrypted === true,
            description: s.Description,
            tags: mapTags(s.Tags),
          };
          try {
            const attr = await ctx.limit(() =>
              client.send(
                new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }),
              ),
            );
            record.public = (attr.CreateVolumePermissions ?? []).some((p) => p.Group === 'all');
          } catch (error) {
            record.fieldErrors = { public: ctx.fieldError(error, 'DescribeSnapshotAttribute') };
          }
          return record;
        }),
      );
      yield* records;
    }
  },
});
