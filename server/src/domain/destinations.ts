import type * as z from 'zod';
import type { AdminDestination, Destination, DestinationCreate, DestinationUpdate } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';

interface DestinationRow {
  id: number;
  name: string;
  url: string;
  description: string;
  allow_subpaths: number;
  active: number;
  created_at: number;
}

const toDestination = (row: DestinationRow): Destination => ({
  id: row.id,
  name: row.name,
  url: row.url,
  description: row.description,
  allowSubpaths: row.allow_subpaths === 1,
});

const toAdminDestination = (row: DestinationRow): AdminDestination => ({
  ...toDestination(row),
  active: row.active === 1,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Every destination, for the merchant; oldest first, the order they were approved in. */
export function listAdminDestinations(db: Db): AdminDestination[] {
  return (db.prepare('SELECT * FROM destinations ORDER BY id').all() as DestinationRow[]).map(toAdminDestination);
}

/** The destinations a partner may link to: the active ones. */
export function listActiveDestinations(db: Db): Destination[] {
  return (db.prepare('SELECT * FROM destinations WHERE active = 1 ORDER BY id').all() as DestinationRow[]).map(toDestination);
}

export function findDestination(db: Db, id: number): DestinationRow | undefined {
  return db.prepare('SELECT * FROM destinations WHERE id = ?').get(id) as DestinationRow | undefined;
}

/**
 * Store an approved destination. The URL is stored as the URL API serializes it
 * (`https://Shop.Example` becomes `https://shop.example/`), so what the merchant sees is exactly
 * what links are checked against.
 */
export function createDestination(db: Db, input: z.output<typeof DestinationCreate>, now: number): AdminDestination {
  const url = new URL(input.url).href;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO destinations (name, url, description, allow_subpaths, active, created_at) VALUES (?, ?, ?, ?, 1, ?)')
    .run(input.name, url, input.description, input.allowSubpaths ? 1 : 0, now);
  return toAdminDestination(findDestination(db, Number(lastInsertRowid))!);
}

/** Change some fields of a destination; 404 for an unknown id. */
export function updateDestination(db: Db, id: number, input: DestinationUpdate): AdminDestination {
  const row = findDestination(db, id);
  if (!row) throw new ApiError('not_found', 'No such destination.');
  db.prepare('UPDATE destinations SET name = ?, description = ?, allow_subpaths = ?, active = ? WHERE id = ?').run(
    input.name ?? row.name,
    input.description ?? row.description,
    input.allowSubpaths === undefined ? row.allow_subpaths : input.allowSubpaths ? 1 : 0,
    input.active === undefined ? row.active : input.active ? 1 : 0,
    id,
  );
  return toAdminDestination(findDestination(db, id)!);
}
