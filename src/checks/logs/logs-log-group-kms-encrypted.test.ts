import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, logGroup } from '../testing.js';
import check from './logs-log-group-kms-encrypted.js';

describe('logs-log-group-kms-encrypted', () => {
  it('passes a group with a KMS key and fails one without', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'logs.log-groups': [logGroup('/app/sealed', { kmsKeyId: key }), logGroup('/app/plain')],
      }),
    );
    expect(findingFor(findings, '/app/sealed').status).toBe('pass');
    const plain = findingFor(findings, '/app/plain');
    expect(plain.status).toBe('fail');
    expect(plain.resourceArn).toBe('arn:aws:logs:us-east-1:123456789012:log-group:/app/plain');
  });
});
