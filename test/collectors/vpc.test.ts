import {
  CreateFlowLogsCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowLogsCollector } from '../../src/collectors/ec2/flow-logs.js';
import { networkAclsCollector } from '../../src/collectors/ec2/network-acls.js';
import { vpcsCollector } from '../../src/collectors/ec2/vpcs.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const ids = { vpc: '', acl: '' };

describe('vpc collectors (VPCs, flow logs, network ACLs)', () => {
  beforeAll(async () => {
    await resetMoto();
    const ec2 = new EC2Client(motoClientConfig('us-east-1'));
    ids.vpc =
      (
        await ec2.send(
          new CreateVpcCommand({
            CidrBlock: '10.7.0.0/16',
            TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'shop' }] }],
          }),
        )
      ).Vpc?.VpcId ?? '';
    await ec2.send(
      new CreateFlowLogsCommand({
        ResourceIds: [ids.vpc],
        ResourceType: 'VPC',
        TrafficType: 'REJECT',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: 'shop-flow-logs',
        DeliverLogsPermissionArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/flow-logs`,
      }),
    );
    ids.acl =
      (await ec2.send(new CreateNetworkAclCommand({ VpcId: ids.vpc }))).NetworkAcl?.NetworkAclId ?? '';
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: ids.acl,
        RuleNumber: 100,
        Protocol: '6',
        RuleAction: 'allow',
        Egress: false,
        CidrBlock: '0.0.0.0/0',
        PortRange: { From: 22, To: 22 },
      }),
    );
  });

  it('collects the VPC with its name, its flow log and its network ACL entries', async () => {
    const harness = createHarness();
    const vpcs = await harness.run(vpcsCollector, 'us-east-1');
    expect(vpcs.find((v) => v.vpcId === ids.vpc)).toMatchObject({ region: 'us-east-1', name: 'shop' });
    const logs = await harness.run(flowLogsCollector, 'us-east-1');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      resourceId: ids.vpc,
      trafficType: 'REJECT',
      logDestinationType: 'cloud-watch-logs',
    });
    const acls = await harness.run(networkAclsCollector, 'us-east-1');
    const acl = acls.find((a) => a.networkAclId === ids.acl);
    expect(acl).toMatchObject({ vpcId: ids.vpc, isDefault: false });
    expect(acl?.entries).toContainEqual(
      expect.objectContaining({
        ruleNumber: 100,
        ruleAction: 'allow',
        cidrBlock: '0.0.0.0/0',
        fromPort: 22,
        toPort: 22,
      }),
    );
    expect(harness.calls.get('DescribeVpcs')).toBe(1);
    expect(harness.calls.get('DescribeFlowLogs')).toBe(1);
    expect(harness.calls.get('DescribeNetworkAcls')).toBe(1);
  });

  it('keeps regions apart: the other region has only its default VPC and no flow log', async () => {
    const harness = createHarness();
    const vpcs = await harness.run(vpcsCollector, 'eu-west-1');
    expect(vpcs.every((v) => v.region === 'eu-west-1' && v.vpcId !== ids.vpc)).toBe(true);
    expect(await harness.run(flowLogsCollector, 'eu-west-1')).toEqual([]);
    const acls = await harness.run(networkAclsCollector, 'eu-west-1');
    expect(acls.some((a) => a.networkAclId === ids.acl)).toBe(false);
  });
});
