import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-default-encryption-enabled.js';

describe('ebs-default-encryption-enabled', () => {
  it('reports each region: on passes, off fails, a denied region is unknown', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        {
          'ec2.ebs-encryption-default': [
            { region: 'us-east-1', enabled: true },
            { region: 'eu-west-1', enabled: false },
          ],
        },
        {
          regions: ['us-east-1', 'eu-west-1', 'ap-northeast-2'],
          failed: [
            {
              collector: 'ec2.ebs-encryption-default',
              region: 'ap-northeast-2',
              operation: 'GetEbsEncryptionByDefault',
            },
          ],
        },
      ),
    );
    expect(findingFor(findings, 'ebs-encryption-default@us-east-1').status).toBe('pass');
    expect(findingFor(findings, 'ebs-encryption-default@eu-west-1').status).toBe('fail');
    const unknown = findingFor(findings, 'ec2.ebs-encryption-default@ap-northeast-2');
    expect(unknown.status).toBe('unknown');
    expect(unknown.message.en).toContain('GetEbsEncryptionByDefault');
  });
});
