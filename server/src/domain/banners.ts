import type * as z from 'zod';
import type { AdminBanner, Banner, BannerCreate, BannerUpdate } from '@rp/contract';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { findDestination } from './destinations.ts';
import { mediaUrl, readMediaInfo } from './media.ts';
import { trackedLinkFor } from './merge-fields.ts';
import { escapeHtml } from './sanitize.ts';

interface BannerRow {
  id: number;
  name: string;
  image: string;
  width: number;
  height: number;
  alt: string;
  destination_id: number;
  active: number;
  position: number;
  created_at: number;
  updated_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toAdmin = (row: BannerRow, publicUrl: string): AdminBanner => ({
  id: row.id,
  name: row.name,
  image: row.image,
  imageUrl: mediaUrl(publicUrl, row.image),
  width: row.width,
  height: row.height,
  alt: row.alt,
  destinationId: row.destination_id,
  active: row.active === 1,
  position: row.position,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const findBanner = (db: Db, id: number) => db.prepare('SELECT * FROM banners WHERE id = ?').get(id) as BannerRow | undefined;

const fieldError = (field: string, message: string) => new ApiError('invalid_request', 'Some fields need attention.', { fields: { [field]: message } });

/** The image's real size, read from the stored file. */
function imageSize(config: Config, name: string): { width: number; height: number } {
  const info = readMediaInfo(config, name);
  if (!info) throw fieldError('image', 'No uploaded image has this name; upload it first.');
  return info;
}

function checkDestination(db: Db, id: number): void {
  if (!findDestination(db, id)) throw fieldError('destinationId', 'Choose one of your destinations.');
}

export function listAdminBanners(db: Db, config: Config): AdminBanner[] {
  return (db.prepare('SELECT * FROM banners ORDER BY position, id').all() as BannerRow[]).map((row) => toAdmin(row, config.publicUrl));
}

export function createBanner(db: Db, config: Config, input: z.output<typeof BannerCreate>, now: number): AdminBanner {
  const { width, height } = imageSize(config, input.image);
  checkDestination(db, input.destinationId);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO banners (name, image, width, height, alt, destination_id, active, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.name, input.image, width, height, input.alt, input.destinationId, input.active ? 1 : 0, input.position, now, now);
  return toAdmin(findBanner(db, Number(lastInsertRowid))!, config.publicUrl);
}

export function updateBanner(db: Db, config: Config, id: number, input: BannerUpdate, now: number): AdminBanner {
  const row = findBanner(db, id);
  if (!row) throw new ApiError('not_found', 'No such banner.');
  const size = input.image === undefined ? { width: row.width, height: row.height } : imageSize(config, input.image);
  if (input.destinationId !== undefined) checkDestination(db, input.destinationId);
  db.prepare(
    `UPDATE banners SET name = ?, image = ?, width = ?, height = ?, alt = ?, destination_id = ?, active = ?, position = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    input.name ?? row.name,
    input.image ?? row.image,
    size.width,
    size.height,
    input.alt ?? row.alt,
    input.destinationId ?? row.destination_id,
    input.active === undefined ? row.active : input.active ? 1 : 0,
    input.position ?? row.position,
    now,
    id,
  );
  return toAdmin(findBanner(db, id)!, config.publicUrl);
}

export function deleteBanner(db: Db, id: number): void {
  if (db.prepare('DELETE FROM banners WHERE id = ?').run(id).changes === 0) throw new ApiError('not_found', 'No such banner.');
}

/** The HTML a partner pastes: their link around the image, every value escaped for a quoted attribute. */
export function bannerHtml(link: string, imageUrl: string, width: number, height: number, alt: string): string {
  return `<a href="${escapeHtml(link)}"><img src="${escapeHtml(imageUrl)}" width="${width}" height="${height}" alt="${escapeHtml(alt)}"></a>`;
}

/** Active banners to active destinations, each with the signed-in partner's own tracked link. */
export function bannersForPartner(db: Db, partnerId: number, options: { publicUrl: string; now: number }): Banner[] {
  const banners: Banner[] = [];
  for (const row of db.prepare('SELECT * FROM banners WHERE active = 1 ORDER BY position, id').all() as BannerRow[]) {
    const link = trackedLinkFor(db, partnerId, row.destination_id, options.publicUrl, options.now);
    if (link === null) continue;
    const imageUrl = mediaUrl(options.publicUrl, row.image);
    banners.push({
      id: row.id,
      name: row.name,
      imageUrl,
      width: row.width,
      height: row.height,
      alt: row.alt,
      link,
      html: bannerHtml(link, imageUrl, row.width, row.height, row.alt),
    });
  }
  return banners;
}
