import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { ecrRepository } from '../testing-store.js';
import check from './ecr-repository-scan-on-push.js';

describe('ecr-repository-scan-on-push', () => {
  it('passes a repository that scans on push and fails one that does not', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ecr.repositories': [ecrRepository('scanned'), ecrRepository('blind', { scanOnPush: false })],
      }),
    );
    expect(findingFor(findings, 'scanned').status).toBe('pass');
    const blind = findingFor(findings, 'blind');
    expect(blind.status).toBe('fail');
    expect(blind.resourceArn).toBe('arn:aws:ecr:us-east-1:123456789012:repository/blind');
    expect(blind.message.ko).toBe('리포지토리 blind는 푸시할 때 이미지를 스캔하지 않습니다.');
  });

  it('is unknown where DescribeRepositories failed', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'ecr.repositories': [] },
        { failed: [{ collector: 'ecr.repositories', region: 'us-east-1' }] },
      ),
    );
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
  });
});
