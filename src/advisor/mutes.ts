import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Finding } from '../core/findings.js';
import {
  type CreateMuteBody,
  MuteAuditEntry,
  type MuteRule,
  MuteRuleSchema,
  type MutesResponse,
} from '../shared/api/advisor.js';
import { keys } from '../storage/keys.js';
import { AdvisorError } from './errors.js';
import type { AdvisorDocuments } from './store.js';

/** users/{username}/advisor/mutes.json: the rules in force and who changed what, when. */
const MutesDocument = z.object({ rules: z.array(MuteRuleSchema), audit: z.array(MuteAuditEntry) });
type MutesDocument = z.infer<typeof MutesDocument>;

/** Bounds so one user cannot grow the document without limit. */
export const MAX_MUTE_RULES = 1000;
export const MAX_AUDIT_ENTRIES = 2000;

const EMPTY: MutesDocument = { rules: [], audit: [] };

export const isActive = (rule: MuteRule, now: Date) =>
  rule.expiresAt === undefined || Date.parse(rule.expiresAt) > now.getTime();

function matches(rule: MuteRule, finding: Finding): boolean {
  if (rule.checkId !== finding.checkId) return false;
  if (rule.resourceId !== undefined && rule.resourceId !== finding.resourceId) return false;
  return rule.region === undefined || rule.region === finding.region;
}

/**
 * Marks the findings an active rule covers (a rule for one resource wins over a whole-check rule,
 * so the reason shown is the most specific one). Applied when a run is shown, not when it is
 * stored, so muting after a run changes how that run reads.
 */
export function applyMutes(findings: readonly Finding[], rules: readonly MuteRule[], now: Date): Finding[] {
  const active = rules
    .filter((r) => isActive(r, now))
    .sort((a, b) => Number(b.resourceId !== undefined) - Number(a.resourceId !== undefined));
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
        ...(rule.expiresAt ? { expiresAt: rule.expiresAt } : {}),
      },
    };
  });
}

export interface MuteServiceDeps {
  documents: AdvisorDocuments;
  /** Known check ids (a mute of an unknown check is a 400). */
  checkIds: () => ReadonlySet<string>;
  now: () => Date;
}

export type MuteService = ReturnType<typeof createMuteService>;

export function createMuteService(deps: MuteServiceDeps) {
  const read = async (username: string): Promise<MutesDocument> =>
    (await deps.documents.getJson(keys.advisorMutes(username), MutesDocument))?.value ?? EMPTY;

  return {
    /** Rules in force now (expired ones stop applying). */
    async activeRules(username: string): Promise<MuteRule[]> {
      const now = deps.now();
      return (await read(username)).rules.filter((r) => isActive(r, now));
    },

    async list(username: string): Promise<MutesResponse> {
      const now = deps.now();
      const doc = await read(username);
      return {
        rules: doc.rules.map((r) => ({ ...r, active: isActive(r, now) })),
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
      const rule: MuteRule = {
        id: randomUUID(),
        checkId: input.checkId,
        ...(input.resourceId === undefined ? {} : { resourceId: input.resourceId }),
        ...(input.region === undefined ? {} : { region: input.region }),
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
