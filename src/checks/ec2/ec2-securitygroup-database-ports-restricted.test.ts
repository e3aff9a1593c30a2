import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, securityGroup } from '../testing.js';
import check from './ec2-securitygroup-database-ports-restricted.js';

describe('ec2-securitygroup-database-ports-restricted', () => {
  it('fails each listed database port open to the world and passes others', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.security-groups': [
          securityGroup('sg-mysql', [{ fromPort: 3306, toPort: 3306, ipv4Ranges: ['0.0.0.0/0'] }]),
          securityGroup('sg-mongo', [
            { protocol: '6', fromPort: 27017, toPort: 27017, ipv6Ranges: ['::/0'] },
          ]),
          securityGroup('sg-memcached-udp', [
            { protocol: 'udp', fromPort: 11211, toPort: 11211, ipv4Ranges: ['0.0.0.0/0'] },
          ]),
          securityGroup('sg-private', [{ fromPort: 5432, toPort: 5432, ipv4Ranges: ['10.0.0.0/8'] }]),
          securityGroup('sg-http', [{ fromPort: 80, toPort: 80, ipv4Ranges: ['0.0.0.0/0'] }]),
        ],
      }),
    );
    expect(findingFor(findings, 'sg-mysql').status).toBe('fail');
    expect(findingFor(findings, 'sg-mysql').message.en).toContain('(3306)');
    expect(findingFor(findings, 'sg-mongo').status).toBe('fail');
    expect(findingFor(findings, 'sg-memcached-udp').status).toBe('fail');
    expect(findingFor(findings, 'sg-private').status).toBe('pass');
    expect(findingFor(findings, 'sg-http').status).toBe('pass');
  });
});
