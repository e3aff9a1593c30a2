import { EC2Client, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { ec2Arn, mapTags, nameTag, nonEmpty } from './common.js';

export const networkAclsCollector = defineCollector({
  id: 'ec2.network-acls',
  async *collect(ctx) {
    const pages = paginateDescribeNetworkAcls({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const acl of page.NetworkAcls ?? []) {
        const id = acl.NetworkAclId ?? '';
        const tags = mapTags(acl.Tags);
        yield {
          region: ctx.region,
          networkAclId: id,
          arn: ec2Arn(ctx, 'network-acl', id),
          name: nameTag(tags),
          vpcId: acl.VpcId,
          isDefault: acl.IsDefault ?? false,
          entries: (acl.Entries ?? []).map((e) => ({
            ruleNumber: e.RuleNumber ?? 0,
            protocol: e.Protocol ?? '-1',
            ruleAction: e.RuleAction ?? 'deny',
            egress: e.Egress ?? false,
            cidrBlock: nonEmpty(e.CidrBlock),
            ipv6CidrBlock: nonEmpty(e.Ipv6CidrBlock),
            fromPort: e.PortRange?.From,
            toPort: e.PortRange?.To,
          })),
          subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
          tags,
        };
      }
    }
  },
});
