import { describe, expect, it } from 'vitest';
import { ec2Instance, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-detailed-monitoring.js';

describe('ec2-instance-detailed-monitoring', () => {
  it('fails instances with Monitoring.State disabled and passes enabled ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.instances': [
          ec2Instance('i-on'),
          ec2Instance('i-off', { monitoringState: 'disabled' }),
          ec2Instance('i-pending', { monitoringState: 'pending' }),
        ],
      }),
    );
    expect(findingFor(findings, 'i-on').status).toBe('pass');
    expect(findingFor(findings, 'i-pending').status).toBe('pass');
    expect(findingFor(findings, 'i-off').status).toBe('fail');
    expect(findingFor(findings, 'i-off').message.ko).toContain('Monitoring.State=disabled');
  });

  it('is unknown for the region when DescribeInstances failed there', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'ec2.instances': [ec2Instance('i-off', { monitoringState: 'disabled', region: 'eu-west-1' })] },
        {
          failed: [
            {
              collector: 'ec2.instances',
              region: 'eu-west-1',
              operation: 'DescribeInstances',
              code: 'RequestLimitExceeded',
            },
          ],
        },
      ),
    );
    expect(findings).toEqual([
      expect.objectContaining({ status: 'unknown', resourceId: 'ec2.instances@eu-west-1' }),
    ]);
  });
});
