import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-not-public.js';

describe('rds-instance-not-public', () => {
  it('fails publicly accessible instances, passes private ones; a failed region is unknown', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        {
          'rds.instances': [
            rdsInstance('db-private'),
            rdsInstance('db-public', { publiclyAccessible: true, vpcSecurityGroupIds: ['sg-1'] }),
            rdsInstance('db-hidden', { publiclyAccessible: true, region: 'eu-west-1' }),
          ],
        },
        {
          failed: [
            {
              collector: 'rds.instances',
              region: 'eu-west-1',
              operation: 'DescribeDBInstances',
              code: 'AccessDenied',
            },
          ],
        },
      ),
    );
    expect(findingFor(findings, 'db-private').status).toBe('pass');
    expect(findingFor(findings, 'db-public').status).toBe('fail');
    expect(findingFor(findings, 'db-public').message.en).toContain('sg-1');
    expect(findingFor(findings, 'rds.instances@eu-west-1').status).toBe('unknown');
    expect(findings.find((f) => f.resourceId === 'db-hidden')).toBeUndefined();
  });
});
