import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createPasswordHasher, isCommonPassword, PASSWORD_SCHEME } from '../auth/passwords.js';
import { DomainError } from '../core/errors.js';
import { PreconditionFailedError } from '../core/storage.js';
import type { User } from '../shared/api/auth.js';
import { type DisplayCurrency, DisplayCurrencySchema } from '../shared/currency.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

export const DEFAULT_BCRYPT_COST = 12;

/** users/{username}/profile.json */
export const Profile = z.object({
  username: z.string(),
  passwordHash: z.string(),
  /** Absent: a legacy bcrypt of the raw password (upgraded at the next sign-in). */
  passwordScheme: z.literal(PASSWORD_SCHEME).optional(),
  createdAt: z.string(),
  passwordChangedAt: z.string().optional(),
  /** Per-user External ID for AssumeRole (confused-deputy protection); never changes. */
  externalId: z.string(),
  lang: z.enum(['ko', 'en']).optional(),
  displayCurrency: DisplayCurrencySchema.optional(),
});
export type Profile = z.infer<typeof Profile>;

export interface UserServiceDeps {
  documents: DocumentStore;
  now?: () => Date;
  /** Tests of other parts may lower it for speed; production uses DEFAULT_BCRYPT_COST. */
  bcryptCost?: number;
  /** HMAC key mixed into every password before bcrypt (derived from SECRET_KEY). */
  passwordPepper: Buffer;
}

/** Refuses a password from the common-password list, naming the form field. */
function assertNotCommon(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError('invalid', 'validation', 'This password is too common', {
      fields: { [field]: 'password_common' },
    });
  }
}

export type UserService = ReturnType<typeof createUserService>;

function toUser(profile: Profile): User {
  return {
    username: profile.username,
    createdAt: profile.createdAt,
    ...(profile.lang ? { lang: profile.lang } : {}),
    ...(profile.displayCurrency ? { displayCurrency: profile.displayCurrency } : {}),
  };
}

/** External IDs: 32 random bytes as base64url — unguessable, and valid in a trust-policy condition. */
export function generateExternalId(): string {
  return `again-${randomBytes(24).toString('base64url')}`;
}

export function createUserService(deps: UserServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const passwords = createPasswordHasher(deps.passwordPepper, deps.bcryptCost ?? DEFAULT_BCRYPT_COST);
  // Compared against when the user does not exist, so a login takes the same time either way.
  let dummyHash: ReturnType<typeof passwords.hash> | undefined;
  const getDummyHash = () => {
    dummyHash ??= passwords.hash(randomBytes(16).toString('hex'));
    return dummyHash;
  };

  async function getProfile(username: string): Promise<Profile | null> {
    return (await deps.documents.getJson(keys.profile(username), Profile))?.value ?? null;
  }

  return {
    getProfile,

    async getUser(username: string): Promise<User | null> {
      const profile = await getProfile(username);
      return profile ? toUser(profile) : null;
    },

    /**
     * Username and password already satisfy the shared RegisterBody schema. The password is
     * hashed before the name is checked, so a taken name answers no faster than a new one.
     */
    async register(username: string, password: string): Promise<User> {
      assertNotCommon(password, 'password');
      const profile: Profile = {
        username,
        ...(await passwords.hash(password)),
        createdAt: now().toISOString(),
        externalId: generateExternalId(),
      };
      try {
        // Create-only: of two simultaneous registrations of one name exactly one gets here first.
        await deps.documents.createJson(keys.profile(username), profile);
      } catch (error) {
        if (error instanceof PreconditionFailedError) {
          throw new DomainError('conflict', 'username_taken', 'This username is already taken', {
            fields: { username: 'username_taken' },
          });
        }
        throw error;
      }
      return toUser(profile);
    },

    /**
     * The user when the password matches, else null; unknown users cost the same bcrypt time. A
     * legacy hash (bcrypt of the raw password) is replaced by the current scheme on success.
     */
    async verifyLogin(username: string, password: string): Promise<User | null> {
      const profile = await getProfile(username).catch(() => null);
      const matches = await passwords.verify(password, profile ?? (await getDummyHash()));
      if (!profile || !matches) return null;
      if (passwords.needsUpgrade(profile)) {
        const upgraded = await passwords.hash(password);
        await deps.documents.updateJson(keys.profile(username), Profile, (current) => {
          if (!current) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
          // Another sign-in may have upgraded it meanwhile: keep theirs.
          return passwords.needsUpgrade(current) ? { ...current, ...upgraded } : current;
        });
      }
      return toUser(profile);
    },

    async changePassword(username: string, currentPassword: string, newPassword: string): Promise<void> {
      const profile = await getProfile(username);
      if (!profile || !(await passwords.verify(currentPassword, profile))) {
        throw new DomainError('invalid', 'password_incorrect', 'The current password is not correct', {
          fields: { currentPassword: 'password_incorrect' },
        });
      }
      assertNotCommon(newPassword, 'newPassword');
      const hashed = await passwords.hash(newPassword);
      await deps.documents.updateJson(keys.profile(username), Profile, (current) => {
        if (!current) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
        return { ...current, ...hashed, passwordChangedAt: now().toISOString() };
      });
    },

    /** Sets (or, with null, clears) the display currency shown beside USD amounts. */
    async setDisplayCurrency(username: string, currency: DisplayCurrency | null): Promise<User> {
      const saved = await deps.documents.updateJson(keys.profile(username), Profile, (current) => {
        if (!current) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
        const { displayCurrency: _old, ...rest } = current;
        return currency ? { ...rest, displayCurrency: currency } : rest;
      });
      return toUser(saved);
    },

    async getExternalId(username: string): Promise<string> {
      const profile = await getProfile(username);
      if (!profile) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
      return profile.externalId;
    },
  };
}
