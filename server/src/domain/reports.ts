// The partner's reports: balance, summary, ledger statement, commissions, leads and sales.
// Every function takes the partner id from the caller (the session), filters a UTC date range
// and pages newest first by keyset (`<time>:<id>`, opaque to the client), so the first page of
// a long history costs one index range scan however long the history is.

import type {
  Balance,
  CommissionPage,
  CommissionRow,
  LeadPage,
  LeadRow,
  LedgerEntry,
  LedgerEntryType,
  LedgerPage,
  SalePage,
  SaleRow,
  Summary,
} from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { commissionStatus } from './commissions.ts';
import { balanceOf, partnerCurrency } from './ledger.ts';

export const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Query plumbing: date range and cursor

export interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/** `from`/`to` are inclusive UTC days; the answer is [fromMs, toMs) in epoch ms, or null bounds. */
export interface Range {
  fromMs: number | null;
  toMs: number | null;
}

export function parseRange(q: RangeQuery): Range {
  const fromMs = q.from ? Date.parse(`${q.from}T00:00:00.000Z`) : null;
  const toMs = q.to ? Date.parse(`${q.to}T00:00:00.000Z`) + DAY_MS : null;
  if (fromMs !== null && toMs !== null && fromMs >= toMs) {
    throw new ApiError('invalid_request', 'The period ends before it starts.', { fields: { to: 'Must be on or after from.' } });
  }
  return { fromMs, toMs };
}

