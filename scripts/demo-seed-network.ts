/**
 * Demo seeding for the network checks (VPC flow logs, default security group, network ACLs,
 * security groups in use, instance profiles, public AMIs, idle NAT gateways) and Elastic Load
 * Balancing: one resource in the desired state and one not, per check and region. The end-to-end
 * tests of both services seed with these functions too.
 */
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  AllocateAddressCommand,
  CreateFlowLogsCommand,
  CreateImageCommand,
  CreateNatGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand as CreateClassicCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  type Action,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  ModifyLoadBalancerAttributesCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  IAMClient,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { createBucketIn, type EmulatorTarget, emulatorClientConfig, putMetrics } from './demo-seed-aws.js';

const DAY_MS = 86_400_000;

export interface SeededNetwork {
  vpcId: string;
  subnetIds: [string, string];
  zones: [string, string];
  webGroupId: string;
  unusedGroupId: string;
  appInstanceId: string;
  publicImageId: string;
  openAclId: string;
  closedAclId: string;
  idleNatId: string;
  busyNatId: string;
  logBucket: string;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the emulator returned no ${what}`);
  return value;
}

/** Daily points over 14 days, one value for each (for AWS/NATGateway, AWS/ApplicationELB, AWS/ELB). */
function daily(
  metricName: string,
  dimensions: { Name: string; Value: string }[],
  value: number,
  now: Date,
): MetricDatum[] {
  return Array.from({ length: 14 }, (_, i) => ({
    MetricName: metricName,
    Dimensions: dimensions,
    Timestamp: new Date(now.getTime() - (i + 1) * DAY_MS),
    Value: value,
    Unit: metricName.startsWith('Bytes') ? 'Bytes' : 'Count',
  }));
}

async function instanceProfile(target: EmulatorTarget, region: string): Promise<string> {
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  const name = `demo-app-${region}`;
  await iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: name }));
  iam.destroy();
  return name;
}

export async function seedNetworkRegion(
  target: EmulatorTarget,
  region: string,
  now: Date,
): Promise<SeededNetwork> {
  const ec2 = new EC2Client(emulatorClientConfig(target, region));
  const tag = (type: 'vpc' | 'natgateway' | 'security-group', name: string) => [
    { ResourceType: type, Tags: [{ Key: 'Name', Value: name }] },
  ];
  const vpcId = must(
    (
      await ec2.send(
        new CreateVpcCommand({ CidrBlock: '10.20.0.0/16', TagSpecifications: tag('vpc', 'demo-app') }),
      )
    ).Vpc?.VpcId,
    'VPC',
  );
  const zoneNames = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
  const zones = [must(zoneNames[0]?.ZoneName, 'zone'), must(zoneNames[1]?.ZoneName, 'zone')] as [
    string,
    string,
  ];
  const subnet = async (cidr: string, zone: string) =>
    must(
      (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone })))
        .Subnet?.SubnetId,
      'subnet',
    );
  const subnetIds = [await subnet('10.20.1.0/24', zones[0]), await subnet('10.20.2.0/24', zones[1])] as [
    string,
    string,
  ];

  // Flow logs on the app VPC; the default VPC keeps none.
  const logBucket = `demo-flow-logs-${region}`;
  await createBucketIn(new S3Client(emulatorClientConfig(target, region)), logBucket, region);
  await ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpcId],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 's3',
      LogDestination: `arn:aws:s3:::${logBucket}`,
    }),
  );

  // The app VPC's default security group loses its rules; the default VPC's keeps them.
  const defaults = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  const stock = must(defaults.SecurityGroups?.[0], 'default security group');
  if (stock.IpPermissions?.length)
    await ec2.send(
      new RevokeSecurityGroupIngressCommand({ GroupId: stock.GroupId, IpPermissions: stock.IpPermissions }),
    );
  if (stock.IpPermissionsEgress?.length)
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: stock.GroupId,
        IpPermissions: stock.IpPermissionsEgress,
      }),
    );

  // A network ACL that opens only HTTPS (the default ACLs allow everything).
  const closedAclId = must(
    (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl?.NetworkAclId,
    'ACL',
  );
  await ec2.send(
    new CreateNetworkAclEntryCommand({
      NetworkAclId: closedAclId,
      RuleNumber: 100,
      Protocol: '6',
      RuleAction: 'allow',
      Egress: false,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 443, To: 443 },
    }),
  );
  const openAclId = must(
    (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl?.NetworkAclId,
    'ACL',
  );
  await ec2.send(
    new CreateNetworkAclEntryCommand({
      NetworkAclId: openAclId,
      RuleNumber: 100,
      Protocol: '6',
      RuleAction: 'allow',
      Egress: false,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 22, To: 22 },
    }),
  );

  const group = async (name: string) =>
    must(
      (
        await ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: name,
            Description: name,
            VpcId: vpcId,
            TagSpecifications: tag('security-group', name),
          }),
        )
      ).GroupId,
      'security group',
    );
  const webGroupId = await group('demo-app-web');
  const unusedGroupId = await group('demo-unused');

  // An instance with a role, in the web group; its image is shared with everyone.
  const profile = await instanceProfile(target, region);
  const appInstanceId = must(
    (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-12c6146b',
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnetIds[0],
          SecurityGroupIds: [webGroupId],
          IamInstanceProfile: { Name: profile },
          MetadataOptions: { HttpTokens: 'required' },
        }),
      )
    ).Instances?.[0]?.InstanceId,
    'instance',
  );
  const publicImageId = must(
    (await ec2.send(new CreateImageCommand({ InstanceId: appInstanceId, Name: `demo-shared-${region}` })))
      .ImageId,
    'image',
  );
  await ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: publicImageId,
      LaunchPermission: { Add: [{ Group: 'all' }] },
    }),
  );

  // Two NAT gateways: one sends traffic, one has sent nothing for 14 days.
  const nat = async (name: string) => {
    const allocation = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const created = await ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: subnetIds[0],
        AllocationId: allocation.AllocationId,
        TagSpecifications: tag('natgateway', name),
      }),
    );
    return must(created.NatGateway?.NatGatewayId, 'NAT gateway');
  };
  const idleNatId = await nat('demo-nat-idle');
  const busyNatId = await nat('demo-nat-busy');
  await putMetrics(target, region, 'AWS/NATGateway', [
    ...daily('BytesOutToDestination', [{ Name: 'NatGatewayId', Value: idleNatId }], 0, now),
    ...daily('BytesOutToDestination', [{ Name: 'NatGatewayId', Value: busyNatId }], 5_000_000, now),
  ]);
  ec2.destroy();
  return {
    vpcId,
    subnetIds,
    zones,
    webGroupId,
    unusedGroupId,
    appInstanceId,
    publicImageId,
    openAclId,
    closedAclId,
    idleNatId,
    busyNatId,
    logBucket,
  };
}

export interface SeededLoadBalancers {
  webArn: string;
  legacyArn: string;
  classicArn: string;
}

/**
 * An ALB in the desired state (HTTP redirects to HTTPS, modern TLS, protection, logs, two zones,
 * a healthy target, traffic), an ALB in none of them, and a one-zone Classic with HTTP only.
 */
export async function seedElbRegion(
  target: EmulatorTarget,
  region: string,
  accountId: string,
  network: SeededNetwork,
  now: Date,
): Promise<SeededLoadBalancers> {
  const elbv2 = new ElasticLoadBalancingV2Client(emulatorClientConfig(target, region));
  // An IAM server certificate (the emulator does not parse it; ACM is another service's to seed).
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  const certificate = must(
    (
      await iam.send(
        new UploadServerCertificateCommand({
          ServerCertificateName: `demo-web-${region}`,
          CertificateBody: '-----BEGIN CERTIFICATE-----\nZGVtbw==\n-----END CERTIFICATE-----',
          PrivateKey: '-----BEGIN PRIVATE KEY-----\nZGVtbw==\n-----END PRIVATE KEY-----',
        }),
      )
    ).ServerCertificateMetadata?.Arn,
    'certificate',
  );
  const alb = async (name: string) =>
    must(
      (
        await elbv2.send(
          new CreateLoadBalancerCommand({
            Name: name,
            Subnets: network.subnetIds,
            SecurityGroups: [network.webGroupId],
            Type: 'application',
          }),
        )
      ).LoadBalancers?.[0]?.LoadBalancerArn,
      'load balancer',
    );
  const webArn = await alb('demo-web');
  const legacyArn = await alb('demo-legacy');

  const group = must(
    (
      await elbv2.send(
        new CreateTargetGroupCommand({
          Name: 'demo-web',
          Protocol: 'HTTP',
          Port: 80,
          VpcId: network.vpcId,
          TargetType: 'instance',
        }),
      )
    ).TargetGroups?.[0]?.TargetGroupArn,
    'target group',
  );
  await elbv2.send(
    new RegisterTargetsCommand({ TargetGroupArn: group, Targets: [{ Id: network.appInstanceId }] }),
  );
  const emptyGroup = must(
    (
      await elbv2.send(
        new CreateTargetGroupCommand({
          Name: 'demo-legacy',
          Protocol: 'HTTP',
          Port: 80,
          VpcId: network.vpcId,
          TargetType: 'instance',
        }),
      )
    ).TargetGroups?.[0]?.TargetGroupArn,
    'target group',
  );

  const listen = (
    arn: string,
    protocol: 'HTTP' | 'HTTPS',
    port: number,
    action: Action,
    sslPolicy?: string,
  ) =>
    elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: arn,
        Protocol: protocol,
        Port: port,
        ...(protocol === 'HTTPS'
          ? { Certificates: [{ CertificateArn: certificate }], SslPolicy: sslPolicy }
          : {}),
        DefaultActions: [action],
      }),
    );
  await listen(webArn, 'HTTP', 80, {
    Type: 'redirect',
    RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
  });
  await listen(
    webArn,
    'HTTPS',
    443,
    { Type: 'forward', TargetGroupArn: group },
    'ELBSecurityPolicy-TLS13-1-2-2021-06',
  );
  await listen(legacyArn, 'HTTP', 80, { Type: 'forward', TargetGroupArn: emptyGroup });
  await listen(
    legacyArn,
    'HTTPS',
    443,
    { Type: 'forward', TargetGroupArn: emptyGroup },
    'ELBSecurityPolicy-2016-08',
  );
  await elbv2.send(
    new ModifyLoadBalancerAttributesCommand({
      LoadBalancerArn: webArn,
      Attributes: [
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: network.logBucket },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ],
    }),
  );

  const classic = new ElasticLoadBalancingClient(emulatorClientConfig(target, region));
  await classic.send(
    new CreateClassicCommand({
      LoadBalancerName: 'demo-classic',
      AvailabilityZones: [network.zones[0]],
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }],
    }),
  );
  const dimension = (arn: string) => arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
  await putMetrics(target, region, 'AWS/ApplicationELB', [
    ...daily('RequestCount', [{ Name: 'LoadBalancer', Value: dimension(webArn) }], 2_500, now),
    ...daily('RequestCount', [{ Name: 'LoadBalancer', Value: dimension(legacyArn) }], 3, now),
  ]);
  elbv2.destroy();
  iam.destroy();
  classic.destroy();
  return {
    webArn,
    legacyArn,
    classicArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/demo-classic`,
  };
}
