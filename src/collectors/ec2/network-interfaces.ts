import { EC2Client, paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, nonEmpty } from './common.js';

/** Every network interface with its security groups (what "a security group is in use" means). */
export const networkInterfacesCollector = defineCollector({
  id: 'ec2.network-interfaces',
  async *collect(ctx) {
    const pages = paginateDescribeNetworkInterfaces({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const eni of page.NetworkInterfaces ?? []) {
        const id = eni.NetworkInterfaceId ?? '';
        yield {
          region: ctx.region,
          networkInterfaceId: id,
          arn: ec2Arn(ctx, 'network-interface', id),
          status: eni.Status,
          interfaceType: eni.InterfaceType,
          description: nonEmpty(eni.Description),
          vpcId: eni.VpcId,
          subnetId: eni.SubnetId,
          privateIp: eni.PrivateIpAddress,
          instanceId: nonEmpty(eni.Attachment?.InstanceId),
          securityGroupIds: (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
        };
      }
    }
  },
});
