import { z } from 'zod';

/** `read`: GET only. `read-run`: also start and cancel collections and advisor runs. */
export const TokenScope = z.enum(['read', 'read-run']);
export type TokenScope = z.infer<typeof TokenScope>;

/** The longest expiry a token may be given, in days. */
export const MAX_TOKEN_DAYS = 365;

/** POST /api/tokens → 201 CreatedTokenResponse (the only time the secret is sent). */
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1, 'token_name_required').max(64, 'token_name_too_long'),
  scope: TokenScope,
  /** Days until the token stops working; absent = never expires. */
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
});
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;

/** A token as listed: never its secret nor its hash. */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  scope: TokenScope,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Last 4 characters of the secret, so a user can tell tokens apart. */
  hint: z.string(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TokensResponse = z.object({ tokens: z.array(ApiToken) });
export const CreatedTokenResponse = z.object({
  token: ApiToken,
  /** `agc_<id>_<secret>`: send as `Authorization: Bearer <secret>`. Shown once, never again. */
  secret: z.string(),
});
export const TokenParams = z.object({ id: z.string().min(1).max(64) });
