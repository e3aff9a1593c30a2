import { EC2Client, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { iso, mapTags } from './common.js';

/** Own AMIs with the snapshots they reference (so orphaned-snapshot checks can exclude them). */
export const imagesCollector = defineCollector({
  id: 'ec2.images',
  async *collect(ctx) {
    const pages = paginateDescribeImages(
      { client: ctx.client(EC2Client), pageSize: 1000 },
      { Owners: ['self'] },
    );
    for await (const page of pages) {
      for (const image of page.Images ?? []) {
        const id = image.ImageId ?? '';
        yield {
          region: ctx.region,
          imageId: id,
          // AMI ARNs carry no account id.
          arn: `arn:${ctx.partition}:ec2:${ctx.region}::image/${id}`,
          name: image.Name,
          state: image.State,
          creationDate: iso(image.CreationDate),
          public: image.Public,
          snapshotIds: (image.BlockDeviceMappings ?? [])
            .map((m) => m.Ebs?.SnapshotId)
            .filter((s): s is string => Boolean(s)),
          tags: mapTags(image.Tags),
        };
      }
    }
  },
});
