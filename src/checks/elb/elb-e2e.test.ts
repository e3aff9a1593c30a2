/** End to end for VPC/network and ELB: seed the emulator as the demo does, collect with the real runner, advise with the real engine. */
import { describe, expect, it } from 'vitest';
import {
  type SeededLoadBalancers,
  type SeededNetwork,
  seedElbRegion,
  seedNetworkRegion,
} from '../../../scripts/demo-seed-network.js';
import { advisedAccount, E2E_ACCOUNT_ID } from '../../../test/support/advise.js';
import { motoEndpoint, testCredentials } from '../../../test/support/moto.js';

const REGION = 'us-east-1';
let network: SeededNetwork;
let lbs: SeededLoadBalancers;

async function seed(): Promise<void> {
  const target = { endpoint: motoEndpoint(), credentials: testCredentials };
  const now = new Date();
  network = await seedNetworkRegion(target, REGION, now);
  lbs = await seedElbRegion(target, REGION, E2E_ACCOUNT_ID, network, now);
}

describe('VPC, network and ELB end to end', () => {
  const { of } = advisedAccount(seed, { collect: ['ec2', 'elb'], regions: [REGION] });

  it('judges VPC flow logs, default security groups and network ACLs', () => {
    expect(of('vpc-flow-logs-enabled', network.vpcId).status).toBe('pass');
    expect(of('vpc-default-security-group-closed', network.vpcId).status).toBe('pass');
    expect(of('vpc-network-acl-admin-ports-restricted', network.closedAclId).status).toBe('pass');
    expect(of('vpc-network-acl-admin-ports-restricted', network.openAclId).status).toBe('fail');
  });

  it('judges security groups in use, instance profiles, public AMIs and idle NAT gateways', () => {
    expect(of('ec2-securitygroup-attached', network.webGroupId).status).toBe('pass');
    expect(of('ec2-securitygroup-attached', network.unusedGroupId).status).toBe('fail');
    expect(of('ec2-instance-profile-attached', network.appInstanceId).status).toBe('pass');
    expect(of('ec2-ami-not-public', network.publicImageId).status).toBe('fail');
    const idle = of('ec2-nat-gateway-not-idle', network.idleNatId);
    expect(idle.status).toBe('fail');
    expect(idle.estimatedMonthlySavingsUsd).toBe(32.85);
    expect(of('ec2-nat-gateway-not-idle', network.busyNatId).status).toBe('pass');
  });

  it('judges load balancers: listeners, TLS policies, attributes, zones and traffic', () => {
    for (const checkId of [
      'elb-listener-https-only',
      'elb-tls-policy-modern',
      'elb-deletion-protection-enabled',
      'elb-access-logging-enabled',
      'elb-drop-invalid-headers',
      'elb-load-balancer-not-idle',
    ]) {
      expect(of(checkId, lbs.webArn).status, `${checkId} demo-web`).toBe('pass');
      expect(of(checkId, lbs.legacyArn).status, `${checkId} demo-legacy`).toBe('fail');
    }
    expect(of('elb-multi-az', lbs.webArn).status).toBe('pass');
    expect(of('elb-listener-https-only', lbs.classicArn).status).toBe('fail');
    expect(of('elb-multi-az', lbs.classicArn).status).toBe('fail');
  });
});
