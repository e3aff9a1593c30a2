import { describe, expect, it } from 'vitest';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { certificate } from '../testing-store.js';
import check from './acm-certificate-not-expiring.js';

const arn = (id: string) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`;

describe('acm-certificate-not-expiring', () => {
  it('fails at 14 days or less (and past), warns at 45 days or less, passes beyond', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'acm.certificates': [
          certificate('far', { notAfter: daysAgo(-46) }),
          certificate('soon', { notAfter: daysAgo(-45) }),
          certificate('close', { notAfter: daysAgo(-14) }),
          certificate('gone', { notAfter: daysAgo(3) }),
        ],
      }),
    );
    expect(findingFor(findings, arn('far')).status).toBe('pass');
    const soon = findingFor(findings, arn('soon'));
    expect(soon.status).toBe('warning');
    expect(soon.details).toMatchObject({ daysLeft: 45 });
    expect(findingFor(findings, arn('close')).status).toBe('fail');
    const gone = findingFor(findings, arn('gone'));
    expect(gone.status).toBe('fail');
    expect(gone.message.en).toContain('expired on');
    expect(gone.resourceName).toBe('gone.example.com');
  });

  it('judges only ISSUED certificates; an issued one without NotAfter is unknown', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'acm.certificates': [
          certificate('pending', { status: 'PENDING_VALIDATION', notAfter: undefined }),
          certificate('blank', { notAfter: undefined }),
        ],
      }),
    );
    expect(findingFor(findings, arn('pending')).status).toBe('not_applicable');
    expect(findingFor(findings, arn('blank')).status).toBe('unknown');
  });
});
