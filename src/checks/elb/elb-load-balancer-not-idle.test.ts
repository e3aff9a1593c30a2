import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { dailyPoints, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { loadBalancer } from '../testing-network.js';
import check from './elb-load-balancer-not-idle.js';

const busyAlb = loadBalancer('busy', 'application');
const quietAlb = loadBalancer('quiet', 'application');
const emptyAlb = loadBalancer('empty', 'application', { healthyTargets: 0, registeredTargets: 3 });
const newAlb = loadBalancer('new', 'application');
const busyNlb = loadBalancer('flows', 'network');
const deadNlb = loadBalancer('noflows', 'network');
const classic = loadBalancer('legacy', 'classic', { healthyTargets: 0, registeredTargets: 0 });
const gateway = loadBalancer('inspect', 'gateway');

const metric = (
  lb: RecordKinds['elb.load-balancers'],
  values: number[],
): RecordKinds['elb.load-balancer-metrics'] => ({
  region: 'us-east-1',
  arn: lb.arn,
  metricName: lb.type === 'network' ? 'NewFlowCount' : 'RequestCount',
  dailySum: dailyPoints(values),
});

describe('elb-load-balancer-not-idle', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'elb.load-balancers': [busyAlb, quietAlb, emptyAlb, newAlb, busyNlb, deadNlb, classic, gateway],
      'elb.load-balancer-metrics': [
        metric(busyAlb, [0, 0, 0, 0, 0, 0, 150]),
        metric(quietAlb, [99, 50, 10, 0, 0, 0, 99]),
        metric(busyNlb, [0, 0, 0, 0, 0, 0, 1]),
        metric(deadNlb, [0, 0, 0, 0, 0, 0, 0]),
      ],
    }),
  );

  it('fails an ALB under 100 requests every day, and prices it at 0.0225 USD/hour × 730', () => {
    const quiet = findingFor(findings, quietAlb.arn);
    expect(quiet.status).toBe('fail');
    expect(quiet.estimatedMonthlySavingsUsd).toBe(16.43);
    expect(quiet.message.ko).toContain('최근 7일 동안 하루 요청이 최대 99건입니다');
  });

  it('fails without a healthy target whatever the traffic; Classic at 0.025 USD/hour', () => {
    expect(findingFor(findings, emptyAlb.arn).status).toBe('fail');
    const legacy = findingFor(findings, classic.arn);
    expect(legacy.status).toBe('fail');
    expect(legacy.estimatedMonthlySavingsUsd).toBeCloseTo(18.25, 2);
  });

  it('fails an NLB with no new flow in 7 days and passes one with any', () => {
    expect(findingFor(findings, deadNlb.arn).status).toBe('fail');
    expect(findingFor(findings, busyNlb.arn).status).toBe('pass');
  });

  it('passes a day of 100 requests or more, is unknown without datapoints, not applicable to Gateway', () => {
    expect(findingFor(findings, busyAlb.arn).status).toBe('pass');
    expect(findingFor(findings, newAlb.arn).status).toBe('unknown');
    expect(findingFor(findings, gateway.arn).status).toBe('not_applicable');
  });

  it('is unknown when target health could not be read', () => {
    const denied = loadBalancer('denied', 'application', {
      healthyTargets: undefined,
      fieldErrors: {
        healthyTargets: { operation: 'DescribeTargetHealth', code: 'AccessDenied', message: 'x' },
      },
    });
    const result = evaluate(
      check,
      fixtureSnapshot({ 'elb.load-balancers': [denied], 'elb.load-balancer-metrics': [] }),
    );
    expect(findingFor(result, denied.arn).status).toBe('unknown');
  });
});
