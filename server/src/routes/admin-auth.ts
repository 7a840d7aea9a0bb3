import { Hono } from 'hono';
import { AdminSignInRequest, type AdminSessionInfo, type AdminSignInResponse } from '@rp/contract';
import { adminEmailKey, createAdminSession, findAdminUserByEmail, revokeAdminSession } from '../domain/admin-sessions.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../domain/passwords.ts';
import { addressKey } from '../domain/throttle.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, requireAdminSession, sessionPolicy } from '../http/guards.ts';
import { throttledSignIn } from '../http/sign-in-throttle.ts';
import { valid } from '../http/validation.ts';

/** One message for an unknown email and a wrong password, so the answer does not reveal who has an account. */
const INVALID_CREDENTIALS = 'The email address or password is incorrect.';

/**
 * The merchant's staff signing in to the back office (mounted at `/auth/admin`). Public routes
 * apart from the admin guard: sign-in needs no key, and the session token it answers opens `/admin/*`.
 */
export function adminAuthRoutes(deps: Deps) {
  const { db, config, now } = deps;
  const policy = sessionPolicy(config);
  const info = (expiresAt: number, admin: { email: string; name: string }): AdminSessionInfo => ({
    expiresAt: new Date(expiresAt).toISOString(),
    idleTimeoutSeconds: config.sessionIdleMinutes * 60,
    admin: { email: admin.email, name: admin.name },
  });

  return new Hono<AppEnv>()
    .post('/sign-in', valid('json', AdminSignInRequest), async (c) => {
      const { email, password } = c.req.valid('json');
      const keys = { account: adminEmailKey(email), address: addressKey(clientAddress(c, config.trustProxy)) };
      const answer = await throttledSignIn(db, now, keys, INVALID_CREDENTIALS, async () => {
        // An unknown email still pays for one scrypt, against a dummy hash, so timing matches a wrong password.
        const user = findAdminUserByEmail(db, email);
        const matches = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
        if (!user || !matches) return null;
        // The password was right, so saying why they cannot enter reveals nothing new.
        if (user.disabled_at !== null) throw new ApiError('forbidden', 'This admin account is disabled.');
        const session = createAdminSession(db, user.id, policy, now());
        return { token: session.token, ...info(session.expiresAt, user) } satisfies AdminSignInResponse;
      });
      return c.json(answer);
    })

    .post('/sign-out', requireAdminSession(deps), (c) => {
      revokeAdminSession(db, c.get('adminSession').sessionId, now());
      return c.body(null, 204);
    })

    .get('/session', requireAdminSession(deps), (c) => {
      const session = c.get('adminSession');
      return c.json(info(session.expiresAt, session));
    });
}
