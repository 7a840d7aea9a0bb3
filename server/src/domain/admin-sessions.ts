import * as z from 'zod';
import { NewPassword, requiredText } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { generatePassword } from './admin-partners.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { sessionStore, type SessionPolicy } from './session-store.ts';

// The merchant's staff (admin users) and their back-office sessions, whose rules are the session
// store's (domain/session-store.ts), in tables of their own: a token of one kind never opens the other's routes.

const store = sessionStore('admin_sessions');

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
    store.revokeAll(db, user.id, now);
    return true;
  })();
}

/** Start a session; the token is returned once and only its sha256 is kept. */
export const createAdminSession = store.create;

/**
 * The live session for a token, or null (see the store's `find`). A disabled user's sessions
 * end at once.
 */
export function findAdminSession(db: Db, token: string, policy: SessionPolicy, now: number): ActiveAdminSession | null {
  const live = store.find(db, token, policy, now);
  return live && { sessionId: live.sessionId, adminUserId: live.ownerId, email: live.owner.email, name: live.owner.name, expiresAt: live.expiresAt };
}

export const revokeAdminSession = store.revoke;
