import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { secret } from '../testing-store.js';
import check from './secretsmanager-rotation-enabled.js';

describe('secretsmanager-rotation-enabled', () => {
  it('passes a rotated secret and fails one without rotation', () => {
    const rotated = secret('db-password');
    const stale = secret('api-token', { rotationEnabled: false });
    const findings = evaluate(check, fixtureSnapshot({ 'secretsmanager.secrets': [rotated, stale] }));
    expect(findingFor(findings, rotated.arn).status).toBe('pass');
    const fail = findingFor(findings, stale.arn);
    expect(fail.status).toBe('fail');
    expect(fail.resourceName).toBe('api-token');
    expect(fail.message.ko).toBe('보안 암호 api-token은 자동 교체가 꺼져 있습니다.');
  });
});
