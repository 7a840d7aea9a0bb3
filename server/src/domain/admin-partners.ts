import { randomBytes } from 'node:crypto';
import type { AdminEnrollment, AdminPartner, AdminPartnerCreate, AdminPartnerPage, AdminPartnerQuery, PartnerStatus } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { balanceOf, partnerCurrency } from './ledger.ts';
import { enroll, insertPartner, readProfile } from './partners.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { revokePartnerSessions } from './sessions.ts';
import type { MailMessage } from './mailer.ts';
import { escapeHtml } from './sanitize.ts';

// The merchant's view of partners: list, detail with balance, create, status changes, enrollments.

interface Found {
  id: number;
  code: string;
  status: PartnerStatus;
}

/** The partner with this code (case-insensitive), or a 404. */
export function partnerByCode(db: Db, code: string): Found {
  const row = db.prepare('SELECT id, code, status FROM partners WHERE code = ?').get(code) as Found | undefined;
  if (!row) throw new ApiError('not_found', `No partner with code "${code}".`);
  return row;
}

const iso = (ms: number) => new Date(ms).toISOString();

function enrollments(db: Db, partnerId: number): AdminEnrollment[] {
  return (
    db
      .prepare(
        `SELECT p.id, p.name, e.enrolled_at FROM enrollments e JOIN programs p ON p.id = e.program_id
         WHERE e.partner_id = ? ORDER BY p.id`,
      )
      .all(partnerId) as Array<{ id: number; name: string; enrolled_at: number }>
  ).map((r) => ({ programId: r.id, programName: r.name, enrolledAt: iso(r.enrolled_at) }));
}

/** Profile, status, enrollments (archived programs included) and the balance in the statement currency. */
export function readAdminPartner(db: Db, partnerId: number, now: number): AdminPartner {
  return {
    profile: readProfile(db, partnerId),
    enrollments: enrollments(db, partnerId),
    balance: balanceOf(db, partnerId, partnerCurrency(db, partnerId), now),
  };
}

