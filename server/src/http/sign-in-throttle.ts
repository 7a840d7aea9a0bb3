import type { Db } from '../db/database.ts';
import { ADDRESS_LIMIT, clearFailures, CODE_LIMIT, lockedFor, oneAtATime, recordFailure } from '../domain/throttle.ts';
import { ApiError } from './errors.ts';

export interface SignInKeys {
  /** Throttle key of the account tried (partner code, admin email). */
  account: string;
  /** Throttle key of the client address (`addressKey`). */
  address: string;
}

/**
 * The throttled frame of a password sign-in (domain/throttle.ts). Attempts on one account or
 * from one address run one after another; while either key is locked the answer is 429 before
 * the password is looked at. `attempt` checks the password and answers null when the
 * credentials are wrong: that counts a failure against both keys and answers 401 with
 * `invalidMessage`. Anything `attempt` throws (a refused account) passes through uncounted; a
 * success forgets the account's failures (not the address's).
 */
export function throttledSignIn<T>(
  db: Db,
  now: () => number,
  keys: SignInKeys,
  invalidMessage: string,
  attempt: () => Promise<T | null>,
): Promise<T> {
  return oneAtATime([keys.account, keys.address], async () => {
    // While locked, answer before looking at the password: a locked guess must teach nothing.
    const lockedMs = lockedFor(db, [keys.account, keys.address], now());
    if (lockedMs > 0) {
      const retryAfterSeconds = Math.ceil(lockedMs / 1000);
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new ApiError('throttled', `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`, {
        retryAfterSeconds,
      });
    }
    const result = await attempt();
    if (result === null) {
      recordFailure(db, keys.account, CODE_LIMIT, now());
      recordFailure(db, keys.address, ADDRESS_LIMIT, now());
      throw new ApiError('invalid_credentials', invalidMessage);
    }
    clearFailures(db, keys.account);
    return result;
  });
}
