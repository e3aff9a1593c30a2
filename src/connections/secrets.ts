import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveKey } from '../config/crypto.js';

/** Ciphertext at rest: AES-256-GCM, random 12-byte IV, auth tag; all base64. */
export const EncryptedBlob = z.object({
  v: z.literal(1),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
export type EncryptedBlob = z.infer<typeof EncryptedBlob>;

/**
 * Encrypts connection secrets with a key derived (HKDF) from SECRET_KEY. The AAD binds each
 * ciphertext to its user and connection, so a blob copied into another user's document (or
 * another connection) fails to decrypt instead of handing over someone else's credentials.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = deriveKey(secretKey, 'connection-secrets-aes-256-gcm');
  }

  private static aad(username: string, connectionId: string): Buffer {
    return Buffer.from(`again-console/connection/v1\u0000${username}\u0000${connectionId}`);
  }

  seal(plaintext: string, username: string, connectionId: string): EncryptedBlob {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(SecretBox.aad(username, connectionId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      v: 1,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** Throws when the blob was tampered with, moved to another user/connection, or the key changed. */
  open(blob: EncryptedBlob, username: string, connectionId: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(blob.iv, 'base64'));
    decipher.setAAD(SecretBox.aad(username, connectionId));
    decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(blob.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
