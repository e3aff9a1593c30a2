import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { kmsKey } from '../testing-store.js';
import check from './kms-key-rotation-enabled.js';

describe('kms-key-rotation-enabled', () => {
  it('fails an enabled customer symmetric key without rotation; other keys are not judged', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'kms.keys': [
          kmsKey('rotating'),
          kmsKey('still', { rotationEnabled: false, alias: 'alias/orders' }),
          kmsKey('aws', { keyManager: 'AWS', rotationEnabled: undefined }),
          kmsKey('rsa', { keySpec: 'RSA_2048', rotationEnabled: undefined }),
          kmsKey('off', { keyState: 'Disabled', rotationEnabled: undefined }),
          kmsKey('imported', { origin: 'EXTERNAL', rotationEnabled: undefined }),
        ],
      }),
    );
    expect(findingFor(findings, 'rotating').status).toBe('pass');
    const still = findingFor(findings, 'still');
    expect(still.status).toBe('fail');
    expect(still.resourceName).toBe('alias/orders');
    expect(still.message.ko).toBe('키 alias/orders는 자동 교체가 꺼져 있습니다.');
    for (const id of ['aws', 'rsa', 'off', 'imported'])
      expect(findingFor(findings, id).status).toBe('not_applicable');
  });

  it('is unknown when GetKeyRotationStatus failed', () => {
    const denied = kmsKey('denied', {
      rotationEnabled: undefined,
      fieldErrors: {
        rotationEnabled: { operation: 'GetKeyRotationStatus', code: 'AccessDeniedException', message: 'x' },
      },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'kms.keys': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
