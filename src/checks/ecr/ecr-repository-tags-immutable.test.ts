import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { ecrRepository } from '../testing-store.js';
import check from './ecr-repository-tags-immutable.js';

describe('ecr-repository-tags-immutable', () => {
  it('fails only MUTABLE (IMMUTABLE and the exclusion forms pass)', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ecr.repositories': [
          ecrRepository('fixed'),
          ecrRepository('fixed-but', { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' }),
          ecrRepository('moving', { imageTagMutability: 'MUTABLE' }),
        ],
      }),
    );
    expect(findingFor(findings, 'fixed').status).toBe('pass');
    expect(findingFor(findings, 'fixed-but').status).toBe('pass');
    const moving = findingFor(findings, 'moving');
    expect(moving.status).toBe('fail');
    expect(moving.details).toEqual({ imageTagMutability: 'MUTABLE' });
  });
});
