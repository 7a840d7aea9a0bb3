import type * as z from 'zod';
import type { AdminEmailCopy, EmailCopy, EmailCopyCreate, EmailCopyUpdate } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { findDestination } from './destinations.ts';
import { checkMergeFields, fillHtml, fillText, mergeValues, trackedLinkFor } from './merge-fields.ts';
import { absolutizeMedia, sanitizeRichText } from './sanitize.ts';

interface EmailRow {
  id: number;
  name: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  destination_id: number;
  position: number;
  created_at: number;
  updated_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toAdmin = (row: EmailRow): AdminEmailCopy => ({
  id: row.id,
  name: row.name,
  subject: row.subject,
  bodyText: row.body_text,
  bodyHtml: row.body_html,
  destinationId: row.destination_id,
  position: row.position,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const findEmail = (db: Db, id: number) => db.prepare('SELECT * FROM email_copy WHERE id = ?').get(id) as EmailRow | undefined;

function checkDestination(db: Db, id: number): void {
  if (!findDestination(db, id)) {
    throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { destinationId: 'Choose one of your destinations.' } });
  }
}

/** A subject is one line: a newline would let it smuggle headers into a mail client's compose box. */
function checkSubject(subject: string | undefined): void {
  if (subject !== undefined && /[\r\n]/.test(subject)) {
    throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { subject: 'Keep the subject on one line.' } });
  }
}

/** Sanitize an HTML body (keeping `href="{{link}}"`); an HTML body that sanitizes to nothing is refused. */
function cleanHtml(html: string | null): string | null {
  if (html === null || html.trim() === '') return null;
  const clean = sanitizeRichText(html, { allowLinkPlaceholder: true });
  if (clean === '') {
    throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { bodyHtml: 'Nothing of this HTML is allowed; use text, links, lists and images.' } });
  }
  return clean;
}

export function listAdminEmails(db: Db): AdminEmailCopy[] {
  return (db.prepare('SELECT * FROM email_copy ORDER BY position, id').all() as EmailRow[]).map(toAdmin);
}

export function createEmail(db: Db, input: z.output<typeof EmailCopyCreate>, now: number): AdminEmailCopy {
  checkSubject(input.subject);
  const html = cleanHtml(input.bodyHtml);
  // Checked on the sanitized HTML: that is what gets filled (entities such as &#123; are decoded by then).
  checkMergeFields({ subject: input.subject, bodyText: input.bodyText, bodyHtml: html });
  checkDestination(db, input.destinationId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO email_copy (name, subject, body_text, body_html, destination_id, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.name, input.subject, input.bodyText, html, input.destinationId, input.position, now, now);
  return toAdmin(findEmail(db, Number(lastInsertRowid))!);
}

export function updateEmail(db: Db, id: number, input: EmailCopyUpdate, now: number): AdminEmailCopy {
  const row = findEmail(db, id);
  if (!row) throw new ApiError('not_found', 'No such email copy.');
  checkSubject(input.subject);
  const html = input.bodyHtml === undefined ? row.body_html : cleanHtml(input.bodyHtml);
  checkMergeFields({ subject: input.subject, bodyText: input.bodyText, bodyHtml: input.bodyHtml === undefined ? undefined : html });
  if (input.destinationId !== undefined) checkDestination(db, input.destinationId);
  db.prepare(
    `UPDATE email_copy SET name = ?, subject = ?, body_text = ?, body_html = ?, destination_id = ?, position = ?, updated_at = ? WHERE id = ?`,
  ).run(
    input.name ?? row.name,
    input.subject ?? row.subject,
    input.bodyText ?? row.body_text,
    html,
    input.destinationId ?? row.destination_id,
    input.position ?? row.position,
    now,
    id,
  );
  return toAdmin(findEmail(db, id)!);
}

export function deleteEmail(db: Db, id: number): void {
  if (db.prepare('DELETE FROM email_copy WHERE id = ?').run(id).changes === 0) throw new ApiError('not_found', 'No such email copy.');
}

/**
 * The email copy filled for one partner: plain-text subject and body with the values as they are,
 * the HTML body with every value HTML-escaped. Copies whose destination is no longer active are left out.
 */
export function emailsForPartner(db: Db, partnerId: number, options: { publicUrl: string; now: number }): EmailCopy[] {
  const emails: EmailCopy[] = [];
  for (const row of db.prepare('SELECT * FROM email_copy ORDER BY position, id').all() as EmailRow[]) {
    const link = trackedLinkFor(db, partnerId, row.destination_id, options.publicUrl, options.now);
    if (link === null) continue;
    const values = mergeValues(db, partnerId, link);
    emails.push({
      id: row.id,
      name: row.name,
      subject: fillText(row.subject, values),
      bodyText: fillText(row.body_text, values),
      bodyHtml: row.body_html === null ? null : fillHtml(absolutizeMedia(row.body_html, options.publicUrl), values),
      link,
    });
  }
  return emails;
}
