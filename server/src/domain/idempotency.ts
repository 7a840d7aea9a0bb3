// Idempotent admin calls. The key is checked, the effect run and its answer stored in ONE
// immediate transaction: within this process better-sqlite3 runs it without interleaving, and
// across processes BEGIN IMMEDIATE takes SQLite's write lock first, so two duplicates can never
// both see "no key yet". The (scope, key) primary key is the last guard.

import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';

export interface StoredAnswer {
  status: number;
  body: unknown;
  /** True when this answer was stored by an earlier call with the same key. */
  replayed: boolean;
}

/** JSON with object keys sorted at every level, so equal bodies hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(body: unknown): Buffer {
  return createHash('sha256').update(canonicalJson(body)).digest();
}

/**
 * Run `effect` once per (scope, key). The same key with the same parsed body answers the stored
 * status and body and changes nothing; with a different body it is a 409. A refusal thrown by the
 * effect (an ApiError) rolls everything back and stores nothing, so a retry is judged afresh.
 */
export function idempotent(
  db: Db,
  scope: string,
  key: string,
  body: unknown,
  now: number,
  effect: () => { status: number; body: unknown },
): StoredAnswer {
  const hash = requestHash(body);
  const run = db.transaction((): StoredAnswer => {
    const stored = db
      .prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as { request_hash: Buffer; status: number; response: string } | undefined;
    if (stored) {
      if (!hash.equals(stored.request_hash)) {
        throw new ApiError('conflict', 'This Idempotency-Key was already used with a different request body.');
      }
      return { status: stored.status, body: JSON.parse(stored.response), replayed: true };
    }
    const answer = effect();
    db.prepare(
      'INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(scope, key, hash, answer.status, JSON.stringify(answer.body), now);
    return { ...answer, replayed: false };
  });
  return run.immediate();
}
