import { randomBytes } from 'node:crypto';
import type * as z from 'zod';
import { CLICK_ID_PARAM, type LinkCreate, type TrackedLink } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { findDestination } from './destinations.ts';

/** A partner may keep this many links; enough for any real use, a bound on abuse. */
export const MAX_LINKS_PER_PARTNER = 1000;
const MAX_TARGET_LENGTH = 2048;

/** Slugs are 8 URL-safe characters (~48 random bits); the redirect refuses anything else cheaply. */
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{8}$/;

/**
 * A random slug starting with a letter or digit: one starting with `-` reads like an option on a
 * command line and gets defused as a formula in CSV exports.
 */
export function newSlug(): string {
  for (;;) {
    const slug = randomBytes(6).toString('base64url');
    if (/^[A-Za-z0-9]/.test(slug)) return slug;
  }
}

function pathError(message: string): ApiError {
  return new ApiError('invalid_request', 'Some fields need attention.', { fields: { path: message } });
}

/**
 * The URL a link redirects to, built only with the URL API from the destination's ORIGIN:
 * - no path: the destination's URL as approved;
 * - a path (only where the destination allows subpaths): resolved against the destination's
 *   origin, and refused unless the result has exactly that origin. The contract already demands a
 *   single leading `/` without backslashes or whitespace; this is the check that does not depend
 *   on anticipating every trick (`//host`, `/\host`, `@`, encodings): whatever the string, the
 *   parsed result must be on the merchant's origin.
 * The campaign goes into `utm_campaign` so the merchant's own analytics see it too (it is also
 * stored on the link for our reports). A `rp_click` already in the query is removed: the redirect
 * adds the real one.
 */
export function buildTarget(destinationUrl: string, allowSubpaths: boolean, path: string, campaign: string): string {
  const destination = new URL(destinationUrl);
  let target: URL;
  if (path === '') {
    target = new URL(destination.href);
  } else {
    if (!allowSubpaths) throw pathError('This destination does not take a path; leave the path empty.');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\\]/.test(path) || !path.startsWith('/') || path.startsWith('//')) {
      throw pathError('Enter a path starting with a single /, such as /shop/espresso.');
    }
    try {
      target = new URL(path, destination.origin);
    } catch {
      throw pathError('Enter a path starting with a single /, such as /shop/espresso.');
    }
  }
  if (target.origin !== destination.origin || target.username !== '' || target.password !== '') {
    throw pathError('The path must stay on the destination’s site.');
  }
  // `/..//evil.com` normalizes to the path `//evil.com`: harmless in this absolute URL, but a
  // protocol-relative open redirect the moment anything uses the path alone. Refused.
  if (target.pathname.startsWith('//')) throw pathError('Enter a path starting with a single /, such as /shop/espresso.');
  target.searchParams.delete(CLICK_ID_PARAM); // also normalizes the query, so the redirect's set() is stable
  if (campaign !== '') target.searchParams.set('utm_campaign', campaign);
  if (target.href.length > MAX_TARGET_LENGTH) throw pathError('The resulting address is too long.');
  return target.href;
}

interface LinkRow {
  id: number;
  slug: string;
  destination_id: number;
  destination_name: string;
  target_url: string;
  campaign: string;
  click_count: number;
  created_at: number;
}

const LINK_COLUMNS = `l.id, l.slug, l.destination_id, d.name AS destination_name, l.target_url, l.campaign,
  l.click_count, l.created_at`;

const toTrackedLink = (row: LinkRow, publicUrl: string): TrackedLink => ({
  id: row.id,
  slug: row.slug,
  url: shareableUrl(publicUrl, row.slug),
  destinationId: row.destination_id,
  destinationName: row.destination_name,
  targetUrl: row.target_url,
  campaign: row.campaign,
  clicks: row.click_count,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The link a partner shares: `<public URL>/r/<slug>`. */
export const shareableUrl = (publicUrl: string, slug: string) => `${publicUrl}/r/${slug}`;

/** The partner's own links, newest first, with their click counts (flush the click recorder first). */
export function listLinks(db: Db, partnerId: number, publicUrl: string): TrackedLink[] {
  const rows = db
    .prepare(
      `SELECT ${LINK_COLUMNS} FROM links l JOIN destinations d ON d.id = l.destination_id
       WHERE l.partner_id = ? AND l.disabled_at IS NULL ORDER BY l.id DESC`,
    )
    .all(partnerId) as LinkRow[];
  return rows.map((row) => toTrackedLink(row, publicUrl));
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Create a tracked link to an active destination. The slug is random; a collision (one in
 * 2^48 per existing link) is retried with a new one.
 */
export function createLink(
  db: Db,
  partnerId: number,
  input: z.output<typeof LinkCreate>,
  options: { publicUrl: string; now: number; slug?: () => string },
): TrackedLink {
  const destination = findDestination(db, input.destinationId);
  if (!destination || destination.active !== 1) {
    throw new ApiError('invalid_request', 'Some fields need attention.', {
      fields: { destinationId: 'Choose one of the approved destinations.' },
    });
  }
  const target = buildTarget(destination.url, destination.allow_subpaths === 1, input.path, input.campaign);
  const count = (db.prepare('SELECT COUNT(*) AS n FROM links WHERE partner_id = ?').get(partnerId) as { n: number }).n;
  if (count >= MAX_LINKS_PER_PARTNER) {
    throw new ApiError('conflict', `You already have ${MAX_LINKS_PER_PARTNER} links; reuse one of them.`);
  }
  const insert = db.prepare(
    `INSERT INTO links (slug, partner_id, destination_id, target_url, campaign, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const slug = options.slug ?? newSlug;
  for (let attempt = 1; ; attempt++) {
    try {
      const { lastInsertRowid } = insert.run(slug(), partnerId, destination.id, target, input.campaign, options.now);
      const row = db
        .prepare(`SELECT ${LINK_COLUMNS} FROM links l JOIN destinations d ON d.id = l.destination_id WHERE l.id = ?`)
        .get(lastInsertRowid) as LinkRow;
      return toTrackedLink(row, options.publicUrl);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
