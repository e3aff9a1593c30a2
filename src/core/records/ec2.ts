/** EC2 records (the metrics record comes from CloudWatch). */
import { z } from 'zod';
import { metricPointSchema, recordBaseSchema, tagSchema } from './common.js';

export const ec2InstanceSchema = recordBaseSchema.extend({
  instanceId: z.string(),
  arn: z.string(),
  instanceType: z.string(),
  state: z.string(),
  stateTransitionReason: z.string().optional(),
  /** Parsed from stateTransitionReason, e.g. 'User initiated (2024-01-02 03:04:05 GMT)'. */
  stateTransitionTime: z.string().optional(),
  launchTime: z.string().optional(),
  platform: z.string().optional(),
  platformDetails: z.string().optional(),
  architecture: z.string().optional(),
  tags: z.array(tagSchema),
  name: z.string().optional(),
  publicIp: z.string().optional(),
  privateIp: z.string().optional(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  availabilityZone: z.string().optional(),
  iamInstanceProfileArn: z.string().optional(),
  metadataOptions: z
    .object({
      httpTokens: z.string().optional(),
      httpEndpoint: z.string().optional(),
      httpPutResponseHopLimit: z.number().optional(),
    })
    .optional(),
  monitoringState: z.string().optional(),
  /** From DescribeInstanceAttribute(disableApiTermination); undefined with fieldErrors when it failed. */
  disableApiTermination: z.boolean().optional(),
  securityGroupIds: z.array(z.string()),
  /** Attached EBS volume ids (from block device mappings). */
  volumeIds: z.array(z.string()),
  imageId: z.string().optional(),
  keyName: z.string().optional(),
});

export const ec2VolumeSchema = recordBaseSchema.extend({
  volumeId: z.string(),
  arn: z.string(),
  volumeType: z.string(),
  sizeGiB: z.number(),
  iops: z.number().optional(),
  throughput: z.number().optional(),
  state: z.string(),
  encrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  snapshotId: z.string().optional(),
  createTime: z.string().optional(),
  availabilityZone: z.string().optional(),
  attachments: z.array(
    z.object({
      instanceId: z.string(),
      device: z.string().optional(),
      state: z.string().optional(),
    }),
  ),
  tags: z.array(tagSchema),
  name: z.string().optional(),
});

export const ec2SnapshotSchema = recordBaseSchema.extend({
  snapshotId: z.string(),
  arn: z.string(),
  volumeId: z.string().optional(),
  volumeSizeGiB: z.number(),
  startTime: z.string().optional(),
  state: z.string().optional(),
  encrypted: z.boolean(),
  description: z.string().optional(),
  /** True when createVolumePermission includes group 'all'. */
  public: z.boolean().optional(),
  tags: z.array(tagSchema),
});

export const securityGroupRuleSchema = z.object({
  protocol: z.string(),
  fromPort: z.number().optional(),
  toPort: z.number().optional(),
  ipv4Ranges: z.array(z.string()),
  ipv6Ranges: z.array(z.string()),
  prefixListIds: z.array(z.string()),
  referencedGroupIds: z.array(z.string()),
});

export const ec2SecurityGroupSchema = recordBaseSchema.extend({
  groupId: z.string(),
  arn: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  vpcId: z.string().optional(),
  ingress: z.array(securityGroupRuleSchema),
  egress: z.array(securityGroupRuleSchema),
  tags: z.array(tagSchema),
});

export const ec2AddressSchema = recordBaseSchema.extend({
  allocationId: z.string().optional(),
  publicIp: z.string(),
  arn: z.string().optional(),
  domain: z.string().optional(),
  /** Normalised: undefined when unassociated (moto reports ''). */
  associationId: z.string().optional(),
  instanceId: z.string().optional(),
  networkInterfaceId: z.string().optional(),
  tags: z.array(tagSchema),
});

export const ec2ImageSchema = recordBaseSchema.extend({
  imageId: z.string(),
  arn: z.string(),
  name: z.string().optional(),
  state: z.string().optional(),
  creationDate: z.string().optional(),
  public: z.boolean().optional(),
  /** Snapshot ids referenced by the AMI's block device mappings. */
  snapshotIds: z.array(z.string()),
  tags: z.array(tagSchema),
});

/** One per region: EBS encryption by default. */
export const ebsEncryptionDefaultSchema = recordBaseSchema.extend({
  enabled: z.boolean(),
});

/** CloudWatch metrics of one EC2 instance over the collection window (14 days by default). */
export const ec2InstanceMetricsSchema = recordBaseSchema.extend({
  instanceId: z.string(),
  cpuDailyAverage: z.array(metricPointSchema),
  cpuDailyMaximum: z.array(metricPointSchema),
  networkInDailySum: z.array(metricPointSchema),
  networkOutDailySum: z.array(metricPointSchema),
  /** CWAgent mem_used_percent daily average; empty when the agent publishes nothing. */
  memUsedDailyAverage: z.array(metricPointSchema),
  memUsedDailyMaximum: z.array(metricPointSchema).optional(),
});

export type Ec2Instance = z.infer<typeof ec2InstanceSchema>;
export type Ec2Volume = z.infer<typeof ec2VolumeSchema>;
export type Ec2Snapshot = z.infer<typeof ec2SnapshotSchema>;
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;
export type Ec2SecurityGroup = z.infer<typeof ec2SecurityGroupSchema>;
export type Ec2Address = z.infer<typeof ec2AddressSchema>;
export type Ec2Image = z.infer<typeof ec2ImageSchema>;
export type EbsEncryptionDefault = z.infer<typeof ebsEncryptionDefaultSchema>;
export type Ec2InstanceMetrics = z.infer<typeof ec2InstanceMetricsSchema>;
