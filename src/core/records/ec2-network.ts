/** EC2 network records: VPCs, flow logs, network ACLs, network interfaces, NAT gateways and their metrics. */
import { z } from 'zod';
import { metricPointSchema, recordBaseSchema, tagSchema } from './common.js';

export const ec2VpcSchema = recordBaseSchema.extend({
  vpcId: z.string(),
  arn: z.string(),
  name: z.string().optional(),
  cidrBlock: z.string().optional(),
  isDefault: z.boolean(),
  state: z.string().optional(),
  tags: z.array(tagSchema),
});

export const ec2FlowLogSchema = recordBaseSchema.extend({
  flowLogId: z.string(),
  /** The VPC, subnet or network interface the flow log watches. */
  resourceId: z.string(),
  flowLogStatus: z.string().optional(),
  trafficType: z.string().optional(),
  logDestinationType: z.string().optional(),
  logDestination: z.string().optional(),
  tags: z.array(tagSchema),
});

export const networkAclEntrySchema = z.object({
  ruleNumber: z.number(),
  /** '-1' (all), '6' (TCP), '17' (UDP), … */
  protocol: z.string(),
  ruleAction: z.string(),
  egress: z.boolean(),
  cidrBlock: z.string().optional(),
  ipv6CidrBlock: z.string().optional(),
  /** Absent = every port. */
  fromPort: z.number().optional(),
  toPort: z.number().optional(),
});

export const ec2NetworkAclSchema = recordBaseSchema.extend({
  networkAclId: z.string(),
  arn: z.string(),
  name: z.string().optional(),
  vpcId: z.string().optional(),
  isDefault: z.boolean(),
  entries: z.array(networkAclEntrySchema),
  subnetIds: z.array(z.string()),
  tags: z.array(tagSchema),
});

export const ec2NetworkInterfaceSchema = recordBaseSchema.extend({
  networkInterfaceId: z.string(),
  arn: z.string(),
  status: z.string().optional(),
  interfaceType: z.string().optional(),
  description: z.string().optional(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  privateIp: z.string().optional(),
  instanceId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
});

export const ec2NatGatewaySchema = recordBaseSchema.extend({
  natGatewayId: z.string(),
  arn: z.string(),
  name: z.string().optional(),
  state: z.string().optional(),
  connectivityType: z.string().optional(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  createTime: z.string().optional(),
  tags: z.array(tagSchema),
});

/** Daily `AWS/NATGateway` `BytesOutToDestination` sums over the collection window (30 days). */
export const ec2NatGatewayMetricsSchema = recordBaseSchema.extend({
  natGatewayId: z.string(),
  bytesOutToDestinationDailySum: z.array(metricPointSchema),
});

export type Ec2Vpc = z.infer<typeof ec2VpcSchema>;
export type Ec2FlowLog = z.infer<typeof ec2FlowLogSchema>;
export type NetworkAclEntry = z.infer<typeof networkAclEntrySchema>;
export type Ec2NetworkAcl = z.infer<typeof ec2NetworkAclSchema>;
export type Ec2NetworkInterface = z.infer<typeof ec2NetworkInterfaceSchema>;
export type Ec2NatGateway = z.infer<typeof ec2NatGatewaySchema>;
export type Ec2NatGatewayMetrics = z.infer<typeof ec2NatGatewayMetricsSchema>;
