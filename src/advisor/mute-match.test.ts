import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.js';
import { ouPathOf } from '../orgs/mute-accounts.js';
import type { OrgDirectory } from '../orgs/types.js';
import type { MuteRule, MuteScope } from '../shared/api/advisor.js';
import { applyMutes, type MuteTarget } from './mutes.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const X = '111111111111';
const Y = '222222222222';

const finding = (resourceId: string, checkId = 'ebs-volume-encrypted'): Finding => ({
  checkId,
  service: 'ec2',
  category: 'security',
  severity: 'high',
  status: 'fail',
  region: 'us-east-1',
  resourceId,
  message: { ko: '암호화되지 않음', en: 'not encrypted' },
});

let next = 0;
const rule = (reason: string, scope?: MuteScope, extra: Partial<MuteRule> = {}): MuteRule => ({
  id: `rule-${++next}`,
  checkId: 'ebs-volume-encrypted',
  reason,
  by: 'alice',
  at: '2026-12-01T00:00:00Z',
  ...(scope ? { scope } : {}),
  ...extra,
});

/** root r-abcd → Prod (ou-abcd-11111111) → Web (ou-abcd-22222222); Dev (ou-abcd-33333333) under root. */
const directory: OrgDirectory = {
  organizationId: 'o-test',
  managementAccountId: '999999999999',
  discoveredAt: NOW.toISOString(),
  units: [
    { id: 'r-abcd', name: 'Root', parentId: null, path: '/' },
    { id: 'ou-abcd-11111111', name: 'Prod', parentId: 'r-abcd', path: '/Prod/' },
    { id: 'ou-abcd-22222222', name: 'Web', parentId: 'ou-abcd-11111111', path: '/Prod/Web/' },
    { id: 'ou-abcd-33333333', name: 'Dev', parentId: 'r-abcd', path: '/Dev/' },
  ],
  accounts: [
    {
      id: X,
      name: 'x',
      email: 'x@example.com',
      status: 'ACTIVE',
      ouId: 'ou-abcd-22222222',
      ouPath: '/Prod/Web/',
    },
    { id: Y, name: 'y', email: 'y@example.com', status: 'ACTIVE', ouId: 'ou-abcd-33333333', ouPath: '/Dev/' },
  ],
};
const target = (accountId: string, dir: OrgDirectory = directory): MuteTarget => ({
  connectionId: 'org',
  accountId,
  ouPath: ouPathOf(dir, accountId),
});
const reasonOf = (rules: MuteRule[], to?: MuteTarget, f = finding('vol-1')) =>
  applyMutes([f], rules, NOW, to)[0]?.muted?.reason;

describe('mute scopes', () => {
  it('reads the OU path root to leaf from the directory', () => {
    expect(ouPathOf(directory, X)).toEqual(['r-abcd', 'ou-abcd-11111111', 'ou-abcd-22222222']);
    expect(ouPathOf(directory, Y)).toEqual(['r-abcd', 'ou-abcd-33333333']);
    expect(ouPathOf(directory, '333333333333')).toEqual([]);
  });

  it('an account rule mutes that account only; a rule without scope mutes every account', () => {
    const onlyX = [rule('x only', { kind: 'account', connectionId: 'org', accountId: X })];
    expect(reasonOf(onlyX, target(X))).toBe('x only');
    expect(reasonOf(onlyX, target(Y))).toBeUndefined();
    // Same account id under another connection is another account.
    expect(reasonOf(onlyX, { connectionId: 'other', accountId: X })).toBeUndefined();
    // A run whose account nobody can tell any more: only rules for every account apply.
    expect(reasonOf(onlyX, undefined)).toBeUndefined();
    expect(reasonOf([rule('everyone')], undefined)).toBe('everyone');
    expect(reasonOf([rule('everyone', { kind: 'all' })], target(Y))).toBe('everyone');
  });

  it('an OU rule covers the OU and every OU below it', () => {
    const prod = [rule('prod', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-11111111' })];
    expect(reasonOf(prod, target(X))).toBe('prod');
    expect(reasonOf(prod, target(Y))).toBeUndefined();
    expect(reasonOf(prod, { connectionId: 'org', accountId: X })).toBeUndefined();
  });

  it('an account moved to another OU follows its new OU', () => {
    const prod = [rule('prod', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-11111111' })];
    const moved: OrgDirectory = {
      ...directory,
      accounts: directory.accounts.map((a) =>
        a.id === X ? { ...a, ouId: 'ou-abcd-33333333', ouPath: '/Dev/' } : a,
      ),
    };
    expect(reasonOf(prod, target(X))).toBe('prod');
    expect(reasonOf(prod, target(X, moved))).toBeUndefined();
    const dev = [rule('dev', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-33333333' })];
    expect(reasonOf(dev, target(X, moved))).toBe('dev');
  });

  it('the most specific rule gives the reason: account > deeper OU > OU > all, resource > check', () => {
    const all = rule('all');
    const prod = rule('prod', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-11111111' });
    const web = rule('web', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-22222222' });
    const account = rule('account', { kind: 'account', connectionId: 'org', accountId: X });
    const resource = rule('resource everywhere', undefined, { resourceId: 'vol-1' });
    expect(reasonOf([all, prod, web, account], target(X))).toBe('account');
    expect(reasonOf([account, web, prod, all], target(X))).toBe('account');
    expect(reasonOf([all, prod, web], target(X))).toBe('web');
    expect(reasonOf([web, all, prod], target(X))).toBe('web');
    expect(reasonOf([prod, all], target(X))).toBe('prod');
    expect(reasonOf([all, prod, account, resource], target(X))).toBe('resource everywhere');
    // Y is outside Prod: only the rule for every account is left.
    expect(reasonOf([account, prod, all], target(Y))).toBe('all');
  });

  it('a rule naming an OU or account the directory does not have mutes nothing', () => {
    const gone = [
      rule('gone ou', { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-99999999' }),
      rule('gone account', { kind: 'account', connectionId: 'org', accountId: '444444444444' }),
    ];
    expect(reasonOf(gone, target(X))).toBeUndefined();
    expect(reasonOf(gone, target(Y))).toBeUndefined();
  });

  it('the muted finding carries the scope of the rule that muted it (every account for a rule without one)', () => {
    const web: MuteScope = { kind: 'ou', connectionId: 'org', ouId: 'ou-abcd-22222222' };
    const account: MuteScope = { kind: 'account', connectionId: 'org', accountId: X };
    const scopeOf = (rules: MuteRule[], to: MuteTarget) =>
      applyMutes([finding('vol-1')], rules, NOW, to)[0]?.muted;
    expect(scopeOf([rule('web', web)], target(X))).toMatchObject({ reason: 'web', scope: web });
    expect(scopeOf([rule('web', web), rule('x', account)], target(X))).toMatchObject({ scope: account });
    expect(scopeOf([rule('old')], target(Y))).toMatchObject({ reason: 'old', scope: { kind: 'all' } });
    expect(scopeOf([rule('web', web)], target(Y))).toBeUndefined();
  });

  it('an expired scoped rule stops applying', () => {
    const expired = rule(
      'expired',
      { kind: 'account', connectionId: 'org', accountId: X },
      { expiresAt: '2026-12-01T00:00:00Z' },
    );
    expect(reasonOf([expired, rule('all')], target(X))).toBe('all');
  });
});