/** The keyset cursor: the id of the last partner of the page, opaque to clients. */
const encodeCursor = (id: number) => Buffer.from(`p:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^p:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new ApiError('invalid_request', 'The cursor is not one this server gave out.', { fields: { cursor: 'Invalid cursor.' } });
  return Number(match[1]);
}

/** LIKE pattern for a substring, with the wildcards of the search text escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Newest first; search is a case-insensitive substring of code, name or email. */
export function listAdminPartners(db: Db, query: Required<Pick<AdminPartnerQuery, 'limit'>> & AdminPartnerQuery): AdminPartnerPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    where.push(`(code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')`);
    const p = likePattern(query.search);
    params.push(p, p, p);
  }
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.cursor) {
    where.push('id < ?');
    params.push(decodeCursor(query.cursor));
  }
  const limit = Number(query.limit);
  const rows = db
    .prepare(
      `SELECT id, code, name, email, status, created_at FROM partners
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, limit + 1) as Array<{ id: number; code: string; name: string; email: string; status: PartnerStatus; created_at: number }>;
  const page = rows.slice(0, limit);
  return {
    partners: page.map((r) => ({ code: r.code, name: r.name, email: r.email, status: r.status, joinedAt: iso(r.created_at) })),
    nextCursor: rows.length > limit && page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}

/** A password to hand over once: 18 random bytes, 24 URL-safe characters. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** A free code made from the name: `jane-doe`, else `jane-doe-4821`. */
function codeFromName(db: Db, name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || 'partner';
  const taken = db.prepare('SELECT 1 FROM partners WHERE code = ?');
  const padded = base.length >= 2 ? base : `partner-${base}`;
  if (!taken.get(padded)) return padded;
  for (;;) {
    const candidate = `${padded}-${randomBytes(3).readUIntBE(0, 3) % 100000}`;
    if (!taken.get(candidate)) return candidate;
  }
}

type CreateInput = Omit<AdminPartnerCreate, 'status' | 'programIds'> & { status: PartnerStatus; programIds: number[] };

/**
 * Create a partner, enroll them, all in one transaction. The password is generated when not
 * given and returned once (null when the merchant chose it).
 */
export async function createAdminPartner(db: Db, input: CreateInput, now: number) {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { code: input.code, email: input.email });
    if (problem) throw new ApiError('invalid_request', problem, { fields: { password: problem } });
  }
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password); // before the transaction: scrypt must not hold the write lock
  const partnerId = db.transaction(() => {
    if (input.code && db.prepare('SELECT 1 FROM partners WHERE code = ?').get(input.code)) {
      throw new ApiError('conflict', `The code "${input.code}" is taken.`, { fields: { code: 'This code is taken.' } });
    }
    if (db.prepare('SELECT 1 FROM partners WHERE email = ? COLLATE NOCASE').get(input.email)) {
      throw new ApiError('conflict', 'A partner with this email exists.', { fields: { email: 'A partner with this email exists.' } });
    }
    const programExists = db.prepare('SELECT 1 FROM programs WHERE id = ?');
    input.programIds.forEach((programId, i) => {
      if (!programExists.get(programId)) {
        throw new ApiError('not_found', `No program ${programId}.`, { fields: { [`programIds.${i}`]: 'No such program.' } });
      }
    });
    const code = input.code ?? codeFromName(db, input.name);
    const id = insertPartner(db, { code, name: input.name, email: input.email, status: input.status }, hash, now);
    for (const programId of input.programIds) enroll(db, id, programId, now);
    return id;
  })();
  return { partner: readAdminPartner(db, partnerId, now), password: input.password === undefined ? password : null };
}

export type StatusAction = 'approve' | 'suspend' | 'reactivate';

/** Which status each action needs and gives. Suspending revokes the partner's sessions. */
const transitions: Record<StatusAction, { from: PartnerStatus[]; to: PartnerStatus }> = {
  approve: { from: ['pending'], to: 'active' },
  suspend: { from: ['pending', 'active'], to: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active' },
};

/**
 * The mail telling a partner their application was approved (sign-up told them to wait for it).
 * Like the reset link, the sign-in link is on the public URL (see README: mail links).
 */
export function approvalMail(publicUrl: string, centerName: string, partner: { name: string; code: string; email: string }): MailMessage {
  const signIn = `${publicUrl}/signin.html`;
  const text = [
    `Hello ${partner.name},`,
    '',
    `Your partner account at ${centerName} is approved: you can sign in now.`,
    `Your partner code (your username) is: ${partner.code}`,
    '',
    `Sign in here: ${signIn}`,
  ].join('\n');
  const html =
    `<p>Hello ${escapeHtml(partner.name)},</p>` +
    `<p>Your partner account at ${escapeHtml(centerName)} is approved: you can sign in now. ` +
    `Your partner code (your username) is <strong>${escapeHtml(partner.code)}</strong>.</p>` +
    `<p><a href="${escapeHtml(signIn)}">Sign in to your partner center</a></p>`;
  return { to: partner.email, subject: `Your ${centerName} partner account is approved`, text, html };
}

export function changeStatus(db: Db, code: string, action: StatusAction, now: number): AdminPartner {
  return db.transaction(() => {
    const partner = partnerByCode(db, code);
    const { from, to } = transitions[action];
    if (!from.includes(partner.status)) {
      throw new ApiError('conflict', `Cannot ${action} a partner who is ${partner.status}.`);
    }
    db.prepare('UPDATE partners SET status = ?, updated_at = ? WHERE id = ?').run(to, now, partner.id);
    if (to === 'suspended') revokePartnerSessions(db, partner.id, now);
    return readAdminPartner(db, partner.id, now);
  })();
}

/** Set a random temporary password (returned once) and sign the partner out everywhere. */
export async function resetPassword(db: Db, code: string, now: number): Promise<{ temporaryPassword: string }> {
  partnerByCode(db, code); // 404 before the scrypt work
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  db.transaction(() => {
    const partner = partnerByCode(db, code);
    db.prepare('UPDATE partners SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, partner.id);
    revokePartnerSessions(db, partner.id, now);
  })();
  return { temporaryPassword };
}

export function addEnrollment(db: Db, code: string, programId: number, now: number): AdminPartner {
  return db.transaction(() => {
    const partner = partnerByCode(db, code);
    const program = db.prepare('SELECT archived_at FROM programs WHERE id = ?').get(programId) as { archived_at: number | null } | undefined;
    if (!program) throw new ApiError('not_found', `No program ${programId}.`, { fields: { programId: 'No such program.' } });
    if (program.archived_at !== null) throw new ApiError('conflict', 'The program is archived.', { fields: { programId: 'This program is archived.' } });
    if (db.prepare('SELECT 1 FROM enrollments WHERE partner_id = ? AND program_id = ?').get(partner.id, programId)) {
      throw new ApiError('conflict', 'The partner is already enrolled in this program.', { fields: { programId: 'Already enrolled.' } });
    }
    enroll(db, partner.id, programId, now);
    return readAdminPartner(db, partner.id, now);
  })();
}

export function removeEnrollment(db: Db, code: string, programId: number): void {
  db.transaction(() => {
    const partner = partnerByCode(db, code);
    const result = db.prepare('DELETE FROM enrollments WHERE partner_id = ? AND program_id = ?').run(partner.id, programId);
    if (result.changes === 0) throw new ApiError('not_found', 'The partner is not enrolled in this program.');
  })();
}
