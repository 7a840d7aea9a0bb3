import { createHash, randomBytes } from 'node:crypto';
import type { AdminKey, AdminKeyCreated } from '@rp/contract';
import type { Db } from '../db/database.ts';

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Admin keys start with this, so a leaked one is recognisable (secret scanners, logs). */
export const ADMIN_KEY_PREFIX = 'rpk_';
/** last_used_at is written at most this often, so every admin request is not also a write. */
const TOUCH_INTERVAL_MS = 60_000;

const hashKey = (secret: string) => createHash('sha256').update(secret).digest();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toKey(row: KeyRow): AdminKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Make a key: `rpk_` + 32 random bytes base64url. Only its sha256 is stored; the secret is returned once. */
export function createAdminKey(db: Db, name: string, now: number): AdminKeyCreated {
  const secret = ADMIN_KEY_PREFIX + randomBytes(32).toString('base64url');
  const id = Number(
    db
      .prepare('INSERT INTO admin_keys (name, key_hash, prefix, created_at) VALUES (?, ?, ?, ?)')
      .run(name, hashKey(secret), secret.slice(0, 8), now).lastInsertRowid,
  );
  return { ...readAdminKey(db, id)!, secret };
}

export function readAdminKey(db: Db, id: number): AdminKey | undefined {
  const row = db.prepare('SELECT * FROM admin_keys WHERE id = ?').get(id) as KeyRow | undefined;
  return row && toKey(row);
}

/** Every key, newest first; revoked ones too, marked, so the list explains a 401. */
export function listAdminKeys(db: Db): AdminKey[] {
  return (db.prepare('SELECT * FROM admin_keys ORDER BY id DESC').all() as KeyRow[]).map(toKey);
}

/** Revoke a key. false when there is no such key; revoking twice keeps the first time. */
export function revokeAdminKey(db: Db, id: number, now: number): boolean {
  const result = db.prepare('UPDATE admin_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, id);
  return result.changes > 0;
}

/**
 * Is this a live stored key? Looked up by its sha256, so timing reveals nothing about the
 * secret. Records the use (at most once a minute).
 */
export function checkAdminKey(db: Db, secret: string, now: number): boolean {
  if (!secret.startsWith(ADMIN_KEY_PREFIX)) return false;
  const row = db.prepare('SELECT id, last_used_at, revoked_at FROM admin_keys WHERE key_hash = ?').get(hashKey(secret)) as
    | Pick<KeyRow, 'id' | 'last_used_at' | 'revoked_at'>
    | undefined;
  if (!row || row.revoked_at !== null) return false;
  if (row.last_used_at === null || now - row.last_used_at >= TOUCH_INTERVAL_MS) {
    db.prepare('UPDATE admin_keys SET last_used_at = ? WHERE id = ?').run(now, row.id);
  }
  return true;
}
