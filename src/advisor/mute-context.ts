import type { MuteRule } from '../shared/api/advisor.js';
import { isAllAccounts, type MuteTarget } from './mute-match.js';

/** The account of a run (its connection, and the member it ran in), for one batch of runs. */
export type MuteTargetOf = (ref: {
  connectionId: string;
  accountId?: string;
}) => Promise<MuteTarget | undefined>;

export interface MuteContext {
  rules: MuteRule[];
  targetOf: MuteTargetOf;
  at: Date;
}

/**
 * The mute context of one request: the user's rules in force, and how to tell a run's account —
 * looked up only when a rule is scoped to an account or OU, through ONE resolver per request (the
 * connections list and each organization directory read at most once, whatever the number of runs).
 */
export function createMuteContext(deps: {
  activeRules: (username: string) => Promise<MuteRule[]>;
  /** The user's accounts as mute scopes see them (src/orgs/mute-accounts.ts); absent: every rule is for all accounts. */
  accounts?: { targets(username: string): MuteTargetOf } | undefined;
  now: () => Date;
}): (username: string) => Promise<MuteContext> {
  const none: MuteTargetOf = async () => undefined;
  return async (username) => {
    const rules = await deps.activeRules(username);
    const scoped = deps.accounts !== undefined && rules.some((r) => !isAllAccounts(r.scope));
    return { rules, targetOf: scoped ? (deps.accounts?.targets(username) ?? none) : none, at: deps.now() };
  };
}