export interface Cursor {
  at: number;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}:${c.id}`).toString('base64url');
}

/** The position after which the next page starts; a malformed cursor is a 400, never a 500. */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined) return null;
  const match = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  const at = Number(match?.[1]);
  const id = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(at) || !Number.isSafeInteger(id) || id < 1 || encodeCursor({ at, id }) !== value) {
    throw new ApiError('invalid_request', 'The cursor is not one this server gave out.', { fields: { cursor: 'Invalid cursor.' } });
  }
  return { at, id };
}

/** SQL conditions and parameters for a time column over a range, after a cursor. */
function window(timeCol: string, idCol: string, range: Range, cursor: Cursor | null) {
  const where: string[] = [];
  const params: number[] = [];
  if (range.fromMs !== null) {
    where.push(`${timeCol} >= ?`);
    params.push(range.fromMs);
  }
  if (range.toMs !== null) {
    where.push(`${timeCol} < ?`);
    params.push(range.toMs);
  }
  if (cursor) {
    // A row value comparison: SQLite uses it as a range on the (partner, time, id) index.
    where.push(`(${timeCol}, ${idCol}) < (?, ?)`);
    params.push(cursor.at, cursor.id);
  }
  return { sql: where.map((w) => ` AND ${w}`).join(''), params };
}

function page<T extends { id: number }>(rows: T[], limit: number, at: (row: T) => number) {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: more && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}

// ---------------------------------------------------------------------------------------------
// Balance and summary

export function partnerBalance(db: Db, partnerId: number, now: number): Balance {
  return balanceOf(db, partnerId, partnerCurrency(db, partnerId), now);
}

/** The longest period the summary charts, day by day. */
export const MAX_SUMMARY_DAYS = 366;

export function summary(db: Db, partnerId: number, q: RangeQuery, now: number): Summary {
  const today = Date.parse(`${dayOf(now)}T00:00:00.000Z`);
  const toDay = q.to ? Date.parse(`${q.to}T00:00:00.000Z`) : q.from ? Math.max(today, Date.parse(`${q.from}T00:00:00.000Z`)) : today;
  const fromDay = q.from ? Date.parse(`${q.from}T00:00:00.000Z`) : toDay - 29 * DAY_MS;
  if (fromDay > toDay) throw new ApiError('invalid_request', 'The period ends before it starts.', { fields: { to: 'Must be on or after from.' } });
  const days = (toDay - fromDay) / DAY_MS + 1;
  if (days > MAX_SUMMARY_DAYS) {
    throw new ApiError('invalid_request', `The summary covers at most ${MAX_SUMMARY_DAYS} days.`, { fields: { from: 'Choose a shorter period.' } });
  }
  const end = toDay + DAY_MS;
  const balance = partnerBalance(db, partnerId, now);
  const currency = balance.total.currency;
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const earned = (
    db
      .prepare(
        `SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries
         WHERE partner_id = ? AND created_at >= ? AND created_at <= ? AND currency = ? AND type = 'earned'`,
      )
      .get(partnerId, monthStart, now, currency) as { n: number }
  ).n;

  const perDay = (sql: string) => db.prepare(sql).all(fromDay, partnerId, fromDay, end) as Array<{ d: number; n: number }>;
  // Clicks from their per-day tally (the click writer keeps it in the batch's transaction), not
  // by counting rows: the same UTC days, and no index on `clicks` for the redirect to keep up.
  const clicks = (
    db
      .prepare('SELECT day, sum(clicks) AS n FROM click_days WHERE partner_id = ? AND day >= ? AND day <= ? GROUP BY day')
      .all(partnerId, dayOf(fromDay), dayOf(toDay)) as Array<{ day: string; n: number }>
  ).map((r) => ({ d: (Date.parse(`${r.day}T00:00:00.000Z`) - fromDay) / DAY_MS, n: r.n }));
  const leads = perDay(
    `SELECT CAST((occurred_at - ?) / ${DAY_MS} AS INTEGER) AS d, count(*) AS n FROM leads WHERE partner_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY d`,
  );
  const sales = perDay(
    `SELECT CAST((occurred_at - ?) / ${DAY_MS} AS INTEGER) AS d, count(*) AS n FROM sales WHERE partner_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY d`,
  );
  const daily = Array.from({ length: days }, (_, i) => ({ day: dayOf(fromDay + i * DAY_MS), clicks: 0, leads: 0, sales: 0 }));
  const fill = (rows: Array<{ d: number; n: number }>, key: 'clicks' | 'leads' | 'sales') => {
    for (const r of rows) {
      const slot = daily[r.d];
      if (slot) slot[key] = r.n;
    }
  };
  fill(clicks, 'clicks');
  fill(leads, 'leads');
  fill(sales, 'sales');
  const sum = (key: 'clicks' | 'leads' | 'sales') => daily.reduce((n, d) => n + d[key], 0);
  return {
    balance,
    earnedThisMonth: { amount: earned, currency },
    from: dayOf(fromDay),
    to: dayOf(toDay),
    funnel: { clicks: sum('clicks'), leads: sum('leads'), sales: sum('sales') },
    daily,
  };
}

// ---------------------------------------------------------------------------------------------
// Ledger

export interface LedgerFilter extends RangeQuery {
  type?: LedgerEntryType | undefined;
}

export interface LedgerRow {
  id: number;
  type: LedgerEntryType;
  amount: number;
  currency: string;
  available_at: number;
  balance_after: number;
  description: string;
  created_at: number;
  order_id: string | null;
  lead_ref: string | null;
  program_name: string | null;
  payout_id: number | null;
  payout_ref: string | null;
  reason: string | null;
}

/**
 * The ledger rows of a partner in one currency, with what the cause needs, filtered. Filtered by
 * type, the (partner, type, time) index is named: over a from–to period SQLite's planner (no
 * statistics) otherwise takes the (partner, time) index and walks every entry of the period to
 * find a few payouts.
 */
export function ledgerSql(range: Range, cursor: Cursor | null, type: LedgerEntryType | undefined, order: 'DESC' | 'ASC') {
  const w = window('e.created_at', 'e.id', range, cursor);
  const sql = `SELECT e.id, e.type, e.amount, e.currency, e.available_at, e.balance_after, e.description, e.created_at,
      s.order_id, l.external_id AS lead_ref, pr.name AS program_name, po.id AS payout_id, po.reference AS payout_ref, a.reason
    FROM ledger_entries e${type ? ' INDEXED BY ledger_by_partner_type_time' : ''}
    LEFT JOIN commissions c ON c.id = e.commission_id
    LEFT JOIN sales s ON s.id = c.sale_id
    LEFT JOIN leads l ON l.id = c.lead_id
    LEFT JOIN programs pr ON pr.id = c.program_id
    LEFT JOIN payouts po ON po.id = e.payout_id
    LEFT JOIN adjustments a ON a.id = e.adjustment_id
    WHERE e.partner_id = ? AND e.currency = ?${w.sql}${type ? ' AND e.type = ?' : ''}
    ORDER BY e.created_at ${order}, e.id ${order}`;
  return { sql, params: [...w.params, ...(type ? [type] : [])] };
}

export function ledgerCause(r: LedgerRow): LedgerEntry['cause'] {
  switch (r.type) {
    case 'earned':
      return r.order_id !== null ? { kind: 'sale', reference: r.order_id } : { kind: 'lead', reference: r.lead_ref ?? '' };
    case 'reversed':
      return { kind: 'refund', reference: r.order_id ?? '' };
    case 'paid_out':
      return { kind: 'payout', reference: r.payout_ref || `payout ${r.payout_id ?? ''}`.trim() };
    case 'adjusted':
      return { kind: 'adjustment', reference: r.reason ?? '' };
  }
}

export function toLedgerEntry(r: LedgerRow, now: number): LedgerEntry {
  return {
    id: r.id,
    type: r.type,
    amount: { amount: r.amount, currency: r.currency },
    status: r.available_at > now ? 'pending' : 'available',
    availableAt: iso(r.available_at),
    description: r.description,
    cause: ledgerCause(r),
    programName: r.program_name,
    balance: { amount: r.balance_after, currency: r.currency },
    createdAt: iso(r.created_at),
  };
}

/** The running balance just before `beforeMs` (or at the very end when null): one index seek. */
export function balanceBefore(db: Db, partnerId: number, currency: string, beforeMs: number | null): number {
  if (beforeMs === null) {
    const row = db.prepare('SELECT total FROM balances WHERE partner_id = ? AND currency = ?').get(partnerId, currency) as
      | { total: number }
      | undefined;
    return row?.total ?? 0;
  }
  const row = db
    .prepare(
      `SELECT balance_after FROM ledger_entries WHERE partner_id = ? AND currency = ? AND created_at < ?
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get(partnerId, currency, beforeMs) as { balance_after: number } | undefined;
  return row?.balance_after ?? 0;
}

