import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { PreconditionFailedError } from '../core/storage.js';
import type { RegistrationResponse, User } from '../shared/api/auth.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import type { UserService } from '../users/service.js';
import { InviteInvalidError, type InviteService } from './invites.js';

const AdminMarker = z.object({ username: z.string() });
const PROFILE_KEY = /^users\/[^/]+\/profile\.json$/;

/** Registration refused by the server's setting (not by the input): the web shows why. */
export class RegistrationClosedError extends DomainError {
  constructor(code: 'invite_required' | 'invite_invalid') {
    super(
      'forbidden',
      code,
      code === 'invite_required' ? 'Registration needs an invite code' : new InviteInvalidError().message,
    );
    this.name = 'RegistrationClosedError';
  }
}

/**
 * ALLOW_REGISTRATION: `open` — anyone registers; `invite` — the first user becomes the admin
 * (create-only marker auth/admin.json) and everyone after needs a single-use invite the admin
 * created. A server switched to `invite` with users already makes its oldest user the admin.
 */
export function createRegistration(deps: {
  mode: 'open' | 'invite';
  documents: DocumentStore;
  users: UserService;
  invites: InviteService;
}) {
  let knownAdmin: string | null = null;

  async function claimAdmin(username: string): Promise<boolean> {
    try {
      await deps.documents.createJson(keys.adminMarker, { username });
      knownAdmin = username;
      return true;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }

  /** The oldest existing user, for a server that had users before invites were switched on. */
  async function oldestUser(): Promise<string | null> {
    let oldest: { username: string; createdAt: string } | null = null;
    for (const key of (await deps.documents.list('users/')).filter((k) => PROFILE_KEY.test(k))) {
      const profile = await deps.users.getProfile(key.split('/')[1] ?? '').catch(() => null);
      if (profile && (!oldest || profile.createdAt < oldest.createdAt)) oldest = profile;
    }
    return oldest?.username ?? null;
  }

  async function adminName(): Promise<string | null> {
    if (deps.mode === 'open') return null;
    if (knownAdmin) return knownAdmin;
    const marker = await deps.documents.getJson(keys.adminMarker, AdminMarker);
    if (marker) {
      knownAdmin = marker.value.username;
      return knownAdmin;
    }
    const oldest = await oldestUser();
    if (oldest && !(await claimAdmin(oldest))) return await adminName();
    return oldest;
  }

  return {
    adminName,

    async status(): Promise<RegistrationResponse> {
      return { mode: deps.mode, inviteRequired: deps.mode === 'invite' && (await adminName()) !== null };
    },

    async register(username: string, password: string, inviteCode: string | undefined): Promise<User> {
      if (deps.mode === 'open') return await deps.users.register(username, password);
      if ((await adminName()) === null && (await claimAdmin(username))) {
        try {
          return { ...(await deps.users.register(username, password)), role: 'admin' };
        } catch (error) {
          await deps.documents.delete(keys.adminMarker);
          knownAdmin = null;
          throw error;
        }
      }
      if (!inviteCode) throw new RegistrationClosedError('invite_required');
      try {
        await deps.invites.consume(inviteCode, username);
      } catch (error) {
        if (error instanceof InviteInvalidError) throw new RegistrationClosedError('invite_invalid');
        throw error;
      }
      try {
        return await deps.users.register(username, password);
      } catch (error) {
        await deps.invites.release(inviteCode);
        throw error;
      }
    },
  };
}
export type Registration = ReturnType<typeof createRegistration>;
