import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/compose.js';
import {
  ChangePasswordBody,
  CsrfResponse,
  LoginBody,
  MeResponse,
  RegisterBody,
  type User,
  UserResponse,
} from '../../shared/api/auth.js';
import { ApiHttpError } from '../errors.js';
import { getUsername, markSignedIn, revokeUserSessions } from '../session.js';

/** Fields that survive a session id change: the CSRF secret, so the page's token stays valid. */
const KEEP_ACROSS_REGENERATE = ['_csrf'];

/** A fresh session id at sign-in defeats session fixation. */
async function signIn(request: FastifyRequest, user: User, now: Date): Promise<void> {
  await request.session.regenerate(KEEP_ACROSS_REGENERATE);
  markSignedIn(request, user.username, now);
}

function throttled(retryAfterSeconds: number): ApiHttpError {
  return new ApiHttpError(
    429,
    'login_throttled',
    `Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
    {
      retryAfterSeconds,
    },
  );
}

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/csrf',
    { config: { public: true }, schema: { response: { 200: CsrfResponse } } },
    async (_request, reply) => ({
      token: reply.generateCsrf(),
    }),
  );

  r.get(
    '/api/auth/me',
    { config: { public: true }, schema: { response: { 200: MeResponse } } },
    async (request) => {
      const username = request.session.username;
      return { user: username ? await deps.users.getUser(username) : null };
    },
  );

  r.post(
    '/api/auth/register',
    { config: { public: true }, schema: { body: RegisterBody, response: { 201: UserResponse } } },
    async (request, reply) => {
      const user = await deps.users.register(request.body.username, request.body.password);
      request.log.info({ username: user.username }, 'user registered');
      await signIn(request, user, deps.now());
      return reply.status(201).send({ user });
    },
  );

  r.post(
    '/api/auth/login',
    { config: { public: true }, schema: { body: LoginBody, response: { 200: UserResponse } } },
    async (request) => {
      const { username, password } = request.body;
      const wait = deps.loginThrottle.check(username, request.ip);
      if (wait !== null) {
        request.log.warn({ username, ip: request.ip }, 'login throttled');
        throw throttled(wait);
      }
      const user = await deps.users.verifyLogin(username, password);
      if (!user) {
        deps.loginThrottle.recordFailure(username, request.ip);
        request.log.info({ username, ip: request.ip }, 'login failed');
        throw new ApiHttpError(401, 'invalid_credentials', 'Wrong username or password');
      }
      deps.loginThrottle.recordSuccess(username);
      await signIn(request, user, deps.now());
      request.log.info({ username }, 'signed in');
      return { user };
    },
  );

  r.post('/api/auth/logout', { config: { public: true } }, async (request, reply) => {
    // The old session id is destroyed in the store; a new anonymous one keeps only the CSRF secret.
    await request.session.regenerate(KEEP_ACROSS_REGENERATE);
    return reply.status(204).send();
  });

  r.post('/api/auth/password', { schema: { body: ChangePasswordBody } }, async (request, reply) => {
    const username = getUsername(request);
    const wait = deps.loginThrottle.check(username, request.ip);
    if (wait !== null) throw throttled(wait);
    try {
      await deps.users.changePassword(username, request.body.currentPassword, request.body.newPassword);
    } catch (error) {
      // Guessing the current password through this form counts like a failed sign-in.
      if (error instanceof ApiHttpError && error.code === 'password_incorrect') {
        deps.loginThrottle.recordFailure(username, request.ip);
      }
      throw error;
    }
    // Every other session of the user is signed out; this browser stays, under a new session id.
    revokeUserSessions(request, username);
    const user = await deps.users.getUser(username);
    if (user) await signIn(request, user, deps.now());
    return reply.status(204).send();
  });
}
