import { z } from 'zod';

/** What the audit log records (logs/audit.log for the operator; each user's own in Settings). */
export const AuditAction = z.enum([
  'registered',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_changed',
  'token_created',
  'token_revoked',
  'connection_created',
  'connection_deleted',
  'mute_created',
  'mute_deleted',
  'invite_created',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z.object({
  at: z.string(),
  action: AuditAction,
  username: z.string(),
  /** The client address the server saw (behind a proxy: per TRUST_PROXY). */
  address: z.string(),
  /** The object acted on (a token, connection or mute id), when there is one. */
  target: z.string().optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /api/audit → 200 { events }: the signed-in user's own events, newest first. */
export const AuditResponse = z.object({ events: z.array(AuditEvent) });
