import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type CreateMuteBody,
  MuteAuditEntry,
  type MuteRule,
  MuteRuleSchema,
  type MuteScope,
  type MuteScopeNames,
  type MutesResponse,
} from '../shared/api/advisor.js';
import { keys } from '../storage/keys.js';
import { AdvisorError } from './errors.js';
import { isActive, isAllAccounts } from './mute-match.js';
import type { AdvisorDocuments } from './store.js';

/** users/{username}/advisor/mutes.json: the rules in force and who changed what, when. */
const MutesDocument = z.object({ rules: z.array(MuteRuleSchema), audit: z.array(MuteAuditEntry) });
type MutesDocument = z.infer<typeof MutesDocument>;

/** Bounds so one user cannot grow the document without limit. */
export const MAX_MUTE_RULES = 1000;
export const MAX_AUDIT_ENTRIES = 2000;

const EMPTY: MutesDocument = { rules: [], audit: [] };

export { applyMutes, isActive, type MuteTarget } from './mute-match.js';

/** Why a scope cannot be saved (`fields.scope` of the 400); the organization routes use the same codes. */
export type MuteScopeProblem =
  | 'connection_not_found'
  | 'account_not_in_connection'
  | 'account_not_in_organization'
  | 'not_an_organization'
  | 'organization_not_discovered'
  | 'ou_not_found';

/** What mutes need of the user's connections and organizations (src/orgs/mute-accounts.ts). */
export interface MuteAccounts {
  /** null when the scope names an account or OU of the user, else what is wrong with it. */
  check(username: string, scope: MuteScope): Promise<MuteScopeProblem | null>;
  /** The names of what the scopes point at now, in their order (undefined for all accounts). */
  names(
    username: string,
    scopes: readonly (MuteScope | undefined)[],
  ): Promise<(MuteScopeNames | undefined)[]>;
}

export interface MuteServiceDeps {
  documents: AdvisorDocuments;
  /** Known check ids (a mute of an unknown check is a 400). */
  checkIds: () => ReadonlySet<string>;
  /** Absent: only rules for every account can be made (tests of the matching alone). */
  accounts?: MuteAccounts;
  now: () => Date;
}

export type MuteService = ReturnType<typeof createMuteService>;

export function createMuteService(deps: MuteServiceDeps) {
  const read = async (username: string): Promise<MutesDocument> =>
    (await deps.documents.getJson(keys.advisorMutes(username), MutesDocument))?.value ?? EMPTY;

  async function checkScope(username: string, scope: MuteScope): Promise<void> {
    const problem = deps.accounts
      ? await deps.accounts.check(username, scope)
      : ('connection_not_found' as const);
    if (problem)
      throw new AdvisorError('invalid_mute', `The mute's scope is not usable: ${problem}`, {
        scope: problem,
      });
  }

  return {
    /** Rules in force now (expired ones stop applying). */
    async activeRules(username: string): Promise<MuteRule[]> {
      const now = deps.now();
      return (await read(username)).rules.filter((r) => isActive(r, now));
    },

    async list(username: string): Promise<MutesResponse> {
      const now = deps.now();
      const doc = await read(username);
      const names =
        (await deps.accounts?.names(
          username,
          doc.rules.map((r) => r.scope),
        )) ?? [];
      return {
        rules: doc.rules.map((r, i) => {
          const scopeNames = names[i];
          return { ...r, active: isActive(r, now), ...(scopeNames ? { scopeNames } : {}) };
        }),
        audit: [...doc.audit].reverse(),
      };
    },

    async create(username: string, input: CreateMuteBody): Promise<MuteRule & { active: boolean }> {
      const now = deps.now();
      if (!deps.checkIds().has(input.checkId))
        throw new AdvisorError('unknown_check', `Unknown check id: ${input.checkId.slice(0, 100)}`, {
          checkId: 'unknown_check',
        });
      if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now.getTime())
        throw new AdvisorError('invalid_mute', 'The expiry must be in the future', {
          expiresAt: 'must_be_future',
        });
      if (input.region !== undefined && input.resourceId === undefined)
        throw new AdvisorError('invalid_mute', 'A region narrows a resource mute: give the resource id too', {
          region: 'needs_resource',
        });
      const scope = isAllAccounts(input.scope) ? undefined : input.scope;
      if (scope) await checkScope(username, scope);
      const rule: MuteRule = {
        id: randomUUID(),
        checkId: input.checkId,
        ...(input.resourceId === undefined ? {} : { resourceId: input.resourceId }),
        ...(input.region === undefined ? {} : { region: input.region }),
        ...(scope ? { scope } : {}),
        reason: input.reason,
        by: username,
        at: now.toISOString(),
        ...(input.expiresAt === undefined ? {} : { expiresAt: new Date(input.expiresAt).toISOString() }),
      };
      await deps.documents.updateJson(keys.advisorMutes(username), MutesDocument, (current) => {
        const doc = current ?? EMPTY;
        // Expired rules are dropped on the next write; the audit trail keeps them.
        const rules = doc.rules.filter((r) => isActive(r, now));
        if (rules.length >= MAX_MUTE_RULES)
          throw new AdvisorError('invalid_mute', `At most ${MAX_MUTE_RULES} mute rules`);
        const { id: ruleId, at, by, ...rest } = rule;
        const entry: MuteAuditEntry = { action: 'mute', ruleId, ...rest, by, at };
        return { rules: [...rules, rule], audit: [...doc.audit, entry].slice(-MAX_AUDIT_ENTRIES) };
      });
      return { ...rule, active: true };
    },

    /** Unmutes; the audit trail keeps the rule and records who removed it. */
    async remove(username: string, ruleId: string): Promise<void> {
      const now = deps.now();
      const notFound = new AdvisorError('mute_not_found', 'Mute rule not found');
      await deps.documents.updateJson(keys.advisorMutes(username), MutesDocument, (current) => {
        const doc = current ?? EMPTY;
        const rule = doc.rules.find((r) => r.id === ruleId);
        // Thrown out of the CAS loop: nothing to write when there is nothing to remove.
        if (!rule) throw notFound;
        const entry: MuteAuditEntry = {
          action: 'unmute',
          ruleId,
          checkId: rule.checkId,
          ...(rule.resourceId === undefined ? {} : { resourceId: rule.resourceId }),
          ...(rule.region === undefined ? {} : { region: rule.region }),
          ...(rule.scope === undefined ? {} : { scope: rule.scope }),
          by: username,
          at: now.toISOString(),
        };
        return {
          rules: doc.rules.filter((r) => r.id !== ruleId),
          audit: [...doc.audit, entry].slice(-MAX_AUDIT_ENTRIES),
        };
      });
    },
  };
}
