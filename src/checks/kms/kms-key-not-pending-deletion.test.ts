import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { kmsKey } from '../testing-store.js';
import check from './kms-key-not-pending-deletion.js';

describe('kms-key-not-pending-deletion', () => {
  it('warns with the deletion date for a customer key pending deletion and passes the others', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'kms.keys': [
          kmsKey('kept'),
          kmsKey('doomed', { keyState: 'PendingDeletion', deletionDate: '2025-06-22T00:00:00.000Z' }),
          kmsKey('aws', { keyManager: 'AWS' }),
        ],
      }),
    );
    expect(findingFor(findings, 'kept').status).toBe('pass');
    const doomed = findingFor(findings, 'doomed');
    expect(doomed.status).toBe('warning');
    expect(doomed.details).toEqual({ deletionDate: '2025-06-22T00:00:00.000Z' });
    expect(doomed.message.en).toContain('2025-06-22');
    expect(doomed.message.ko).toContain('키 doomed는 2025-06-22에 삭제될 예정입니다');
    expect(findingFor(findings, 'aws').status).toBe('not_applicable');
  });

  it('is unknown when DescribeKey failed', () => {
    const denied = kmsKey('denied', {
      keyManager: undefined,
      keyState: undefined,
      fieldErrors: { keyManager: { operation: 'DescribeKey', code: 'AccessDeniedException', message: 'x' } },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'kms.keys': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
