import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import type { ApiToken, CreateTokenBody, TokenScope } from '../shared/api/tokens.js';
import { TokenScope as TokenScopeSchema } from '../shared/api/tokens.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

/** Domain errors of API tokens. */
export class TokenError extends DomainError {
  constructor(
    kind: 'invalid' | 'not_found',
    override readonly code: 'token_not_found' | 'too_many_tokens',
    message: string,
  ) {
    super(kind, code, message);
    this.name = 'TokenError';
  }
}

export const TOKEN_PREFIX = 'agc';
export const MAX_TOKENS_PER_USER = 25;
/** last-used is a convenience, not an audit log: one write per token per minute at most. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

const TOKEN_FORMAT = /^agc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const StoredToken = z.object({
  id: z.string(),
  name: z.string(),
  scope: TokenScopeSchema,
  /** sha256 of the secret part, hex: the secret itself is never stored. */
  secretSha256: z.string(),
  hint: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
type StoredToken = z.infer<typeof StoredToken>;
const TokensDocument = z.object({ tokens: z.array(StoredToken) });
type TokensDocument = z.infer<typeof TokensDocument>;
const OwnerDocument = z.object({ username: z.string() });

export interface TokenIdentity {
  tokenId: string;
  username: string;
  scope: TokenScope;
}

export type AuthenticateResult =
  | { ok: true; identity: TokenIdentity }
  | { ok: false; code: 'token_invalid' | 'token_expired' };

export interface TokenServiceDeps {
  documents: DocumentStore;
  now: () => Date;
  lastUsedWriteIntervalMs?: number;
  /** A failed last-used write must not fail the request it rode on: it is only reported. */
  onBackgroundError?: (error: unknown) => void;
}

export type TokenService = ReturnType<typeof createTokenService>;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function toPublic(token: StoredToken): ApiToken {
  const { secretSha256: _hash, ...rest } = token;
  return rest;
}

export function createTokenService(deps: TokenServiceDeps) {
  const interval = deps.lastUsedWriteIntervalMs ?? LAST_USED_WRITE_INTERVAL_MS;
  // When this process last wrote a token's lastUsedAt, so a busy script costs one write a minute.
  const lastWrite = new LRUCache<string, number>({ max: 10_000 });
  const EMPTY: TokensDocument = { tokens: [] };

  async function load(username: string): Promise<TokensDocument> {
    return (await deps.documents.getJson(keys.apiTokens(username), TokensDocument))?.value ?? EMPTY;
  }

  function recordUse(username: string, tokenId: string, at: Date): void {
    const previous = lastWrite.get(tokenId);
    if (previous !== undefined && at.getTime() - previous < interval) return;
    lastWrite.set(tokenId, at.getTime());
    deps.documents
      .updateJson(keys.apiTokens(username), TokensDocument, (current) => ({
        tokens: (current ?? EMPTY).tokens.map((t) =>
          t.id === tokenId ? { ...t, lastUsedAt: at.toISOString() } : t,
        ),
      }))
      .catch((error: unknown) => deps.onBackgroundError?.(error));
  }

  return {
    /** Creates a token; the returned secret is the only copy that will ever exist. */
    async create(username: string, body: CreateTokenBody): Promise<{ token: ApiToken; secret: string }> {
      const id = randomBytes(8).toString('hex');
      const secretPart = randomBytes(32).toString('base64url');
      const createdAt = deps.now();
      const stored: StoredToken = {
        id,
        name: body.name,
        scope: body.scope,
        secretSha256: sha256(secretPart).toString('hex'),
        hint: secretPart.slice(-4),
        createdAt: createdAt.toISOString(),
        expiresAt:
          body.expiresInDays === undefined
            ? null
            : new Date(createdAt.getTime() + body.expiresInDays * 86_400_000).toISOString(),
        lastUsedAt: null,
      };
      // Owner index first: a token whose index write failed is simply never usable.
      await deps.documents.createJson(keys.apiTokenOwner(id), { username });
      try {
        await deps.documents.updateJson(keys.apiTokens(username), TokensDocument, (current) => {
          const tokens = (current ?? EMPTY).tokens;
          if (tokens.length >= MAX_TOKENS_PER_USER) {
            throw new TokenError('invalid', 'too_many_tokens', `At most ${MAX_TOKENS_PER_USER} API tokens`);
          }
          return { tokens: [...tokens, stored] };
        });
      } catch (error) {
        await deps.documents.delete(keys.apiTokenOwner(id));
        throw error;
      }
      return { token: toPublic(stored), secret: `${TOKEN_PREFIX}_${id}_${secretPart}` };
    },

    async list(username: string): Promise<ApiToken[]> {
      return (await load(username)).tokens.map(toPublic);
    },

    /** Revoked tokens are deleted outright: nothing is left that could authenticate. */
    async revoke(username: string, tokenId: string): Promise<void> {
      let found = false;
      await deps.documents.updateJson(keys.apiTokens(username), TokensDocument, (current) => {
        const tokens = (current ?? EMPTY).tokens;
        found = tokens.some((t) => t.id === tokenId);
        return { tokens: tokens.filter((t) => t.id !== tokenId) };
      });
      if (!found) throw new TokenError('not_found', 'token_not_found', 'No such API token');
      await deps.documents.delete(keys.apiTokenOwner(tokenId));
      lastWrite.delete(tokenId);
    },

    /** Revokes every token of the user (a password change); returns how many there were. */
    async revokeAll(username: string): Promise<number> {
      let removed: StoredToken[] = [];
      await deps.documents.updateJson(keys.apiTokens(username), TokensDocument, (current) => {
        removed = (current ?? EMPTY).tokens;
        return EMPTY;
      });
      for (const token of removed) {
        await deps.documents.delete(keys.apiTokenOwner(token.id));
        lastWrite.delete(token.id);
      }
      return removed.length;
    },

    /** Checks a bearer token: its format, its owner, its hash (constant time), its expiry. */
    async authenticate(bearer: string): Promise<AuthenticateResult> {
      const invalid = { ok: false, code: 'token_invalid' } as const;
      const match = TOKEN_FORMAT.exec(bearer);
      const [, tokenId, secretPart] = match ?? [];
      if (!tokenId || !secretPart) return invalid;
      const owner = await deps.documents.getJson(keys.apiTokenOwner(tokenId), OwnerDocument);
      if (!owner) return invalid;
      const username = owner.value.username;
      const token = (await load(username)).tokens.find((t) => t.id === tokenId);
      if (!token) return invalid;
      const expected = Buffer.from(token.secretSha256, 'hex');
      const actual = sha256(secretPart);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return invalid;
      const now = deps.now();
      if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) {
        return { ok: false, code: 'token_expired' };
      }
      recordUse(username, tokenId, now);
      return { ok: true, identity: { tokenId, username, scope: token.scope } };
    },
  };
}
