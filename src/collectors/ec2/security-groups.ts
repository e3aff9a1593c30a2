import { EC2Client, type IpPermission, paginateDescribeSecurityGroups } from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '../../core/records.js';
import { defineCollector } from '../types.js';
import { ec2Arn, mapTags } from './common.js';

function mapRules(permissions: IpPermission[] | undefined): SecurityGroupRule[] {
  return (permissions ?? []).map((p) => ({
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort,
    toPort: p.ToPort,
    ipv4Ranges: (p.IpRanges ?? []).map((r) => r.CidrIp ?? '').filter(Boolean),
    ipv6Ranges: (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? '').filter(Boolean),
    prefixListIds: (p.PrefixListIds ?? []).map((r) => r.PrefixListId ?? '').filter(Boolean),
    referencedGroupIds: (p.UserIdGroupPairs ?? []).map((r) => r.GroupId ?? '').filter(Boolean),
  }));
}

export const securityGroupsCollector = defineCollector({
  id: 'ec2.security-groups',
  async *collect(ctx) {
    const pages = paginateDescribeSecurityGroups({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const g of page.SecurityGroups ?? []) {
        const id = g.GroupId ?? '';
        yield {
          region: ctx.region,
          groupId: id,
          arn: ec2Arn(ctx, 'security-group', id),
          groupName: g.GroupName ?? '',
          description: g.Description,
          vpcId: g.VpcId,
          ingress: mapRules(g.IpPermissions),
          egress: mapRules(g.IpPermissionsEgress),
          tags: mapTags(g.Tags),
        };
      }
    }
  },
});
