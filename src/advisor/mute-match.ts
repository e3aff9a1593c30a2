import type { Finding } from '../core/findings.js';
import type { MuteRule, MuteScope } from '../shared/api/advisor.js';

/**
 * The account a set of findings belongs to: its connection, the account id (a member's, or the
 * connection's own) and, for a member of an organization, the OU ids from the root to its OU as
 * the stored directory says now.
 */
export interface MuteTarget {
  connectionId: string;
  accountId: string;
  ouPath?: string[] /* OU ids root→leaf */;
}

export const isActive = (rule: MuteRule, now: Date) =>
  rule.expiresAt === undefined || Date.parse(rule.expiresAt) > now.getTime();

/** A stored rule without a scope covers every account. */
export const isAllAccounts = (scope: MuteScope | undefined) => scope === undefined || scope.kind === 'all';

/**
 * How specific a rule's scope is for the target, or -1 when the rule does not cover it: one account
 * beats an OU, a deeper OU beats the OUs above it, and any of them beats every account. Without a
 * target (an account nobody can tell any more) only rules for every account apply.
 */
function scopeRank(scope: MuteScope | undefined, target: MuteTarget | undefined): number {
  if (scope === undefined || scope.kind === 'all') return 0;
  if (!target || scope.connectionId !== target.connectionId) return -1;
  if (scope.kind === 'account') return scope.accountId === target.accountId ? 1000 : -1;
  const depth = target.ouPath?.indexOf(scope.ouId) ?? -1;
  return depth < 0 ? -1 : 1 + depth;
}

function matches(rule: MuteRule, finding: Finding): boolean {
  if (rule.checkId !== finding.checkId) return false;
  if (rule.resourceId !== undefined && rule.resourceId !== finding.resourceId) return false;
  return rule.region === undefined || rule.region === finding.region;
}

/**
 * Marks the findings an active rule covers. The most specific rule gives the reason shown: a rule
 * for one resource wins over a whole-check rule, then one account over an OU over every account.
 * Applied when a run is shown, not when it is stored, so muting after a run changes how that run
 * reads, and an OU rule follows an account moved between OUs.
 */
export function applyMutes(
  findings: readonly Finding[],
  rules: readonly MuteRule[],
  now: Date,
  target?: MuteTarget,
): Finding[] {
  const active = rules
    .filter((r) => isActive(r, now))
    .map((rule) => ({ rule, rank: scopeRank(rule.scope, target) }))
    .filter(({ rank }) => rank >= 0)
    .map(({ rule, rank }) => ({ rule, rank: rank + (rule.resourceId === undefined ? 0 : 10_000) }))
    .sort((a, b) => b.rank - a.rank)
    .map(({ rule }) => rule);
  // No rule in force (the common case): copy only if a stored finding carries a stale mute.
  if (active.length === 0)
    return findings.some((f) => f.muted) ? findings.map(({ muted: _stored, ...f }) => f) : [...findings];
  return findings.map(({ muted: _stored, ...finding }) => {
    const rule = active.find((r) => matches(r, finding));
    if (!rule) return finding;
    return {
      ...finding,
      muted: {
        reason: rule.reason,
        by: rule.by,
        at: rule.at,
        ruleId: rule.id,
        scope: rule.scope ?? { kind: 'all' },
        ...(rule.expiresAt ? { expiresAt: rule.expiresAt } : {}),
      },
    };
  });
}
