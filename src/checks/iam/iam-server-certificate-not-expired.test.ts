import { describe, expect, it } from 'vitest';
import type { IamServerCertificate } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-server-certificate-not-expired.js';

const cert = (name: string, expiration?: string): IamServerCertificate => ({
  region: 'global',
  serverCertificateName: name,
  arn: `arn:aws:iam::123456789012:server-certificate/${name}`,
  ...(expiration ? { expiration } : {}),
});

describe('iam-server-certificate-not-expired', () => {
  it('fails an expired certificate, passes one still valid, unknown without an expiry', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.server-certificates': [cert('old-site', daysAgo(1)), cert('shop', daysAgo(-90)), cert('odd')],
      }),
    );
    expect(findingFor(findings, 'old-site').status).toBe('fail');
    expect(findingFor(findings, 'old-site').resourceArn).toBe(
      'arn:aws:iam::123456789012:server-certificate/old-site',
    );
    expect(findingFor(findings, 'shop').status).toBe('pass');
    expect(findingFor(findings, 'odd').status).toBe('unknown');
  });

  it('has nothing to judge when the account has no server certificates', () => {
    expect(evaluate(check, fixtureSnapshot({ 'iam.server-certificates': [] }))).toEqual([]);
  });
});
