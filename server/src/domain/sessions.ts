import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

export interface SessionPolicy {
  /** The session ends this long after sign-in, whatever the activity. */
  maxHours: number;
  /** The session ends after this long without a request. */
  idleMinutes: number;
}

export interface ActiveSession {
  sessionId: number;
  partnerId: number;
  code: string;
  name: string;
  expiresAt: number;
}

/** Seen-at is written at most this often, so every read request is not also a write. */
const TOUCH_INTERVAL_MS = 60_000;

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Start a session; the token is returned once and only its sha256 is kept. */
export function createSession(db: Db, partnerId: number, policy: SessionPolicy, now: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + policy.maxHours * 3_600_000;
  db.prepare(
    `INSERT INTO sessions (token_hash, partner_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(hashToken(token), partnerId, now, now, expiresAt);
  return { token, expiresAt };
}

/**
 * The live session for a token, or null when the token is unknown, revoked, past its absolute
 * expiry, idle for too long, or its partner is no longer active (a suspension takes effect at
 * once, not at the next sign-in).
 */
export function findSession(db: Db, token: string, policy: SessionPolicy, now: number): ActiveSession | null {
  const row = db
    .prepare(
      `SELECT s.id, s.partner_id, s.last_seen_at, s.expires_at, s.revoked_at, p.code, p.name, p.status
       FROM sessions s JOIN partners p ON p.id = s.partner_id
       WHERE s.token_hash = ?`,
    )
    .get(hashToken(token)) as
    | {
        id: number;
        partner_id: number;
        last_seen_at: number;
        expires_at: number;
        revoked_at: number | null;
        code: string;
        name: string;
        status: string;
      }
    | undefined;
  if (!row || row.revoked_at !== null || row.status !== 'active') return null;
  if (now >= row.expires_at) return null;
  if (now - row.last_seen_at >= policy.idleMinutes * 60_000) return null;
  if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, row.id);
  }
  return { sessionId: row.id, partnerId: row.partner_id, code: row.code, name: row.name, expiresAt: row.expires_at };
}

export function revokeSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, sessionId);
}
