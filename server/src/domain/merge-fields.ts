import { MERGE_FIELDS, type MergeField } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { readSettings } from './center.ts';
import { findDestination } from './destinations.ts';
import { createLink, shareableUrl } from './links.ts';
import { escapeHtml } from './sanitize.ts';

/** `{{ name }}`; whitespace inside the braces is forgiven. */
const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isMergeField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/**
 * The merge fields of `template` that are not ours, in order of appearance, without repeats.
 * An unclosed `{{` is reported too: it would reach the partner as literal braces.
 */
export function unknownMergeFields(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(FIELD)) {
    const name = match[1] ?? '';
    if (!isMergeField(name)) unknown.add(`{{${name}}}`);
  }
  if (template.replace(FIELD, '').includes('{{')) unknown.add('{{');
  return [...unknown];
}

/** Refuse unknown merge fields with a 400 naming each field of the input that has one. */
export function checkMergeFields(fields: Record<string, string | null | undefined>): void {
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    const unknown = unknownMergeFields(value);
    if (unknown.length > 0) {
      problems[key] = `Unknown merge field ${unknown.join(', ')}. Use ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}.`;
    }
  }
  if (Object.keys(problems).length > 0) throw new ApiError('invalid_request', 'Some fields need attention.', { fields: problems });
}

export type MergeValues = Record<MergeField, string>;

/** Plain text: values inserted as they are. */
export function fillText(template: string, values: MergeValues): string {
  return template.replace(FIELD, (whole, name: string) => (isMergeField(name) ? values[name] : whole));
}

/** Sanitized HTML: every value HTML-escaped, so a partner named `<script>` is text, not markup. */
export function fillHtml(template: string, values: MergeValues): string {
  return template.replace(FIELD, (whole, name: string) => (isMergeField(name) ? escapeHtml(values[name]) : whole));
}

/** The first word of a name, for `{{partner.firstName}}`. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * The partner's tracked link to a destination: their first live link to it, made (no path, no
 * campaign) on first request if they have none. Null when the destination is no longer active.
 */
export function trackedLinkFor(db: Db, partnerId: number, destinationId: number, publicUrl: string, now: number): string | null {
  const destination = findDestination(db, destinationId);
  if (!destination || destination.active !== 1) return null;
  return db.transaction(() => {
    const row = db
      .prepare('SELECT slug FROM links WHERE partner_id = ? AND destination_id = ? AND disabled_at IS NULL ORDER BY id LIMIT 1')
      .get(partnerId, destinationId) as { slug: string } | undefined;
    if (row) return shareableUrl(publicUrl, row.slug);
    try {
      return createLink(db, partnerId, { destinationId, path: '', campaign: '' }, { publicUrl, now }).url;
    } catch (error) {
      if (error instanceof ApiError) return null; // e.g. the partner is at the link limit
      throw error;
    }
  })();
}

/** The merge values for one partner, with their tracked link. */
export function mergeValues(db: Db, partnerId: number, link: string): MergeValues {
  const partner = db.prepare('SELECT name, code FROM partners WHERE id = ?').get(partnerId) as { name: string; code: string };
  return {
    'partner.name': partner.name,
    'partner.firstName': firstName(partner.name),
    'partner.code': partner.code,
    link,
    'center.name': readSettings(db).name,
  };
}
