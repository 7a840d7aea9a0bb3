import { Hono } from 'hono';
import {
  OutboxQuery,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignUpRequest,
  type OutboxList,
  type PasswordResetAccepted,
} from '@rp/contract';
import { listOutbox, sendInBackground } from '../domain/mailer.ts';
import { confirmPasswordReset, requestPasswordReset, RESET_ACCEPTED_MESSAGE } from '../domain/password-reset.ts';
import { signUp, signUpOptions } from '../domain/signup.ts';
import { lockedFor, recordFailure } from '../domain/throttle.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, requireAdmin } from '../http/guards.ts';
import { valid } from '../http/validation.ts';

/** Attempts allowed per key within the throttle window (15 minutes) before a 15-minute lock. */
export const SIGNUP_ADDRESS_LIMIT = 10;
export const RESET_IDENTIFIER_LIMIT = 5;
export const RESET_ADDRESS_LIMIT = 20;

/**
 * Count one attempt against every key, refusing while any is locked. Counted before any slow
 * work, synchronously, so a burst of parallel requests cannot all slip past the check.
 */
function throttle(deps: Deps, keys: Array<[key: string, limit: number]>, what: string): void {
  const now = deps.now();
  const lockedMs = lockedFor(
    deps.db,
    keys.map(([key]) => key),
    now,
  );
  if (lockedMs > 0) {
    const retryAfterSeconds = Math.ceil(lockedMs / 1000);
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new ApiError('throttled', `Too many ${what}. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`, {
      retryAfterSeconds,
    });
  }
  for (const [key, limit] of keys) recordFailure(deps.db, key, limit, now);
}

/** Public account routes under `/api/auth`: sign-up and password reset. */
export function accountRoutes(deps: Deps) {
  const { db, config, now } = deps;
  const address = (c: Parameters<typeof clientAddress>[0]) => clientAddress(c, config.trustProxy);

  return new Hono<AppEnv>()
    .get('/sign-up', (c) => c.json(signUpOptions(db)))

    .post('/sign-up', valid('json', SignUpRequest), async (c) => {
      throttle(deps, [[`signup-addr:${address(c)}`, SIGNUP_ADDRESS_LIMIT]], 'sign-ups from this address');
      return c.json(await signUp(db, c.req.valid('json'), now()), 201);
    })

    .post('/password-reset', valid('json', PasswordResetRequest), (c) => {
      const { identifier } = c.req.valid('json');
      throttle(
        deps,
        [
          [`reset-id:${identifier.toLowerCase()}`, RESET_IDENTIFIER_LIMIT],
          [`reset-addr:${address(c)}`, RESET_ADDRESS_LIMIT],
        ],
        'password reset requests',
      );
      // The mail is queued, not awaited: the answer comes as fast for an unknown identifier.
      for (const mail of requestPasswordReset(db, identifier, config.publicUrl, now())) sendInBackground(deps.mailer, mail);
      return c.json({ message: RESET_ACCEPTED_MESSAGE } satisfies PasswordResetAccepted, 202);
    })

    .post('/password-reset/confirm', valid('json', PasswordResetConfirm), async (c) => {
      const { token, password } = c.req.valid('json');
      await confirmPasswordReset(db, token, password, now());
      return c.body(null, 204);
    });
}

/** `GET /api/admin/outbox`: mail kept by the default outbox mailer, newest first. */
export function outboxRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use('/outbox', requireAdmin(deps))
    .get('/outbox', valid('query', OutboxQuery), (c) => {
      return c.json({ messages: listOutbox(deps.db, c.req.valid('query').limit) } satisfies OutboxList);
    });
}
