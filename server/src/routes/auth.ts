import { Hono } from 'hono';
import { SignInRequest, type SessionInfo, type SignInResponse } from '@rp/contract';
import { findPartnerByCode } from '../domain/partners.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../domain/passwords.ts';
import { createSession, revokeSession } from '../domain/sessions.ts';
import {
  ADDRESS_LIMIT,
  addressKey,
  clearFailures,
  CODE_LIMIT,
  codeKey,
  lockedFor,
  oneAtATime,
  recordFailure,
} from '../domain/throttle.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, requirePartner } from '../http/guards.ts';
import { valid } from '../http/validation.ts';

/** One message for an unknown code and a wrong password, so the answer does not reveal which codes exist. */
const INVALID_CREDENTIALS = 'The partner code or password is incorrect.';

export function authRoutes(deps: Deps) {
  const { db, config, now } = deps;
  const policy = { maxHours: config.sessionMaxHours, idleMinutes: config.sessionIdleMinutes };
  const idleTimeoutSeconds = config.sessionIdleMinutes * 60;

  return new Hono<AppEnv>()
    .post('/sign-in', valid('json', SignInRequest), async (c) => {
      const { code, password } = c.req.valid('json');
      const keys = { code: codeKey(code), address: addressKey(clientAddress(c, config.trustProxy)) };

      // Attempts on one code or from one address are checked one after another (see oneAtATime).
      return oneAtATime([keys.code, keys.address], async () => {
        // While locked, answer before looking at the password: a locked guess must teach nothing.
        const lockedMs = lockedFor(db, [keys.code, keys.address], now());
        if (lockedMs > 0) {
          const retryAfterSeconds = Math.ceil(lockedMs / 1000);
          const minutes = Math.ceil(retryAfterSeconds / 60);
          throw new ApiError(
            'throttled',
            `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
            { retryAfterSeconds },
          );
        }

        // An unknown code still pays for one scrypt, against a dummy hash, so timing matches a wrong password.
        const partner = findPartnerByCode(db, code);
        const matches = await verifyPassword(password, partner?.password_hash ?? DUMMY_PASSWORD_HASH);
        if (!partner || !matches) {
          recordFailure(db, keys.code, CODE_LIMIT, now());
          recordFailure(db, keys.address, ADDRESS_LIMIT, now());
          throw new ApiError('invalid_credentials', INVALID_CREDENTIALS);
        }

        // The password was right, so telling the partner why they cannot enter reveals nothing new.
        if (partner.status === 'pending') throw new ApiError('forbidden', 'Your partner account is awaiting approval.');
        if (partner.status === 'suspended') {
          throw new ApiError('forbidden', 'Your partner account is suspended. Contact the program manager.');
        }

        clearFailures(db, keys.code);
        const session = createSession(db, partner.id, policy, now());
        return c.json({
          token: session.token,
          expiresAt: new Date(session.expiresAt).toISOString(),
          idleTimeoutSeconds,
          partner: { code: partner.code, name: partner.name },
        } satisfies SignInResponse);
      });
    })

    .post('/sign-out', requirePartner(deps), (c) => {
      revokeSession(db, c.get('session').sessionId, now());
      return c.body(null, 204);
    })

    .get('/session', requirePartner(deps), (c) => {
      const session = c.get('session');
      return c.json({
        expiresAt: new Date(session.expiresAt).toISOString(),
        idleTimeoutSeconds,
        partner: { code: session.code, name: session.name },
      } satisfies SessionInfo);
    });
}
