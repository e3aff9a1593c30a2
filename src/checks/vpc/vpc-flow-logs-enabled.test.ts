import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { flowLog, vpc } from '../testing-network.js';
import check from './vpc-flow-logs-enabled.js';

describe('vpc-flow-logs-enabled', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.vpcs': [
        vpc('vpc-logged'),
        vpc('vpc-none', { name: 'dev' }),
        vpc('vpc-failed'),
        vpc('vpc-subnet-only'),
      ],
      'ec2.flow-logs': [
        flowLog('fl-1', 'vpc-logged'),
        flowLog('fl-2', 'vpc-failed', { flowLogStatus: 'FAILED' }),
        flowLog('fl-3', 'subnet-0abc'),
      ],
    }),
  );

  it('passes a VPC with an ACTIVE flow log on the VPC itself', () => {
    expect(findingFor(findings, 'vpc-logged').status).toBe('pass');
  });

  it('fails without a flow log, with a failed one, or with flow logs on subnets only', () => {
    const none = findingFor(findings, 'vpc-none');
    expect(none.status).toBe('fail');
    expect(none.message.ko).toContain('vpc-none (dev)는 활성 흐름 로그가 없어');
    expect(findingFor(findings, 'vpc-failed').status).toBe('fail');
    expect(findingFor(findings, 'vpc-subnet-only').status).toBe('fail');
  });
});
