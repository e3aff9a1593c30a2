import { describe, expect, it } from 'vitest';
import { ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-volume-encrypted.js';

describe('ebs-volume-encrypted', () => {
  it('passes encrypted volumes and fails unencrypted ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.volumes': [ec2Volume('vol-enc'), ec2Volume('vol-plain', { encrypted: false, sizeGiB: 8 })],
      }),
    );
    expect(check.service).toBe('ec2');
    expect(findingFor(findings, 'vol-enc').status).toBe('pass');
    expect(findingFor(findings, 'vol-plain').status).toBe('fail');
    expect(findingFor(findings, 'vol-plain').message.en).toContain('8 GiB gp3');
  });
});
