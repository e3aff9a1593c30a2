import { DescribeAddressesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, mapTags, nonEmpty } from './common.js';

/** Elastic IPs. DescribeAddresses has no paging: one call per region returns all of them. */
export const addressesCollector = defineCollector({
  id: 'ec2.addresses',
  async *collect(ctx) {
    const answer = await ctx.client(EC2Client).send(new DescribeAddressesCommand({}));
    for (const a of answer.Addresses ?? []) {
      const allocationId = nonEmpty(a.AllocationId);
      yield {
        region: ctx.region,
        allocationId,
        publicIp: a.PublicIp ?? '',
        arn: allocationId ? ec2Arn(ctx, 'elastic-ip', allocationId) : undefined,
        domain: a.Domain,
        // moto reports an unassociated address with InstanceId "": normalise to undefined.
        associationId: nonEmpty(a.AssociationId),
        instanceId: nonEmpty(a.InstanceId),
        networkInterfaceId: nonEmpty(a.NetworkInterfaceId),
        tags: mapTags(a.Tags),
      };
    }
  },
});
