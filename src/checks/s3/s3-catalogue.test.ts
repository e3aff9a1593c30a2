import { describe, expect, it } from 'vitest';
import { allChecks } from '../registry.js';

/** CHECKS.md, S3 table: id → category / severity. */
const CATALOGUE: [string, string, string][] = [
  ['s3-account-public-access-block', 'security', 'high'],
  ['s3-bucket-public-access-block', 'security', 'high'],
  ['s3-bucket-not-public', 'security', 'critical'],
  ['s3-bucket-default-encryption', 'security', 'medium'],
  ['s3-bucket-versioning-enabled', 'fault_tolerance', 'medium'],
  ['s3-bucket-lifecycle-configured', 'cost', 'low'],
  ['s3-bucket-access-logging-enabled', 'security', 'low'],
  ['s3-bucket-intelligent-tiering', 'cost', 'low'],
  ['s3-bucket-secure-transport', 'security', 'medium'],
];

describe('S3 catalogue (CHECKS.md)', () => {
  it('has exactly the catalogue checks with their category and severity', () => {
    const mine = allChecks.filter((c) => c.service === 's3').map((c) => [c.id, c.category, c.severity]);
    expect(mine.sort()).toEqual([...CATALOGUE].sort());
  });
});
