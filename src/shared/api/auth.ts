import { z } from 'zod';
import { DisplayCurrencySchema } from '../currency.js';

/** 3–32 chars: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const Username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'username_invalid');
/** 12–128 characters (every one counts: see src/auth/passwords.ts); common passwords are refused by the server. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'password_too_short')
  .max(PASSWORD_MAX_LENGTH, 'password_too_long');

/** An invite code an admin created (invite-only servers); base64url. */
export const InviteCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'invite_invalid');
export const RegisterBody = z.object({
  username: Username,
  password: Password,
  inviteCode: InviteCode.optional(),
});
export const LoginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const User = z.object({
  username: z.string(),
  createdAt: z.string(),
  lang: z.enum(['ko', 'en']).optional(),
  /** The user's display currency beside USD (a rate they set), absent when amounts are USD only. */
  displayCurrency: DisplayCurrencySchema.optional(),
  /** The admin of an invite-only server (creates invites); absent for everyone else. */
  role: z.literal('admin').optional(),
});
export type User = z.infer<typeof User>;

/** GET /api/auth/me → 200 { user } (user null when signed out). */
export const MeResponse = z.object({ user: User.nullable() });
/** GET /api/auth/csrf → 200 { token } ; send it back in the x-csrf-token header. */
export const CsrfResponse = z.object({ token: z.string() });
/**
 * GET /api/auth/registration → 200: `open` anyone may register; `invite` an invite code is needed
 * (`inviteRequired` is false only until the first user, the admin, has registered).
 */
export const RegistrationResponse = z.object({
  mode: z.enum(['open', 'invite']),
  inviteRequired: z.boolean(),
});
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

/** POST /api/invites → 201: the code is shown once (stored hashed). GET /api/invites → 200. */
export const Invite = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedBy: z.string().nullable(),
});
export type Invite = z.infer<typeof Invite>;
export const CreatedInviteResponse = z.object({ invite: Invite, code: z.string() });
export const InvitesResponse = z.object({ invites: z.array(Invite) });

/** POST /api/auth/register → 201 { user } ; POST /api/auth/login → 200 { user }. */
export const UserResponse = z.object({ user: User });
/** PUT /api/account/display-currency → 200 UserResponse; `null` turns the display currency off. */
export const DisplayCurrencyBody = z.object({ displayCurrency: DisplayCurrencySchema.nullable() });
// POST /api/auth/logout → 204 ; POST /api/auth/password → 204
