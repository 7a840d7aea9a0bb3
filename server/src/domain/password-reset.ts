import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { MailMessage } from './mailer.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { revokePartnerSessions } from './sessions.ts';
import { clearFailures, codeKey } from './throttle.ts';

/** A reset link works this long, once. */
export const RESET_TOKEN_TTL_MS = 30 * 60_000;

/** The one answer to every reset request, whether or not an account matched. */
export const RESET_ACCEPTED_MESSAGE =
  'If an account matches, we sent a link to its email address to choose a new password. The link works once, for 30 minutes.';

const hashToken = (token: string) => createHash('sha256').update(token).digest();

interface ResetTarget {
  id: number;
  code: string;
  name: string;
  email: string;
}

/** Active or pending partners an identifier (partner code, or email when it holds an @) names. */
function findTargets(db: Db, identifier: string): ResetTarget[] {
  const byEmail = identifier.includes('@');
  return db
    .prepare(
      `SELECT id, code, name, email FROM partners
       WHERE ${byEmail ? 'email = ? COLLATE NOCASE' : 'code = ?'} AND status IN ('active', 'pending')
       ORDER BY id`,
    )
    .all(identifier) as ResetTarget[];
}

/** The mail of a reset link. The page at the link is served by the merchant's site (see docs). */
export function resetMail(publicUrl: string, target: ResetTarget, token: string): MailMessage {
  const link = `${publicUrl}/reset-password.html#token=${token}`;
  const text = [
    `Hello ${target.name},`,
    '',
    'Someone (hopefully you) asked to reset the password of your partner account.',
    `Your partner code (your username) is: ${target.code}`,
    '',
    'Choose a new password here; the link works once, for the next 30 minutes:',
    link,
    '',
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  ].join('\n');
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const html =
    `<p>Hello ${esc(target.name)},</p>` +
    '<p>Someone (hopefully you) asked to reset the password of your partner account. ' +
    `Your partner code (your username) is <strong>${esc(target.code)}</strong>.</p>` +
    `<p><a href="${esc(link)}">Choose a new password</a> — the link works once, for the next 30 minutes.</p>` +
    '<p>If you did not ask for this, ignore this mail: your password stays as it is.</p>';
  return { to: target.email, subject: 'Reset your partner center password', text, html };
}

/**
 * Start a reset: for each matching partner, a fresh token replaces any unused one. An unknown
 * identifier does the same lookups, token generation and delete (matching no row), so its
 * timing is close to a known one; only the insert differs. Returns the mail to send.
 */
export function requestPasswordReset(db: Db, identifier: string, publicUrl: string, now: number): MailMessage[] {
  return db.transaction(() => {
    const targets = findTargets(db, identifier);
    const removeUnused = db.prepare('DELETE FROM password_reset_tokens WHERE partner_id = ? AND used_at IS NULL');
    const insert = db.prepare(
      'INSERT INTO password_reset_tokens (token_hash, partner_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    const mails: MailMessage[] = [];
    for (const target of targets.length > 0 ? targets : [null]) {
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      removeUnused.run(target?.id ?? 0);
      if (!target) continue;
      insert.run(tokenHash, target.id, now, now + RESET_TOKEN_TTL_MS);
      mails.push(resetMail(publicUrl, target, token));
    }
    return mails;
  })();
}

interface TokenRow {
  id: number;
  partner_id: number;
  expires_at: number;
  used_at: number | null;
  code: string;
  email: string;
  status: string;
}

function invalidToken(message: string): ApiError {
  return new ApiError('invalid_request', message, { fields: { token: message } });
}

function usableToken(db: Db, token: string, now: number): TokenRow {
  const row = db
    .prepare(
      `SELECT t.id, t.partner_id, t.expires_at, t.used_at, p.code, p.email, p.status
       FROM password_reset_tokens t JOIN partners p ON p.id = t.partner_id WHERE t.token_hash = ?`,
    )
    .get(hashToken(token)) as TokenRow | undefined;
  if (!row || row.status === 'suspended') {
    throw invalidToken('This reset link is not valid. Ask for a new one from the sign-in form.');
  }
  if (row.used_at !== null) throw invalidToken('This reset link was already used. Ask for a new one if you need to.');
  if (now >= row.expires_at) throw invalidToken('This reset link has expired (links work for 30 minutes). Ask for a new one.');
  return row;
}

/**
 * Finish a reset: the new password (same policy as sign-up) replaces the old one, the token is
 * spent, every session of the partner ends and their sign-in lock is lifted — in one transaction.
 */
export async function confirmPasswordReset(db: Db, token: string, password: string, now: number): Promise<void> {
  const row = usableToken(db, token, now);
  const problem = passwordProblem(password, { code: row.code, email: row.email });
  if (problem) throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { password: problem } });
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    // Checked again: another confirm of the same token may have finished during the hash.
    const current = usableToken(db, token, now);
    db.prepare('UPDATE password_reset_tokens SET used_at = ? WHERE id = ?').run(now, current.id);
    db.prepare('DELETE FROM password_reset_tokens WHERE partner_id = ? AND used_at IS NULL').run(current.partner_id);
    db.prepare('UPDATE partners SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, current.partner_id);
    revokePartnerSessions(db, current.partner_id, now);
    clearFailures(db, codeKey(current.code));
  })();
}
