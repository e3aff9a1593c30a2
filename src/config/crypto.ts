import { hkdfSync } from 'node:crypto';

/** A separate key per purpose, derived from SECRET_KEY with HKDF, so no two uses share key material. */
export function deriveKey(secretKey: string, purpose: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'again-console', purpose, length));
}
