/** EC2 network collectors: VPCs, flow logs, network ACLs, network interfaces, NAT gateways and their metrics. */
import { column, COLUMN_LABELS as L } from '../../columns.js';
import { defineCollectorDescriptor, defineRegionalResources } from '../../descriptor.js';
import {
  ec2FlowLogSchema,
  ec2NatGatewayMetricsSchema,
  ec2NatGatewaySchema,
  ec2NetworkAclSchema,
  ec2NetworkInterfaceSchema,
  ec2VpcSchema,
} from '../../records/ec2-network.js';

export const vpcs = defineRegionalResources({
  id: 'ec2.vpcs',
  label: { ko: 'VPC', en: 'VPCs' },
  record: ec2VpcSchema,
  resource: { idFields: ['vpcId'], arnField: 'arn', nameField: 'name' },
  columns: [
    column.text('name', L.name),
    column.mono('cidrBlock', { ko: 'CIDR 블록', en: 'CIDR block' }),
    column.yesNo('isDefault', { ko: '기본 VPC', en: 'Default VPC' }),
    column.state('state'),
    column.region,
    column.tags,
  ],
  iamActions: ['ec2:DescribeVpcs'],
});

export const flowLogs = defineCollectorDescriptor({
  id: 'ec2.flow-logs',
  label: { ko: '흐름 로그', en: 'Flow logs' },
  scope: 'regional',
  record: ec2FlowLogSchema,
  resource: { idFields: ['flowLogId'] },
  inventory: false,
  diff: true,
  columns: [
    column.mono('resourceId', { ko: '대상 리소스', en: 'Watched resource' }),
    column.state('flowLogStatus', L.status),
    column.text('trafficType', { ko: '트래픽 유형', en: 'Traffic type' }),
    column.text('logDestinationType', { ko: '저장 위치 유형', en: 'Destination type' }),
    column.region,
  ],
  iamActions: ['ec2:DescribeFlowLogs'],
});

export const networkAcls = defineRegionalResources({
  id: 'ec2.network-acls',
  label: { ko: '네트워크 ACL', en: 'Network ACLs' },
  record: ec2NetworkAclSchema,
  resource: { idFields: ['networkAclId'], arnField: 'arn', nameField: 'name' },
  columns: [
    column.text('name', L.name),
    column.mono('vpcId', L.vpc),
    column.yesNo('isDefault', { ko: '기본 ACL', en: 'Default ACL' }),
    column.count('entries', { ko: '규칙 수', en: 'Entries' }),
    column.count('subnetIds', { ko: '서브넷 수', en: 'Subnets' }),
    column.region,
  ],
  iamActions: ['ec2:DescribeNetworkAcls'],
});

export const networkInterfaces = defineRegionalResources({
  id: 'ec2.network-interfaces',
  label: { ko: '네트워크 인터페이스', en: 'Network interfaces' },
  record: ec2NetworkInterfaceSchema,
  resource: { idFields: ['networkInterfaceId'], arnField: 'arn' },
  columns: [
    column.text('interfaceType', L.type),
    column.state('status', L.status),
    column.mono('vpcId', L.vpc),
    column.mono('instanceId', L.instance),
    column.mono('privateIp', { ko: '프라이빗 IP', en: 'Private IP' }),
    column.joined('securityGroupIds', { ko: '보안 그룹', en: 'Security groups' }),
    column.region,
    column.text('description', L.description),
  ],
  iamActions: ['ec2:DescribeNetworkInterfaces'],
});

export const natGateways = defineRegionalResources({
  id: 'ec2.nat-gateways',
  label: { ko: 'NAT 게이트웨이', en: 'NAT gateways' },
  record: ec2NatGatewaySchema,
  resource: { idFields: ['natGatewayId'], arnField: 'arn', nameField: 'name' },
  metrics: 'ec2.nat-gateway-metrics',
  columns: [
    column.text('name', L.name),
    column.state('state'),
    column.text('connectivityType', { ko: '연결 유형', en: 'Connectivity' }),
    column.mono('vpcId', L.vpc),
    column.mono('subnetId', { ko: '서브넷', en: 'Subnet' }),
    column.region,
    column.date('createTime', L.created),
    column.tags,
  ],
  iamActions: ['ec2:DescribeNatGateways'],
});

export const natGatewayMetrics = defineCollectorDescriptor({
  id: 'ec2.nat-gateway-metrics',
  label: { ko: 'NAT 게이트웨이 지표', en: 'NAT gateway metrics' },
  scope: 'regional',
  record: ec2NatGatewayMetricsSchema,
  resource: { idFields: ['natGatewayId'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: ['ec2.nat-gateways'],
});

export const NETWORK_COLLECTORS = [
  vpcs,
  flowLogs,
  networkAcls,
  networkInterfaces,
  natGateways,
  natGatewayMetrics,
] as const;
