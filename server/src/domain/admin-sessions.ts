import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { NewPassword, requiredText } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { generatePassword } from './admin-partners.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import type { SessionPolicy } from './sessions.ts';

// The merchant's staff (admin users) and their back-office sessions. Built like the partners'
// sessions (domain/sessions.ts), in tables of their own: a token of one kind never opens the other's routes.

export interface AdminUserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
}

export interface ActiveAdminSession {
  sessionId: number;
  adminUserId: number;
  email: string;
  name: string;
  expiresAt: number;
}

/** A new admin user, as the CLI takes it. Without a password one is generated. */
export const AdminUserCreate = z.strictObject({
  email: z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').pipe(z.email('Enter a valid email address.')),
  name: requiredText(100),
  password: NewPassword.optional(),
});
export type AdminUserCreate = z.infer<typeof AdminUserCreate>;

/** Sign-in failures are counted per email under this throttle key (beside the client address's). */
export const adminEmailKey = (email: string) => `admin-email:${email.toLowerCase()}`;

/** The admin user with this email (case-insensitive), disabled or not. */
export function findAdminUserByEmail(db: Db, email: string): AdminUserRow | undefined {
  return db.prepare('SELECT * FROM admin_users WHERE email = ?').get(email.trim()) as AdminUserRow | undefined;
}

/**
 * Create an admin user. The password must pass the same policy as partners'; when none is given
 * one is generated and returned once (null when it was given).
 */
export async function createAdminUser(db: Db, input: AdminUserCreate, now: number) {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email: input.email });
    if (problem) throw new ApiError('invalid_request', problem, { fields: { password: problem } });
  }
  const taken = () => findAdminUserByEmail(db, input.email) !== undefined;
  const conflict = () => new ApiError('conflict', `An admin user with the email ${input.email} exists.`, { fields: { email: 'An admin user with this email exists.' } });
  if (taken()) throw conflict(); // before the slow hash
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  const id = db.transaction(() => {
    if (taken()) throw conflict();
    return Number(
      db
        .prepare('INSERT INTO admin_users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(input.email, input.name, hash, now).lastInsertRowid,
    );
  })();
  return { user: { id, email: input.email, name: input.name }, password: input.password === undefined ? password : null };
}

/** Disable an admin user and end their sessions. false when there is no such user; disabling twice keeps the first time. */
export function disableAdminUser(db: Db, email: string, now: number): boolean {
  return db.transaction(() => {
    const user = findAdminUserByEmail(db, email);
    if (!user) return false;
    db.prepare('UPDATE admin_users SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?').run(now, user.id);
    db.prepare('UPDATE admin_sessions SET revoked_at = ? WHERE admin_user_id = ? AND revoked_at IS NULL').run(now, user.id);
    return true;
  })();
}

/** Seen-at is written at most this often, as for partner sessions. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** Start a session; the token is returned once and only its sha256 is kept. */
export function createAdminSession(db: Db, adminUserId: number, policy: SessionPolicy, now: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + policy.maxHours * 3_600_000;
  db.prepare(
    `INSERT INTO admin_sessions (token_hash, admin_user_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(hashToken(token), adminUserId, now, now, expiresAt);
  return { token, expiresAt };
}

/**
 * The live session for a token, or null when the token is unknown, revoked, past its absolute
 * expiry, idle for too long, or its user is disabled (which takes effect at once).
 */
export function findAdminSession(db: Db, token: string, policy: SessionPolicy, now: number): ActiveAdminSession | null {
  const row = db
    .prepare(
      `SELECT s.id, s.admin_user_id, s.last_seen_at, s.expires_at, s.revoked_at, u.email, u.name, u.disabled_at
       FROM admin_sessions s JOIN admin_users u ON u.id = s.admin_user_id
       WHERE s.token_hash = ?`,
    )
    .get(hashToken(token)) as
    | ({ id: number; admin_user_id: number; last_seen_at: number; expires_at: number; revoked_at: number | null } & Pick<
        AdminUserRow,
        'email' | 'name' | 'disabled_at'
      >)
    | undefined;
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;
  if (now >= row.expires_at || now - row.last_seen_at >= policy.idleMinutes * 60_000) return null;
  if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
    db.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE id = ?').run(now, row.id);
  }
  return { sessionId: row.id, adminUserId: row.admin_user_id, email: row.email, name: row.name, expiresAt: row.expires_at };
}

export function revokeAdminSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE admin_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, sessionId);
}
