/** EC2: instances, volumes, snapshots, security groups, Elastic IPs, AMIs, default encryption, metrics, and the network (./ec2/network.ts). */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import {
  ebsEncryptionDefaultSchema,
  ec2AddressSchema,
  ec2ImageSchema,
  ec2InstanceMetricsSchema,
  ec2InstanceSchema,
  ec2SecurityGroupSchema,
  ec2SnapshotSchema,
  ec2VolumeSchema,
} from '../records/ec2.js';
import { NETWORK_COLLECTORS } from './ec2/network.js';

const instances = defineCollectorDescriptor({
  id: 'ec2.instances',
  label: { ko: '인스턴스', en: 'Instances' },
  scope: 'regional',
  record: ec2InstanceSchema,
  resource: { idFields: ['instanceId'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  metrics: 'ec2.instance-metrics',
  columns: [
    column.mono('instanceType', L.type),
    column.state('state'),
    column.region,
    column.text('availabilityZone', L.zone),
    column.date('launchTime', { ko: '시작 시각', en: 'Launched' }),
    column.mono('publicIp', { ko: '퍼블릭 IP', en: 'Public IP' }),
    column.mono('privateIp', { ko: '프라이빗 IP', en: 'Private IP' }),
    column.tags,
  ],
  iamActions: ['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute'],
});

const volumes = defineCollectorDescriptor({
  id: 'ec2.volumes',
  label: { ko: '볼륨', en: 'Volumes' },
  scope: 'regional',
  record: ec2VolumeSchema,
  resource: { idFields: ['volumeId'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.mono('volumeType', L.type),
    column.number('sizeGiB', L.size),
    column.state('state'),
    column.yesNo('encrypted', L.encrypted, true),
    { kind: 'pluck', field: 'attachments', key: 'instanceId', label: { ko: '연결 대상', en: 'Attached to' } },
    column.region,
    column.date('createTime', L.created),
    column.tags,
  ],
  iamActions: ['ec2:DescribeVolumes'],
});

const snapshots = defineCollectorDescriptor({
  id: 'ec2.snapshots',
  label: { ko: '스냅샷', en: 'Snapshots' },
  scope: 'regional',
  record: ec2SnapshotSchema,
  resource: { idFields: ['snapshotId'], arnField: 'arn' },
  inventory: true,
  diff: true,
  columns: [
    column.mono('volumeId', { ko: '볼륨', en: 'Volume' }),
    column.number('volumeSizeGiB', L.size),
    column.state('state'),
    column.yesNo('encrypted', L.encrypted, true),
    column.yesNo('public', L.public, false),
    column.region,
    column.date('startTime', L.created),
    column.tags,
  ],
  iamActions: ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
});

const securityGroups = defineCollectorDescriptor({
  id: 'ec2.security-groups',
  label: { ko: '보안 그룹', en: 'Security groups' },
  scope: 'regional',
  record: ec2SecurityGroupSchema,
  resource: { idFields: ['groupId'], arnField: 'arn', nameField: 'groupName' },
  inventory: true,
  diff: true,
  columns: [
    column.text('groupName', L.name),
    column.mono('vpcId', L.vpc),
    column.count('ingress', { ko: '인바운드 규칙', en: 'Inbound rules' }),
    column.count('egress', { ko: '아웃바운드 규칙', en: 'Outbound rules' }),
    column.region,
    column.text('description', L.description),
  ],
  iamActions: ['ec2:DescribeSecurityGroups'],
});

const addresses = defineCollectorDescriptor({
  id: 'ec2.addresses',
  label: { ko: '탄력적 IP', en: 'Elastic IPs' },
  scope: 'regional',
  record: ec2AddressSchema,
  resource: { idFields: ['allocationId', 'publicIp'], arnField: 'arn' },
  inventory: true,
  diff: true,
  columns: [
    column.mono('allocationId', { ko: '식별자', en: 'ID' }),
    column.mono('instanceId', L.instance),
    { kind: 'present', field: 'associationId', label: { ko: '연결됨', en: 'Associated' } },
    column.region,
    column.tags,
  ],
  iamActions: ['ec2:DescribeAddresses'],
});

const images = defineCollectorDescriptor({
  id: 'ec2.images',
  label: { ko: '이미지(AMI)', en: 'Images (AMIs)' },
  scope: 'regional',
  record: ec2ImageSchema,
  resource: { idFields: ['imageId'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.text('name', L.name),
    column.state('state'),
    column.yesNo('public', L.public, false),
    column.count('snapshotIds', L.attachments),
    column.region,
    column.date('creationDate', L.created),
  ],
  iamActions: ['ec2:DescribeImages'],
});

const ebsEncryptionDefault = defineCollectorDescriptor({
  id: 'ec2.ebs-encryption-default',
  label: { ko: 'EBS 기본 암호화', en: 'EBS default encryption' },
  scope: 'regional',
  record: ebsEncryptionDefaultSchema,
  resource: { idFields: ['region'], findingId: 'ebs-encryption-default@{region}' },
  inventory: false,
  diff: true,
  columns: [column.yesNo('enabled', L.enabled, true)],
  iamActions: ['ec2:GetEbsEncryptionByDefault'],
});

const instanceMetrics = defineCollectorDescriptor({
  id: 'ec2.instance-metrics',
  label: { ko: '인스턴스 지표', en: 'Instance metrics' },
  scope: 'regional',
  record: ec2InstanceMetricsSchema,
  resource: { idFields: ['instanceId'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  dependsOn: ['ec2.instances'],
});

export const ec2 = defineService({
  id: 'ec2',
  name: 'EC2',
  fullName: 'Amazon EC2',
  costExplorerService: 'Amazon Elastic Compute Cloud - Compute',
  collectors: [
    instances,
    volumes,
    snapshots,
    securityGroups,
    addresses,
    images,
    ebsEncryptionDefault,
    instanceMetrics,
    ...NETWORK_COLLECTORS,
  ],
});
