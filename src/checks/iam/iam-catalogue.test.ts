import { describe, expect, it } from 'vitest';
import { allChecks } from '../registry.js';

/** CHECKS.md, IAM table: id → category / severity. */
const CATALOGUE: [string, string, string][] = [
  ['iam-root-mfa-enabled', 'security', 'critical'],
  ['iam-root-no-access-keys', 'security', 'critical'],
  ['iam-user-console-mfa', 'security', 'high'],
  ['iam-user-access-keys-rotated', 'security', 'medium'],
  ['iam-user-credentials-used', 'security', 'medium'],
  ['iam-password-policy-strong', 'security', 'medium'],
  ['iam-user-no-admin-access', 'security', 'critical'],
  ['iam-user-no-direct-policies', 'operational', 'low'],
  // IAM additions (CHECKS.md part 2)
  ['iam-support-role-exists', 'operational', 'low'],
  ['iam-root-not-used-recently', 'security', 'high'],
  ['iam-policy-no-full-admin', 'security', 'high'],
  ['iam-user-single-active-key', 'security', 'medium'],
  ['iam-server-certificate-not-expired', 'security', 'medium'],
];

describe('IAM catalogue (CHECKS.md)', () => {
  it('has exactly the catalogue checks with their category and severity', () => {
    const mine = allChecks.filter((c) => c.service === 'iam').map((c) => [c.id, c.category, c.severity]);
    expect(mine.sort()).toEqual([...CATALOGUE].sort());
  });
});
