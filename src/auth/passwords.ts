import { createHmac } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import bcrypt from 'bcrypt';

/**
 * How a stored hash was made. `hmac-sha256+bcrypt`: bcrypt of HMAC-SHA-256(pepper, password) —
 * bcrypt reads only 72 bytes, the HMAC digest (44 base64 characters) carries every byte of the
 * password, and the pepper (derived from SECRET_KEY) keeps a copied data folder alone from being
 * enough to guess offline. Absent: a legacy bcrypt of the raw password, upgraded at next sign-in.
 */
export const PASSWORD_SCHEME = 'hmac-sha256+bcrypt' as const;
export type PasswordScheme = typeof PASSWORD_SCHEME;

export interface StoredPassword {
  passwordHash: string;
  passwordScheme?: PasswordScheme;
}

export interface PasswordHasher {
  hash(password: string): Promise<StoredPassword>;
  verify(password: string, stored: StoredPassword): Promise<boolean>;
  /** True when the stored hash is of an older scheme and should be replaced after a sign-in. */
  needsUpgrade(stored: StoredPassword): boolean;
}

export function createPasswordHasher(pepper: Buffer, cost: number): PasswordHasher {
  const prehash = (password: string) =>
    createHmac('sha256', pepper).update(password, 'utf8').digest('base64');
  return {
    async hash(password) {
      return { passwordHash: await bcrypt.hash(prehash(password), cost), passwordScheme: PASSWORD_SCHEME };
    },
    async verify(password, stored) {
      const input = stored.passwordScheme === PASSWORD_SCHEME ? prehash(password) : password;
      return await bcrypt.compare(input, stored.passwordHash);
    },
    needsUpgrade: (stored) => stored.passwordScheme !== PASSWORD_SCHEME,
  };
}

let common: Set<string> | undefined;

/**
 * True for a password on zxcvbn-ts's list of the ~50,000 most common passwords (compared in
 * lower case, so `Password123456` counts as `password123456`).
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
