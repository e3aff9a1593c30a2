import { describe, expect, it } from 'vitest';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { secret } from '../testing-store.js';
import check from './secretsmanager-secret-used.js';

describe('secretsmanager-secret-used', () => {
  it('judges by the last access, or by the creation date when never accessed (moto never reports LastAccessedDate)', () => {
    const recent = secret('recent', { lastAccessedDate: daysAgo(10) });
    const forgotten = secret('forgotten', { lastAccessedDate: daysAgo(91) });
    const newNever = secret('new-never', { lastAccessedDate: undefined, createdDate: daysAgo(30) });
    const oldNever = secret('old-never', { lastAccessedDate: undefined, createdDate: daysAgo(200) });
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'secretsmanager.secrets': [recent, forgotten, newNever, oldNever] }),
    );
    expect(findingFor(findings, recent.arn).status).toBe('pass');
    expect(findingFor(findings, newNever.arn).status).toBe('pass');
    const fail = findingFor(findings, forgotten.arn);
    expect(fail.status).toBe('fail');
    expect(fail.details).toEqual({ daysSinceUse: 91 });
    const never = findingFor(findings, oldNever.arn);
    expect(never.status).toBe('fail');
    expect(never.message.en).toContain('never accessed');
  });

  it('saves 0.40 USD per secret-month, with the price basis', () => {
    const old = secret('old', { lastAccessedDate: daysAgo(120) });
    const [finding] = evaluate(check, fixtureSnapshot({ 'secretsmanager.secrets': [old] }));
    expect(finding?.estimatedMonthlySavingsUsd).toBe(0.4);
    expect(finding?.savingsBasis?.en).toContain('0.4 USD per secret-month');
    expect(finding?.savingsBasis?.ko).toContain('보안 암호-월당 0.4 USD');
  });

  it('honours the unusedDays setting and is unknown without any date', () => {
    const mid = secret('mid', { lastAccessedDate: daysAgo(40) });
    const dateless = secret('dateless', { lastAccessedDate: undefined, createdDate: undefined });
    const findings = evaluate(check, fixtureSnapshot({ 'secretsmanager.secrets': [mid, dateless] }), {
      unusedDays: 30,
    });
    expect(findingFor(findings, mid.arn).status).toBe('fail');
    expect(findingFor(findings, dateless.arn).status).toBe('unknown');
  });
});
