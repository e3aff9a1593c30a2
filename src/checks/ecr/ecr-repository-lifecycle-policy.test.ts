import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { ecrRepository } from '../testing-store.js';
import check from './ecr-repository-lifecycle-policy.js';

describe('ecr-repository-lifecycle-policy', () => {
  it('passes a repository with a lifecycle policy and fails one without', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ecr.repositories': [ecrRepository('tidy'), ecrRepository('hoard', { hasLifecyclePolicy: false })],
      }),
    );
    expect(findingFor(findings, 'tidy').status).toBe('pass');
    const hoard = findingFor(findings, 'hoard');
    expect(hoard.status).toBe('fail');
    expect(hoard.message.en).toContain('no lifecycle policy');
  });

  it('is unknown when GetLifecyclePolicy failed', () => {
    const denied = ecrRepository('denied', {
      hasLifecyclePolicy: undefined,
      fieldErrors: {
        hasLifecyclePolicy: { operation: 'GetLifecyclePolicy', code: 'AccessDeniedException', message: 'x' },
      },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'ecr.repositories': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
