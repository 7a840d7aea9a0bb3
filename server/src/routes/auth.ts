import { Hono } from 'hono';
import { SignInRequest, type SessionInfo, type SignInResponse } from '@rp/contract';
import { findPartnerByCode } from '../domain/partners.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../domain/passwords.ts';
import { createSession, revokeSession } from '../domain/sessions.ts';
import { addressKey, codeKey } from '../domain/throttle.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, requirePartner, sessionPolicy } from '../http/guards.ts';
import { throttledSignIn } from '../http/sign-in-throttle.ts';
import { valid } from '../http/validation.ts';

/** One message for an unknown code and a wrong password, so the answer does not reveal which codes exist. */
const INVALID_CREDENTIALS = 'The partner code or password is incorrect.';

export function authRoutes(deps: Deps) {
  const { db, config, now } = deps;
  const policy = sessionPolicy(config);
  const info = (expiresAt: number, partner: { code: string; name: string }): SessionInfo => ({
    expiresAt: new Date(expiresAt).toISOString(),
    idleTimeoutSeconds: config.sessionIdleMinutes * 60,
    partner: { code: partner.code, name: partner.name },
  });

  return new Hono<AppEnv>()
    .post('/sign-in', valid('json', SignInRequest), async (c) => {
      const { code, password } = c.req.valid('json');
      const keys = { account: codeKey(code), address: addressKey(clientAddress(c, config.trustProxy)) };
      const answer = await throttledSignIn(db, now, keys, INVALID_CREDENTIALS, async () => {
        // An unknown code still pays for one scrypt, against a dummy hash, so timing matches a wrong password.
        const partner = findPartnerByCode(db, code);
        const matches = await verifyPassword(password, partner?.password_hash ?? DUMMY_PASSWORD_HASH);
        if (!partner || !matches) return null;

        // The password was right, so telling the partner why they cannot enter reveals nothing new.
        if (partner.status === 'pending') throw new ApiError('forbidden', 'Your partner account is awaiting approval.');
        if (partner.status === 'suspended') {
          throw new ApiError('forbidden', 'Your partner account is suspended. Contact the program manager.');
        }

        const session = createSession(db, partner.id, policy, now());
        return { token: session.token, ...info(session.expiresAt, partner) } satisfies SignInResponse;
      });
      return c.json(answer);
    })

    .post('/sign-out', requirePartner(deps), (c) => {
      revokeSession(db, c.get('session').sessionId, now());
      return c.body(null, 204);
    })

    .get('/session', requirePartner(deps), (c) => {
      const session = c.get('session');
      return c.json(info(session.expiresAt, session));
    });
}
