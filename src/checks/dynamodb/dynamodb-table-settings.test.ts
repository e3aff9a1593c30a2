/** The three per-table setting checks: PITR, deletion protection, KMS encryption. */
import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { dynamodbTable } from '../testing-store.js';
import deletionProtection from './dynamodb-table-deletion-protection.js';
import kmsEncrypted from './dynamodb-table-kms-encrypted.js';
import pitr from './dynamodb-table-pitr-enabled.js';

describe('dynamodb-table-pitr-enabled', () => {
  it('passes ENABLED, fails DISABLED, is unknown when DescribeContinuousBackups failed', () => {
    const denied = dynamodbTable('denied', {
      pointInTimeRecoveryStatus: undefined,
      fieldErrors: {
        pointInTimeRecoveryStatus: {
          operation: 'DescribeContinuousBackups',
          code: 'AccessDeniedException',
          message: 'x',
        },
      },
    });
    const findings = evaluate(
      pitr,
      fixtureSnapshot({
        'dynamodb.tables': [
          dynamodbTable('safe'),
          dynamodbTable('risky', { pointInTimeRecoveryStatus: 'DISABLED' }),
          denied,
        ],
      }),
    );
    expect(findingFor(findings, 'safe').status).toBe('pass');
    const risky = findingFor(findings, 'risky');
    expect(risky.status).toBe('fail');
    expect(risky.message.ko).toBe('테이블 risky는 특정 시점 복구가 꺼져 있습니다(DISABLED).');
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});

describe('dynamodb-table-deletion-protection', () => {
  it('passes a protected table and fails an unprotected one', () => {
    const findings = evaluate(
      deletionProtection,
      fixtureSnapshot({
        'dynamodb.tables': [
          dynamodbTable('locked'),
          dynamodbTable('open', { deletionProtectionEnabled: false }),
        ],
      }),
    );
    expect(findingFor(findings, 'locked').status).toBe('pass');
    expect(findingFor(findings, 'open').status).toBe('fail');
  });
});

describe('dynamodb-table-kms-encrypted', () => {
  it('passes SSEType KMS and fails the AWS-owned default key (no SSEDescription)', () => {
    const findings = evaluate(
      kmsEncrypted,
      fixtureSnapshot({
        'dynamodb.tables': [
          dynamodbTable('kms', { kmsMasterKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k1' }),
          dynamodbTable('owned', { sseType: null }),
        ],
      }),
    );
    expect(findingFor(findings, 'kms').status).toBe('pass');
    const owned = findingFor(findings, 'owned');
    expect(owned.status).toBe('fail');
    expect(owned.message.en).toContain('AWS-owned key');
  });
});
