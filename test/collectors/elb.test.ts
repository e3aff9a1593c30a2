/**
 * The ELB collector against the emulator: records of ALBs and a Classic load balancer, API calls
 * per operation (pages for load balancers, target groups and tags; the per-resource calls AWS has
 * no batched form for), and a denied attribute call that marks fields instead of dropping records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type SeededLoadBalancers,
  seedElbRegion,
  seedNetworkRegion,
} from '../../scripts/demo-seed-network.js';
import { loadBalancersCollector } from '../../src/collectors/elb/load-balancers.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const REGION = 'us-east-1';
let lbs: SeededLoadBalancers;

describe('elb collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const target = { endpoint: motoEndpoint(), credentials: testCredentials };
    const network = await seedNetworkRegion(target, REGION, new Date());
    lbs = await seedElbRegion(target, REGION, TEST_ACCOUNT_ID, network, new Date());
  }, 120_000);

  it('collects elbv2 and Classic load balancers with listeners, attributes and target health', async () => {
    const harness = createHarness();
    const records = await harness.run(loadBalancersCollector, REGION);
    const byArn = new Map(records.map((r) => [r.arn, r]));
    expect(byArn.get(lbs.webArn)).toMatchObject({
      type: 'application',
      deletionProtectionEnabled: true,
      accessLogsEnabled: true,
      dropInvalidHeaderFields: true,
      healthyTargets: 1,
      registeredTargets: 1,
    });
    expect(
      byArn
        .get(lbs.webArn)
        ?.listeners?.map((l) => l.protocol)
        .sort(),
    ).toEqual(['HTTP', 'HTTPS']);
    expect(byArn.get(lbs.legacyArn)).toMatchObject({ deletionProtectionEnabled: false, healthyTargets: 0 });
    expect(byArn.get(lbs.classicArn)).toMatchObject({ type: 'classic', accessLogsEnabled: false });
    // Pages: one DescribeLoadBalancers per API (v2, Classic), one DescribeTargetGroups, one DescribeTags
    // batch per API. Per resource (no batched form): listeners and attributes per elbv2 load balancer,
    // target health per attached target group, attributes and instance health per Classic one.
    expect(Object.fromEntries(harness.calls)).toEqual({
      DescribeLoadBalancers: 2,
      DescribeTargetGroups: 1,
      DescribeTags: 2,
      DescribeListeners: 2,
      DescribeLoadBalancerAttributes: 3,
      DescribeTargetHealth: 2,
      DescribeInstanceHealth: 1,
    });
  });

  it('keeps the records when attributes are denied, marking the fields they feed', async () => {
    const harness = createHarness({ deny: ['DescribeLoadBalancerAttributes'] });
    const records = await harness.run(loadBalancersCollector, REGION);
    expect(records).toHaveLength(3);
    const web = records.find((r) => r.arn === lbs.webArn);
    expect(web?.deletionProtectionEnabled).toBeUndefined();
    expect(Object.keys(web?.fieldErrors ?? {}).sort()).toEqual([
      'accessLogsEnabled',
      'deletionProtectionEnabled',
      'dropInvalidHeaderFields',
    ]);
    expect(records.find((r) => r.arn === lbs.classicArn)?.fieldErrors?.accessLogsEnabled?.code).toBe(
      'AccessDenied',
    );
  });
});
