import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import { DomainError } from '../../core/errors.js';
import {
  ChangePasswordBody,
  CsrfResponse,
  LoginBody,
  MeResponse,
  RegisterBody,
  RegistrationResponse,
  type User,
  UserResponse,
} from '../../shared/api/auth.js';
import { ApiHttpError } from '../errors.js';
import {
  getUsername,
  revokeUserSessions,
  SESSION_COOKIE,
  signInSession,
  signOutSession,
} from '../session.js';

function throttled(code: string, retryAfterSeconds: number): ApiHttpError {
  return new ApiHttpError(429, code, `Too many attempts; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The user as the web sees them: the admin of an invite-only server carries role 'admin'. */
  async function withRole(user: User): Promise<User> {
    return (await deps.registration.adminName()) === user.username ? { ...user, role: 'admin' } : user;
  }

  const audit = (
    request: FastifyRequest,
    action: 'sign_in' | 'sign_out' | 'registered' | 'password_changed',
    username: string,
  ) => deps.audit.record({ action, username, address: request.ip });

  // A signed double-submit cookie: no server-side session is created for a visitor.
  r.get(
    '/api/auth/csrf',
    { config: { public: true }, schema: { response: { 200: CsrfResponse } } },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  r.get(
    '/api/auth/me',
    { config: { public: true }, schema: { response: { 200: MeResponse } } },
    async (request) => {
      const username = request.session.username;
      const user = username ? await deps.users.getUser(username) : null;
      return { user: user ? await withRole(user) : null };
    },
  );

  r.get(
    '/api/auth/registration',
    { config: { public: true }, schema: { response: { 200: RegistrationResponse } } },
    async () => await deps.registration.status(),
  );

  r.post(
    '/api/auth/register',
    { config: { public: true }, schema: { body: RegisterBody, response: { 201: UserResponse } } },
    async (request, reply) => {
      // Every attempt counts, a taken name included: probing names costs the address its quota.
      const wait = await deps.registrationLimit.hit(request.ip);
      if (wait !== null) throw throttled('registration_throttled', wait);
      const { username, password, inviteCode } = request.body;
      const user = await deps.registration.register(username, password, inviteCode);
      await signInSession(request, user.username, deps.now());
      await audit(request, 'registered', user.username);
      return reply.status(201).send({ user });
    },
  );

  r.post(
    '/api/auth/login',
    { config: { public: true }, schema: { body: LoginBody, response: { 200: UserResponse } } },
    async (request) => {
      const { username, password } = request.body;
      const wait = await deps.loginThrottle.check(username, request.ip);
      if (wait !== null) {
        request.log.warn({ username, ip: request.ip }, 'login throttled');
        throw throttled('login_throttled', wait);
      }
      const user = await deps.users.verifyLogin(username, password);
      if (!user) {
        await deps.loginThrottle.recordFailure(username, request.ip);
        const known = (await deps.users.getProfile(username).catch(() => null)) !== null;
        await deps.audit.record({ action: 'sign_in_failed', username, address: request.ip, ownEvent: known });
        throw new ApiHttpError(401, 'invalid_credentials', 'Wrong username or password');
      }
      await deps.loginThrottle.recordSuccess(username, request.ip);
      await signInSession(request, user.username, deps.now());
      await audit(request, 'sign_in', user.username);
      return { user: await withRole(user) };
    },
  );

  r.post('/api/auth/logout', { config: { public: true } }, async (request, reply) => {
    const username = request.session?.username;
    await signOutSession(request);
    if (username) await audit(request, 'sign_out', username);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/auth/password', { schema: { body: ChangePasswordBody } }, async (request, reply) => {
    const username = getUsername(request);
    const wait = await deps.loginThrottle.check(username, request.ip);
    if (wait !== null) throw throttled('login_throttled', wait);
    try {
      await deps.users.changePassword(username, request.body.currentPassword, request.body.newPassword);
    } catch (error) {
      // Guessing the current password through this form counts like a failed sign-in.
      if (error instanceof DomainError && error.code === 'password_incorrect') {
        await deps.loginThrottle.recordFailure(username, request.ip);
      }
      throw error;
    }
    // Every other session and every API token of the user end; this browser stays signed in.
    await revokeUserSessions(request, username);
    await deps.tokens.revokeAll(username);
    await signInSession(request, username, deps.now());
    await audit(request, 'password_changed', username);
    return reply.status(204).send();
  });
}
