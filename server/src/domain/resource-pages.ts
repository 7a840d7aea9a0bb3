import type * as z from 'zod';
import type { AdminResourcePage, ResourcePage, ResourcePageCreate, ResourcePageSummary, ResourcePageUpdate } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { absolutizeMedia, sanitizeRichText } from './sanitize.ts';

interface PageRow {
  id: number;
  title: string;
  slug: string;
  html: string;
  published: number;
  position: number;
  created_at: number;
  updated_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toSummary = (row: PageRow): ResourcePageSummary => ({ id: row.id, title: row.title, slug: row.slug, updatedAt: iso(row.updated_at) });

const toAdmin = (row: PageRow): AdminResourcePage => ({
  ...toSummary(row),
  html: row.html,
  published: row.published === 1,
  position: row.position,
  createdAt: iso(row.created_at),
});

const ORDER = 'ORDER BY position, id';
const findPage = (db: Db, id: number) => db.prepare('SELECT * FROM resource_pages WHERE id = ?').get(id) as PageRow | undefined;

const slugTaken = () =>
  new ApiError('conflict', 'Another page already uses this slug.', { fields: { slug: 'Another page already uses this slug.' } });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function listAdminPages(db: Db): AdminResourcePage[] {
  return (db.prepare(`SELECT * FROM resource_pages ${ORDER}`).all() as PageRow[]).map(toAdmin);
}

/** The published pages, for partners: no HTML in the list. */
export function listPublishedPages(db: Db): ResourcePageSummary[] {
  return (db.prepare(`SELECT * FROM resource_pages WHERE published = 1 ${ORDER}`).all() as PageRow[]).map(toSummary);
}

/** One published page by slug, its own images made absolute; 404 for a draft or an unknown slug. */
export function readPublishedPage(db: Db, slug: string, publicUrl: string): ResourcePage {
  const row = db.prepare('SELECT * FROM resource_pages WHERE slug = ? AND published = 1').get(slug) as PageRow | undefined;
  if (!row) throw new ApiError('not_found', 'No such page.');
  return { ...toSummary(row), html: absolutizeMedia(row.html, publicUrl) };
}

export function createPage(db: Db, input: z.output<typeof ResourcePageCreate>, now: number): AdminResourcePage {
  try {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO resource_pages (title, slug, html, published, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.title, input.slug, sanitizeRichText(input.html), input.published ? 1 : 0, input.position, now, now);
    return toAdmin(findPage(db, Number(lastInsertRowid))!);
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

export function updatePage(db: Db, id: number, input: ResourcePageUpdate, now: number): AdminResourcePage {
  const row = findPage(db, id);
  if (!row) throw new ApiError('not_found', 'No such page.');
  try {
    db.prepare('UPDATE resource_pages SET title = ?, slug = ?, html = ?, published = ?, position = ?, updated_at = ? WHERE id = ?').run(
      input.title ?? row.title,
      input.slug ?? row.slug,
      input.html === undefined ? row.html : sanitizeRichText(input.html),
      input.published === undefined ? row.published : input.published ? 1 : 0,
      input.position ?? row.position,
      now,
      id,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
  return toAdmin(findPage(db, id)!);
}

export function deletePage(db: Db, id: number): void {
  if (db.prepare('DELETE FROM resource_pages WHERE id = ?').run(id).changes === 0) throw new ApiError('not_found', 'No such page.');
}
