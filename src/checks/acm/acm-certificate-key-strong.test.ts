import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { certificate } from '../testing-store.js';
import check from './acm-certificate-key-strong.js';

const arn = (id: string) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`;

describe('acm-certificate-key-strong', () => {
  it('fails RSA below 2048 bits and passes RSA_2048, RSA_4096 and EC keys', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'acm.certificates': [
          certificate('weak', { keyAlgorithm: 'RSA_1024' }),
          certificate('rsa', { keyAlgorithm: 'RSA_2048' }),
          certificate('big', { keyAlgorithm: 'RSA_4096' }),
          certificate('ec', { keyAlgorithm: 'EC_prime256v1' }),
          certificate('unknown', { keyAlgorithm: undefined }),
        ],
      }),
    );
    const weak = findingFor(findings, arn('weak'));
    expect(weak.status).toBe('fail');
    expect(weak.details).toEqual({ keyAlgorithm: 'RSA_1024' });
    expect(findingFor(findings, arn('rsa')).status).toBe('pass');
    expect(findingFor(findings, arn('big')).status).toBe('pass');
    expect(findingFor(findings, arn('ec')).status).toBe('pass');
    expect(findingFor(findings, arn('unknown')).status).toBe('unknown');
  });
});
