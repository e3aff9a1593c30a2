import { EC2Client, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, mapTags, nameTag } from './common.js';

export const vpcsCollector = defineCollector({
  id: 'ec2.vpcs',
  async *collect(ctx) {
    const pages = paginateDescribeVpcs({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const vpc of page.Vpcs ?? []) {
        const id = vpc.VpcId ?? '';
        const tags = mapTags(vpc.Tags);
        yield {
          region: ctx.region,
          vpcId: id,
          arn: ec2Arn(ctx, 'vpc', id),
          name: nameTag(tags),
          cidrBlock: vpc.CidrBlock,
          isDefault: vpc.IsDefault ?? false,
          state: vpc.State,
          tags,
        };
      }
    }
  },
});
