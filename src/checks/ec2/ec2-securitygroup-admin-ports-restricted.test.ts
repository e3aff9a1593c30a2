import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, securityGroup } from '../testing.js';
import check from './ec2-securitygroup-admin-ports-restricted.js';

describe('ec2-securitygroup-admin-ports-restricted', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.security-groups': [
        securityGroup('sg-ssh', [{ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] }]),
        securityGroup('sg-rdp6', [{ fromPort: 3000, toPort: 4000, ipv6Ranges: ['::/0'] }]),
        securityGroup('sg-office', [{ fromPort: 22, toPort: 22, ipv4Ranges: ['203.0.113.0/24'] }]),
        securityGroup('sg-web', [{ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }]),
        securityGroup('sg-udp', [{ protocol: 'udp', fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] }]),
      ],
    }),
  );

  it('fails SSH or RDP open to 0.0.0.0/0 or ::/0, including through a port range', () => {
    expect(findingFor(findings, 'sg-ssh').status).toBe('fail');
    expect(findingFor(findings, 'sg-ssh').message.en).toContain('tcp port 22 from 0.0.0.0/0');
    expect(findingFor(findings, 'sg-rdp6').status).toBe('fail');
    expect(findingFor(findings, 'sg-rdp6').message.en).toContain('::/0');
  });

  it('passes restricted sources, other ports and UDP', () => {
    expect(findingFor(findings, 'sg-office').status).toBe('pass');
    expect(findingFor(findings, 'sg-web').status).toBe('pass');
    expect(findingFor(findings, 'sg-udp').status).toBe('pass');
  });
});
