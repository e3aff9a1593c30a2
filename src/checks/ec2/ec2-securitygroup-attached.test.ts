import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, securityGroup } from '../testing.js';
import { networkInterface } from '../testing-network.js';
import check from './ec2-securitygroup-attached.js';

describe('ec2-securitygroup-attached', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.security-groups': [
        securityGroup('sg-used', []),
        securityGroup('sg-orphan', []),
        securityGroup('sg-default', [], { groupName: 'default' }),
      ],
      'ec2.network-interfaces': [networkInterface('eni-1', ['sg-used'])],
    }),
  );

  it('passes a group attached to a network interface and fails one attached to none', () => {
    expect(findingFor(findings, 'sg-used').status).toBe('pass');
    const orphan = findingFor(findings, 'sg-orphan');
    expect(orphan.status).toBe('fail');
    expect(orphan.message.en).toContain('attached to no network interface');
  });

  it('leaves default groups out (they cannot be deleted)', () => {
    expect(findings.some((f) => f.resourceId === 'sg-default')).toBe(false);
  });
});
