import { z } from 'zod';

/** 3–32 chars: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const Username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'username_invalid');
export const Password = z.string().min(10, 'password_too_short').max(200, 'password_too_long');

export const RegisterBody = z.object({ username: Username, password: Password });
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
});
export type User = z.infer<typeof User>;

/** GET /api/auth/me → 200 { user } (user null when signed out). */
export const MeResponse = z.object({ user: User.nullable() });
/** GET /api/auth/csrf → 200 { token } ; send it back in the x-csrf-token header. */
export const CsrfResponse = z.object({ token: z.string() });
/** POST /api/auth/register → 201 { user } ; POST /api/auth/login → 200 { user }. */
export const UserResponse = z.object({ user: User });
// POST /api/auth/logout → 204 ; POST /api/auth/password → 204
