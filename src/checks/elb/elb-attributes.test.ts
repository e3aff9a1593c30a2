/** The three attribute checks (deletion protection, access logs, invalid headers) and Multi-AZ. */
import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { loadBalancer } from '../testing-network.js';
import accessLogs from './elb-access-logging-enabled.js';
import deletionProtection from './elb-deletion-protection-enabled.js';
import dropHeaders from './elb-drop-invalid-headers.js';
import multiAz from './elb-multi-az.js';

const good = loadBalancer('good', 'application');
const bare = loadBalancer('bare', 'application', {
  accessLogsEnabled: false,
  deletionProtectionEnabled: false,
  dropInvalidHeaderFields: false,
  availabilityZones: ['us-east-1a'],
});
const nlb = loadBalancer('nlb', 'network', { deletionProtectionEnabled: false });
const classic = loadBalancer('classic', 'classic', { accessLogsEnabled: false, availabilityZones: [] });
const snapshot = fixtureSnapshot({ 'elb.load-balancers': [good, bare, nlb, classic] });

describe('elb-deletion-protection-enabled', () => {
  const findings = evaluate(deletionProtection, snapshot);
  it('passes true, fails false on ALB and NLB, leaves Classic out', () => {
    expect(findingFor(findings, good.arn).status).toBe('pass');
    expect(findingFor(findings, bare.arn).status).toBe('fail');
    expect(findingFor(findings, nlb.arn).status).toBe('fail');
    expect(findings.some((f) => f.resourceId === classic.arn)).toBe(false);
  });
});

describe('elb-access-logging-enabled', () => {
  const findings = evaluate(accessLogs, snapshot);
  it('passes enabled logs and fails disabled ones, Classic included', () => {
    expect(findingFor(findings, good.arn).status).toBe('pass');
    expect(findingFor(findings, bare.arn).status).toBe('fail');
    expect(findingFor(findings, classic.arn).status).toBe('fail');
  });
  it('is unknown when the attributes could not be read', () => {
    const denied = loadBalancer('denied', 'application', {
      accessLogsEnabled: undefined,
      fieldErrors: {
        accessLogsEnabled: {
          operation: 'DescribeLoadBalancerAttributes',
          code: 'AccessDenied',
          message: 'x',
        },
      },
    });
    const result = evaluate(accessLogs, fixtureSnapshot({ 'elb.load-balancers': [denied] }));
    expect(findingFor(result, denied.arn).status).toBe('unknown');
  });
});

describe('elb-drop-invalid-headers', () => {
  const findings = evaluate(dropHeaders, snapshot);
  it('judges ALBs only', () => {
    expect(findingFor(findings, good.arn).status).toBe('pass');
    expect(findingFor(findings, bare.arn).status).toBe('fail');
    expect(findings.some((f) => f.resourceId === nlb.arn || f.resourceId === classic.arn)).toBe(false);
  });
});

describe('elb-multi-az', () => {
  const findings = evaluate(multiAz, snapshot);
  it('passes two zones and fails one or none', () => {
    expect(findingFor(findings, good.arn).status).toBe('pass');
    const single = findingFor(findings, bare.arn);
    expect(single.status).toBe('fail');
    expect(single.message.ko).toBe('ALB bare는 가용 영역 1개에만 있습니다. 두 번째 가용 영역을 추가하세요.');
    expect(findingFor(findings, classic.arn).status).toBe('fail');
  });
});
