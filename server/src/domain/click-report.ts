import type * as z from 'zod';
import type { ClickPage, ClickRow, ReportQuery } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { CsvRow } from './csv.ts';

type Query = z.output<typeof ReportQuery>;

interface DayRow {
  day: string;
  link_id: number;
  slug: string;
  destination_name: string;
  campaign: string;
  clicks: number;
}

/** Keyset position: the last row shown, `<day>.<link id>`. Opaque to clients. */
interface Cursor {
  day: string;
  linkId: number;
}

const encodeCursor = (c: Cursor) => Buffer.from(`${c.day}.${c.linkId}`).toString('base64url');

function decodeCursor(value: string): Cursor {
  const match = /^(\d{4}-\d{2}-\d{2})\.([1-9]\d{0,14})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { cursor: 'This cursor is not valid; start from the first page.' } });
  return { day: match[1]!, linkId: Number(match[2]) };
}

function checkRange(query: { from?: string | undefined; to?: string | undefined }): void {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError('invalid_request', 'Some fields need attention.', { fields: { to: 'The end of the range is before its start.' } });
  }
}

const toRow = (r: DayRow): ClickRow => ({
  day: r.day,
  linkId: r.link_id,
  slug: r.slug,
  destinationName: r.destination_name,
  campaign: r.campaign,
  clicks: r.clicks,
});

/**
 * One page of (day, link) rows, newest day first, then newest link, from the per-day counts the
 * click triggers keep. Keyset: the rows strictly after the cursor in that order, so a page costs
 * the same wherever it is and rows written meanwhile never shift a page.
 */
function page(db: Db, partnerId: number, range: { from?: string | undefined; to?: string | undefined }, after: Cursor | null, limit: number): DayRow[] {
  const where = ['cd.partner_id = ?'];
  const params: Array<string | number> = [partnerId];
  if (range.from) {
    where.push('cd.day >= ?');
    params.push(range.from);
  }
  if (range.to) {
    where.push('cd.day <= ?');
    params.push(range.to);
  }
  if (after) {
    where.push('(cd.day, cd.link_id) < (?, ?)');
    params.push(after.day, after.linkId);
  }
  return db
    .prepare(
      `SELECT cd.day, cd.link_id, l.slug, d.name AS destination_name, l.campaign, cd.clicks
       FROM click_days cd JOIN links l ON l.id = cd.link_id JOIN destinations d ON d.id = l.destination_id
       WHERE ${where.join(' AND ')}
       ORDER BY cd.day DESC, cd.link_id DESC LIMIT ?`,
    )
    .all(...params, limit) as DayRow[];
}

/** `GET /api/partner/reports/clicks`: clicks per link and UTC day for one partner. */
export function clickReport(db: Db, partnerId: number, query: Query): ClickPage {
  checkRange(query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = page(db, partnerId, query, after, query.limit + 1);
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown.at(-1);
  return {
    rows: shown.map(toRow),
    nextCursor: more && last ? encodeCursor({ day: last.day, linkId: last.link_id }) : null,
  };
}

export const CLICKS_CSV_COLUMNS = ['day', 'link_id', 'slug', 'destination', 'campaign', 'clicks'] as const;
const CSV_PAGE = 1000;

/**
 * The whole report for `csvStream`, which runs the returned generator on its own connection: the
 * same keyset pages, 1,000 rows at a time. The range is checked now, so a bad request is refused
 * before any byte is sent.
 */
export function clickRowsForCsv(partnerId: number, range: { from?: string | undefined; to?: string | undefined }): (reader: Db) => Generator<CsvRow> {
  checkRange(range);
  return function* rows(reader) {
    let after: Cursor | null = null;
    for (;;) {
      const rows = page(reader, partnerId, range, after, CSV_PAGE);
      for (const r of rows) yield [r.day, r.link_id, r.slug, r.destination_name, r.campaign, r.clicks];
      const last = rows.at(-1);
      if (!last || rows.length < CSV_PAGE) return;
      after = { day: last.day, linkId: last.link_id };
    }
  };
}
