import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { networkAcl } from '../testing-network.js';
import check from './vpc-network-acl-admin-ports-restricted.js';

describe('vpc-network-acl-admin-ports-restricted', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.network-acls': [
        // The stock default ACL: allow all from anywhere (no port range).
        networkAcl('acl-default', [{ protocol: '-1', cidrBlock: '0.0.0.0/0' }]),
        networkAcl('acl-rdp-range', [{ ipv6CidrBlock: '::/0', fromPort: 3000, toPort: 4000 }]),
        networkAcl('acl-web', [
          { cidrBlock: '0.0.0.0/0', fromPort: 443, toPort: 443 },
          { cidrBlock: '10.0.0.0/8', fromPort: 22, toPort: 22 },
          { protocol: '17', cidrBlock: '0.0.0.0/0', fromPort: 0, toPort: 65535 },
          { ruleAction: 'deny', cidrBlock: '0.0.0.0/0', fromPort: 22, toPort: 22 },
          { egress: true, cidrBlock: '0.0.0.0/0', protocol: '-1' },
        ]),
      ],
    }),
  );

  it('fails an all-protocol allow from anywhere and a TCP range over 3389 from ::/0', () => {
    expect(findingFor(findings, 'acl-default').status).toBe('fail');
    const rdp = findingFor(findings, 'acl-rdp-range');
    expect(rdp.status).toBe('fail');
    expect(rdp.details?.openEntries).toContain('3000-4000 ::/0');
  });

  it('passes private sources, other ports, UDP, deny entries and outbound entries', () => {
    expect(findingFor(findings, 'acl-web').status).toBe('pass');
  });
});
