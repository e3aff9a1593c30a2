import { describe, expect, it } from 'vitest';
import { ec2Instance, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-profile-attached.js';

describe('ec2-instance-profile-attached', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.instances': [
        ec2Instance('i-role', { iamInstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/web' }),
        ec2Instance('i-keys', { name: 'legacy' }),
        ec2Instance('i-stopped', { state: 'stopped' }),
      ],
    }),
  );

  it('passes a running instance with a profile and fails one without', () => {
    expect(findingFor(findings, 'i-role').status).toBe('pass');
    const keys = findingFor(findings, 'i-keys');
    expect(keys.status).toBe('fail');
    expect(keys.message.ko).toBe('i-keys (legacy)는 IAM 인스턴스 프로파일 없이 실행됩니다.');
  });

  it('judges running instances only', () => {
    expect(findings.some((f) => f.resourceId === 'i-stopped')).toBe(false);
  });
});
