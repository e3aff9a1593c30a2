/** Record builders for the EC2 network and ELB check tests (defaults are "good"). */
import type { RecordKinds } from '../core/records.js';

const ACCOUNT = '123456789012';

export function vpc(id: string, extra: Partial<RecordKinds['ec2.vpcs']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    vpcId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${id}`,
    isDefault: false,
    state: 'available',
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.vpcs'];
}

export function flowLog(id: string, resourceId: string, extra: Partial<RecordKinds['ec2.flow-logs']> = {}) {
  return {
    flowLogId: id,
    resourceId,
    flowLogStatus: 'ACTIVE',
    trafficType: 'ALL',
    region: 'us-east-1',
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.flow-logs'];
}

type AclEntry = RecordKinds['ec2.network-acls']['entries'][number];

export function networkAcl(
  id: string,
  entries: Partial<AclEntry>[],
  extra: Partial<RecordKinds['ec2.network-acls']> = {},
) {
  const region = extra.region ?? 'us-east-1';
  return {
    networkAclId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:network-acl/${id}`,
    isDefault: false,
    entries: entries.map((e, i) => ({
      ruleNumber: (i + 1) * 100,
      protocol: '6',
      ruleAction: 'allow',
      egress: false,
      ...e,
    })),
    subnetIds: [],
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.network-acls'];
}

export function networkInterface(
  id: string,
  securityGroupIds: string[],
  extra: Partial<RecordKinds['ec2.network-interfaces']> = {},
) {
  const region = extra.region ?? 'us-east-1';
  return {
    networkInterfaceId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:network-interface/${id}`,
    status: 'in-use',
    securityGroupIds,
    region,
    ...extra,
  } satisfies RecordKinds['ec2.network-interfaces'];
}

export function natGateway(id: string, extra: Partial<RecordKinds['ec2.nat-gateways']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    natGatewayId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:natgateway/${id}`,
    state: 'available',
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.nat-gateways'];
}

export function loadBalancer(
  name: string,
  type: RecordKinds['elb.load-balancers']['type'],
  extra: Partial<RecordKinds['elb.load-balancers']> = {},
) {
  const region = extra.region ?? 'us-east-1';
  const prefix = type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app';
  return {
    loadBalancerName: name,
    arn:
      type === 'classic'
        ? `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/${name}`
        : `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/${prefix}/${name}/50dc6c495c0c9188`,
    type,
    state: type === 'classic' ? undefined : 'active',
    availabilityZones: [`${region}a`, `${region}b`],
    securityGroupIds: [],
    listeners: [],
    accessLogsEnabled: true,
    deletionProtectionEnabled: type === 'classic' ? undefined : true,
    dropInvalidHeaderFields: type === 'application' ? true : undefined,
    healthyTargets: 2,
    registeredTargets: 2,
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['elb.load-balancers'];
}
