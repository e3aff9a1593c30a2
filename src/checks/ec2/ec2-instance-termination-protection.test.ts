import { describe, expect, it } from 'vitest';
import { ec2Instance, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-termination-protection.js';

describe('ec2-instance-termination-protection', () => {
  it('passes protected instances and fails unprotected ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.instances': [
          ec2Instance('i-on'),
          ec2Instance('i-off', { disableApiTermination: false, state: 'stopped' }),
        ],
      }),
    );
    expect(findingFor(findings, 'i-on').status).toBe('pass');
    expect(findingFor(findings, 'i-off').status).toBe('fail');
    expect(findingFor(findings, 'i-off').message.en).toContain('DisableApiTermination=false');
  });

  it('is unknown when DescribeInstanceAttribute was denied for that instance', () => {
    const denied = ec2Instance('i-denied', {
      disableApiTermination: undefined,
      fieldErrors: {
        disableApiTermination: {
          operation: 'DescribeInstanceAttribute',
          code: 'UnauthorizedOperation',
          message: 'denied',
        },
      },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'ec2.instances': [denied, ec2Instance('i-on')] }));
    expect(findingFor(findings, 'i-denied').status).toBe('unknown');
    expect(findingFor(findings, 'i-denied').message.en).toContain('UnauthorizedOperation');
    expect(findingFor(findings, 'i-on').status).toBe('pass');
  });
});
