import { EC2Client, paginateDescribeNatGateways } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, iso, mapTags, nameTag } from './common.js';

export const natGatewaysCollector = defineCollector({
  id: 'ec2.nat-gateways',
  async *collect(ctx) {
    const pages = paginateDescribeNatGateways({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const nat of page.NatGateways ?? []) {
        const id = nat.NatGatewayId ?? '';
        const tags = mapTags(nat.Tags);
        yield {
          region: ctx.region,
          natGatewayId: id,
          arn: ec2Arn(ctx, 'natgateway', id),
          name: nameTag(tags),
          state: nat.State,
          connectivityType: nat.ConnectivityType,
          vpcId: nat.VpcId,
          subnetId: nat.SubnetId,
          createTime: iso(nat.CreateTime),
          tags,
        };
      }
    }
  },
});