export function ledgerPage(db: Db, partnerId: number, q: LedgerFilter & { cursor?: string | undefined; limit: number }, now: number): LedgerPage {
  const range = parseRange(q);
  const cursor = decodeCursor(q.cursor);
  const currency = partnerCurrency(db, partnerId);
  const { sql, params } = ledgerSql(range, cursor, q.type, 'DESC');
  const rows = db.prepare(`${sql} LIMIT ?`).all(partnerId, currency, ...params, q.limit + 1) as LedgerRow[];
  const p = page(rows, q.limit, (r) => r.created_at);
  return {
    currency,
    openingBalance: { amount: range.fromMs === null ? 0 : balanceBefore(db, partnerId, currency, range.fromMs), currency },
    closingBalance: { amount: balanceBefore(db, partnerId, currency, range.toMs), currency },
    entries: p.rows.map((r) => toLedgerEntry(r, now)),
    nextCursor: p.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------
// Commissions, leads, sales

export interface CommissionSqlRow {
  id: number;
  created_at: number;
  program_name: string;
  order_id: string | null;
  lead_ref: string | null;
  amount: number;
  reversed_amount: number;
  paid_amount: number;
  currency: string;
  available_at: number;
}

export function commissionsSql(range: Range, cursor: Cursor | null) {
  const w = window('c.created_at', 'c.id', range, cursor);
  return {
    sql: `SELECT c.id, c.created_at, p.name AS program_name, s.order_id, l.external_id AS lead_ref, c.amount, c.reversed_amount,
        c.paid_amount, c.currency, c.available_at
      FROM commissions c JOIN programs p ON p.id = c.program_id
      LEFT JOIN sales s ON s.id = c.sale_id LEFT JOIN leads l ON l.id = c.lead_id
      WHERE c.partner_id = ?${w.sql}
      ORDER BY c.created_at DESC, c.id DESC`,
    params: w.params,
  };
}

export function toCommissionRow(r: CommissionSqlRow, now: number): CommissionRow {
  return {
    id: r.id,
    createdAt: iso(r.created_at),
    programName: r.program_name,
    source: r.order_id !== null ? 'sale' : 'lead',
    reference: r.order_id ?? r.lead_ref ?? '',
    amount: { amount: r.amount, currency: r.currency },
    reversed: { amount: r.reversed_amount, currency: r.currency },
    status: commissionStatus({ amount: r.amount, reversed: r.reversed_amount, paid: r.paid_amount, availableAt: r.available_at }, now),
    availableAt: iso(r.available_at),
  };
}

export interface PageQuery extends RangeQuery {
  cursor?: string | undefined;
  limit: number;
}

export function commissionsPage(db: Db, partnerId: number, q: PageQuery, now: number): CommissionPage {
  const { sql, params } = commissionsSql(parseRange(q), decodeCursor(q.cursor));
  const rows = db.prepare(`${sql} LIMIT ?`).all(partnerId, ...params, q.limit + 1) as CommissionSqlRow[];
  const p = page(rows, q.limit, (r) => r.created_at);
  return { rows: p.rows.map((r) => toCommissionRow(r, now)), nextCursor: p.nextCursor };
}

/** `dana@example.com` → `d•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email === '' ? '' : '•••';
  return `${[...email.slice(0, at)][0]}•••${email.slice(at)}`;
}

/** `Dana Demo` → `Dana D.`; one word stays as it is. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? '';
  return `${words[0]} ${[...(words[words.length - 1] ?? '')][0]}.`;
}

export function maskContact(name: string, email: string): string {
  return [maskName(name), maskEmail(email)].filter(Boolean).join(' · ');
}

export interface LeadSqlRow {
  id: number;
  occurred_at: number;
  program_name: string;
  external_id: string;
  name: string;
  email: string;
  converted_at: number | null;
}

export function leadsSql(range: Range, cursor: Cursor | null) {
  const w = window('l.occurred_at', 'l.id', range, cursor);
  return {
    sql: `SELECT l.id, l.occurred_at, p.name AS program_name, l.external_id, l.name, l.email, l.converted_at
      FROM leads l JOIN programs p ON p.id = l.program_id
      WHERE l.partner_id = ?${w.sql}
      ORDER BY l.occurred_at DESC, l.id DESC`,
    params: w.params,
  };
}

export function toLeadRow(r: LeadSqlRow): LeadRow {
  return {
    id: r.id,
    createdAt: iso(r.occurred_at),
    programName: r.program_name,
    leadId: r.external_id,
    contact: maskContact(r.name, r.email),
    status: r.converted_at === null ? 'new' : 'converted',
  };
}

export function leadsPage(db: Db, partnerId: number, q: PageQuery): LeadPage {
  const { sql, params } = leadsSql(parseRange(q), decodeCursor(q.cursor));
  const rows = db.prepare(`${sql} LIMIT ?`).all(partnerId, ...params, q.limit + 1) as LeadSqlRow[];
  const p = page(rows, q.limit, (r) => r.occurred_at);
  return { rows: p.rows.map(toLeadRow), nextCursor: p.nextCursor };
}

export interface SaleSqlRow {
  id: number;
  occurred_at: number;
  program_name: string;
  order_id: string;
  amount: number;
  refunded_amount: number;
  currency: string;
  hold_days: number;
  c_amount: number | null;
  c_reversed: number | null;
  c_paid: number | null;
  c_available_at: number | null;
}

export function salesSql(range: Range, cursor: Cursor | null) {
  const w = window('s.occurred_at', 's.id', range, cursor);
  return {
    sql: `SELECT s.id, s.occurred_at, p.name AS program_name, s.order_id, s.amount, s.refunded_amount, s.currency, p.hold_days,
        c.amount AS c_amount, c.reversed_amount AS c_reversed, c.paid_amount AS c_paid, c.available_at AS c_available_at
      FROM sales s JOIN programs p ON p.id = s.program_id
      LEFT JOIN commissions c ON c.sale_id = s.id
      WHERE s.partner_id = ?${w.sql}
      ORDER BY s.occurred_at DESC, s.id DESC`,
    params: w.params,
  };
}

export function toSaleRow(r: SaleSqlRow, now: number): SaleRow {
  const commission = r.c_amount ?? 0;
  // A sale that earned nothing still has a status: reversed once refunded in full, else as its hold period says.
  const status =
    r.c_amount === null
      ? r.refunded_amount === r.amount
        ? 'reversed'
        : now >= r.occurred_at + r.hold_days * DAY_MS
          ? 'available'
          : 'pending'
      : commissionStatus({ amount: commission, reversed: r.c_reversed ?? 0, paid: r.c_paid ?? 0, availableAt: r.c_available_at ?? 0 }, now);
  return {
    id: r.id,
    createdAt: iso(r.occurred_at),
    programName: r.program_name,
    orderId: r.order_id,
    amount: { amount: r.amount, currency: r.currency },
    refunded: { amount: r.refunded_amount, currency: r.currency },
    commission: { amount: commission, currency: r.currency },
    status,
  };
}

export function salesPage(db: Db, partnerId: number, q: PageQuery, now: number): SalePage {
  const { sql, params } = salesSql(parseRange(q), decodeCursor(q.cursor));
  const rows = db.prepare(`${sql} LIMIT ?`).all(partnerId, ...params, q.limit + 1) as SaleSqlRow[];
  const p = page(rows, q.limit, (r) => r.occurred_at);
  return { rows: p.rows.map((r) => toSaleRow(r, now)), nextCursor: p.nextCursor };
}
