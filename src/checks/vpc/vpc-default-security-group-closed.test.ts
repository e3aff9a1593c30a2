import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, securityGroup } from '../testing.js';
import { vpc } from '../testing-network.js';
import check from './vpc-default-security-group-closed.js';

describe('vpc-default-security-group-closed', () => {
  const closed = securityGroup('sg-closed', [], { groupName: 'default', vpcId: 'vpc-closed' });
  const open = securityGroup('sg-open', [], {
    groupName: 'default',
    vpcId: 'vpc-open',
    egress: [
      {
        protocol: '-1',
        ipv4Ranges: ['0.0.0.0/0'],
        ipv6Ranges: [],
        prefixListIds: [],
        referencedGroupIds: [],
      },
    ],
  });
  const other = securityGroup('sg-web', [{ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'] }], {
    vpcId: 'vpc-closed',
  });
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.vpcs': [vpc('vpc-closed'), vpc('vpc-open'), vpc('vpc-unseen')],
      'ec2.security-groups': [closed, open, other],
    }),
  );

  it('passes when the default group has no rules, whatever other groups allow', () => {
    expect(findingFor(findings, 'vpc-closed').status).toBe('pass');
  });

  it('fails when the default group has any rule (here the stock allow-all egress)', () => {
    const finding = findingFor(findings, 'vpc-open');
    expect(finding.status).toBe('fail');
    expect(finding.details).toMatchObject({ groupId: 'sg-open', inboundRules: 0, outboundRules: 1 });
  });

  it('is unknown when the default group was not collected', () => {
    expect(findingFor(findings, 'vpc-unseen').status).toBe('unknown');
  });
});
