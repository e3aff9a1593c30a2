import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Invite } from '../shared/api/auth.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

export const INVITE_LIFETIME_MS = 7 * 86_400_000;

const StoredInvite = z.object({
  id: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedBy: z.string().nullable(),
});
type StoredInvite = z.infer<typeof StoredInvite>;

/** An invite that does not exist, has expired or was used: one answer for all three. */
export class InviteInvalidError extends Error {
  constructor() {
    super('The invite code is invalid, expired or already used');
    this.name = 'InviteInvalidError';
  }
}

const codeKey = (code: string) => keys.invite(createHash('sha256').update(code).digest('hex'));
const toPublic = ({ createdBy: _by, ...rest }: StoredInvite): Invite => rest;

/** Single-use registration invites, stored by the hash of their code (the code is shown once). */
export function createInviteService(deps: { documents: DocumentStore; now: () => Date }) {
  return {
    async create(createdBy: string): Promise<{ invite: Invite; code: string }> {
      const code = randomBytes(24).toString('base64url');
      const now = deps.now();
      const stored: StoredInvite = {
        id: randomBytes(6).toString('hex'),
        createdBy,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS).toISOString(),
        usedBy: null,
      };
      await deps.documents.createJson(codeKey(code), stored);
      return { invite: toPublic(stored), code };
    },

    async list(createdBy: string): Promise<Invite[]> {
      const invites: Invite[] = [];
      for (const key of await deps.documents.list(keys.invitesPrefix)) {
        const stored = await deps.documents.getJson(key, StoredInvite).catch(() => null);
        if (stored?.value.createdBy === createdBy) invites.push(toPublic(stored.value));
      }
      return invites.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** Marks the invite used by `username` (compare-and-swap: one registration per invite). */
    async consume(code: string, username: string): Promise<void> {
      const now = deps.now().getTime();
      const existing = await deps.documents.getJson(codeKey(code), StoredInvite);
      if (!existing) throw new InviteInvalidError();
      await deps.documents.updateJson(codeKey(code), StoredInvite, (current) => {
        if (!current || current.usedBy !== null || Date.parse(current.expiresAt) <= now) {
          throw new InviteInvalidError();
        }
        return { ...current, usedBy: username };
      });
    },

    /** Gives a consumed invite back (the registration it was for failed). */
    async release(code: string): Promise<void> {
      await deps.documents.updateJson(codeKey(code), StoredInvite, (current) => {
        if (!current) throw new InviteInvalidError();
        return { ...current, usedBy: null };
      });
    },
  };
}
export type InviteService = ReturnType<typeof createInviteService>;
