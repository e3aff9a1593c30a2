import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, securityGroup } from '../testing.js';
import check from './ec2-securitygroup-no-unrestricted-traffic.js';

describe('ec2-securitygroup-no-unrestricted-traffic', () => {
  it('fails all-protocol and all-port world rules, passes narrower ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.security-groups': [
          securityGroup('sg-all', [{ protocol: '-1', ipv4Ranges: ['0.0.0.0/0'] }]),
          securityGroup('sg-allports', [{ fromPort: 0, toPort: 65535, ipv6Ranges: ['::/0'] }]),
          securityGroup('sg-self', [{ protocol: '-1', referencedGroupIds: ['sg-self'] }]),
          securityGroup('sg-https', [{ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }]),
        ],
      }),
    );
    expect(findingFor(findings, 'sg-all').status).toBe('fail');
    expect(findingFor(findings, 'sg-all').message.en).toContain('all protocols and ports from 0.0.0.0/0');
    expect(findingFor(findings, 'sg-allports').status).toBe('fail');
    expect(findingFor(findings, 'sg-self').status).toBe('pass');
    expect(findingFor(findings, 'sg-https').status).toBe('pass');
  });
});
