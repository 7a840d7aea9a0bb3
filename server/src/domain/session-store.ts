import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

// One set of session rules for partners' and staff's sessions: each kind in a table of its own,
// so a token of one kind never opens the other's routes.

export interface SessionPolicy {
  /** The session ends this long after sign-in, whatever the activity. */
  maxHours: number;
  /** The session ends after this long without a request. */
  idleMinutes: number;
}

/**
 * The session tables and the column naming each session's owner. Both names are spliced into
 * SQL, so they come only from here, never from input.
 */
const OWNER_COLUMNS = {
  sessions: 'partner_id',
  admin_sessions: 'admin_user_id',
} as const;
export type SessionTable = keyof typeof OWNER_COLUMNS;

/** A live session and its owner as `ownerOf` loaded it. */
export interface LiveSession<Owner> {
  sessionId: number;
  ownerId: number;
  expiresAt: number;
  owner: Owner;
}

/** Seen-at is written at most this often, so every read request is not also a write. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** Create, find and revoke the sessions of one table (see OWNER_COLUMNS). */
export function sessionStore(table: SessionTable) {
  const owner = OWNER_COLUMNS[table];
  return {
    /** Start a session; the token is returned once and only its sha256 is kept. */
    create(db: Db, ownerId: number, policy: SessionPolicy, now: number) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + policy.maxHours * 3_600_000;
      db.prepare(
        `INSERT INTO ${table} (token_hash, ${owner}, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
      ).run(hashToken(token), ownerId, now, now, expiresAt);
      return { token, expiresAt };
    },

    /**
     * The live session for a token, or null when the token is unknown, revoked, past its absolute
     * expiry, idle for too long, or `ownerOf` answers null (an owner who may no longer enter is
     * refused at once, not at the next sign-in). A live session's activity is recorded.
     */
    find<Owner>(
      db: Db,
      token: string,
      policy: SessionPolicy,
      now: number,
      ownerOf: (ownerId: number) => Owner | null,
    ): LiveSession<Owner> | null {
      const row = db
        .prepare(`SELECT id, ${owner} AS owner_id, last_seen_at, expires_at, revoked_at FROM ${table} WHERE token_hash = ?`)
        .get(hashToken(token)) as
        | { id: number; owner_id: number; last_seen_at: number; expires_at: number; revoked_at: number | null }
        | undefined;
      if (!row || row.revoked_at !== null) return null;
      if (now >= row.expires_at || now - row.last_seen_at >= policy.idleMinutes * 60_000) return null;
      const found = ownerOf(row.owner_id);
      if (found === null) return null;
      if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
        db.prepare(`UPDATE ${table} SET last_seen_at = ? WHERE id = ?`).run(now, row.id);
      }
      return { sessionId: row.id, ownerId: row.owner_id, expiresAt: row.expires_at, owner: found };
    },

    /** End one session (sign-out); revoking twice keeps the first time. */
    revoke(db: Db, sessionId: number, now: number): void {
      db.prepare(`UPDATE ${table} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(now, sessionId);
    },

    /** End every session of one owner (suspended, disabled, new password). */
    revokeAll(db: Db, ownerId: number, now: number): void {
      db.prepare(`UPDATE ${table} SET revoked_at = ? WHERE ${owner} = ? AND revoked_at IS NULL`).run(now, ownerId);
    },
  };
}
