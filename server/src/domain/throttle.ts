import type { Db } from '../db/database.ts';

/** Failures allowed per partner code, and per client address, within one window. */
export const CODE_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const codeKey = (code: string) => `code:${code.toLowerCase()}`;
export const addressKey = (address: string) => `addr:${address}`;

interface ThrottleRow {
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

/** Milliseconds until the longest lock among `keys` ends, or 0 when none is locked. */
export function lockedFor(db: Db, keys: string[], now: number): number {
  const get = db.prepare('SELECT locked_until FROM login_throttle WHERE key = ?');
  let longest = 0;
  for (const key of keys) {
    const row = get.get(key) as Pick<ThrottleRow, 'locked_until'> | undefined;
    if (row?.locked_until != null && row.locked_until > now) longest = Math.max(longest, row.locked_until - now);
  }
  return longest;
}

/**
 * Count one failed sign-in against a key. The count restarts when its window is over;
 * reaching the limit locks the key and starts a fresh count for after the lock.
 */
export function recordFailure(db: Db, key: string, limit: number, now: number): void {
  db.transaction(() => {
    const row = db.prepare('SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = ?').get(key) as
      | ThrottleRow
      | undefined;
    const inWindow = row !== undefined && now - row.window_started_at < WINDOW_MS;
    const failures = inWindow ? row.failures + 1 : 1;
    const windowStart = inWindow ? row.window_started_at : now;
    const locked = failures >= limit;
    db.prepare(
      `INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
         window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
    ).run(key, locked ? 0 : failures, locked ? now : windowStart, locked ? now + LOCK_MS : (row?.locked_until ?? null));
  })();
}

/** A successful sign-in forgets the code's failures (not the address's: one good account must not unlock an attacker). */
export function clearFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM login_throttle WHERE key = ?').run(key);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` once every earlier task holding any of `keys` has finished. Sign-in awaits a slow
 * password hash between checking the lock and recording a failure; without this, a burst of
 * parallel guesses would all pass the check before the first failure is counted. Keys are always
 * taken in the order given (code, then address), so two attempts can never wait on each other.
 */
export async function oneAtATime<T>(keys: string[], task: () => Promise<T>): Promise<T> {
  const [key, ...rest] = keys;
  if (key === undefined) return task();
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => oneAtATime(rest, task));
  const settled = run.catch(() => {});
  queues.set(key, settled);
  try {
    return await run;
  } finally {
    if (queues.get(key) === settled) queues.delete(key);
  }
}
