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
 * The session tables: the column naming each session's owner, and the owner joined in when a
 * session is found, only while they may still enter (an active partner, an enabled staff user),
 * with the fields the guards need. Spliced into SQL, so they come only from here, never from input.
 */
const TABLES = {
  sessions: { owner: 'partner_id', join: "partners o ON o.id = s.partner_id AND o.status = 'active'", fields: 'o.code, o.name' },
  admin_sessions: { owner: 'admin_user_id', join: 'admin_users o ON o.id = s.admin_user_id AND o.disabled_at IS NULL', fields: 'o.email, o.name' },
} as const;
export type SessionTable = keyof typeof TABLES;

/** What each table's owner is loaded as. */
interface Owners {
  sessions: { code: string; name: string };
  admin_sessions: { email: string; name: string };
}

/** A live session and its owner. */
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
export function sessionStore<T extends SessionTable>(table: T) {
  const { owner: ownerColumn, join, fields } = TABLES[table];
  return {
    /** Start a session; the token is returned once and only its sha256 is kept. */
    create(db: Db, ownerId: number, policy: SessionPolicy, now: number) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + policy.maxHours * 3_600_000;
      db.prepare(
        `INSERT INTO ${table} (token_hash, ${ownerColumn}, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
      ).run(hashToken(token), ownerId, now, now, expiresAt);
      return { token, expiresAt };
    },

    /**
     * The live session for a token and its owner, in one query; null when the token is unknown,
     * revoked, past its absolute expiry, idle for too long, or its owner may no longer enter (a
     * suspension or a disabled user is refused at once, not at the next sign-in). A live
     * session's activity is recorded.
     */
    find(db: Db, token: string, policy: SessionPolicy, now: number): LiveSession<Owners[T]> | null {
      type Row = { id: number; owner_id: number; last_seen_at: number; expires_at: number; revoked_at: number | null };
      const row = db
        .prepare(
          `SELECT s.id, s.${ownerColumn} AS owner_id, s.last_seen_at, s.expires_at, s.revoked_at, ${fields}
           FROM ${table} s JOIN ${join} WHERE s.token_hash = ?`,
        )
        .get(hashToken(token)) as (Row & Owners[T]) | undefined;
      if (!row) return null;
      // Everything but the session's own columns is the owner's (see TABLES' fields).
      const { id, owner_id: ownerId, last_seen_at: lastSeenAt, expires_at: expiresAt, revoked_at: revokedAt, ...owner } = row;
      if (revokedAt !== null || now >= expiresAt || now - lastSeenAt >= policy.idleMinutes * 60_000) return null;
      if (now - lastSeenAt >= TOUCH_INTERVAL_MS) {
        db.prepare(`UPDATE ${table} SET last_seen_at = ? WHERE id = ?`).run(now, id);
      }
      return { sessionId: id, ownerId, expiresAt, owner: owner as unknown as Owners[T] };
    },

    /** End one session (sign-out); revoking twice keeps the first time. */
    revoke(db: Db, sessionId: number, now: number): void {
      db.prepare(`UPDATE ${table} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(now, sessionId);
    },

    /** End every session of one owner (suspended, disabled, new password). */
    revokeAll(db: Db, ownerId: number, now: number): void {
      db.prepare(`UPDATE ${table} SET revoked_at = ? WHERE ${ownerColumn} = ? AND revoked_at IS NULL`).run(now, ownerId);
    },
  };
}
