// The CSV files behind each report: its columns, and a generator of rows reading one statement
// with `.iterate()`; `csvStream` runs it on its own read-only connection and streams the text.

import type { LedgerEntryType } from '@rp/contract';
import type { Db } from '../db/database.ts';
import type { CsvRow } from './csv.ts';
import { partnerCurrency } from './ledger.ts';
import { decimalAmount } from './money.ts';
import {
  balanceBefore,
  commissionsSql,
  ledgerCause,
  ledgerSql,
  leadsSql,
  salesSql,
  toCommissionRow,
  toLeadRow,
  toSaleRow,
  type CommissionSqlRow,
  type LeadSqlRow,
  type LedgerRow,
  type Range,
  type SaleSqlRow,
} from './reports.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export const LEDGER_CSV_COLUMNS = [
  'date',
  'type',
  'description',
  'cause',
  'reference',
  'program',
  'status',
  'available_at',
  'amount',
  'balance',
  'currency',
] as const;

/**
 * The ledger as a statement, oldest first so the running balance reads down the page: an
 * opening balance line (the balance before `from`), every entry of the period (of `type`, if
 * given) with its running balance, and a closing balance line.
 */
export function* ledgerCsv(
  reader: Db,
  partnerId: number,
  range: Range,
  days: { from?: string | undefined; to?: string | undefined },
  type: LedgerEntryType | undefined,
  now: number,
): Generator<CsvRow> {
  const currency = partnerCurrency(reader, partnerId);
  const opening = range.fromMs === null ? 0 : balanceBefore(reader, partnerId, currency, range.fromMs);
  const closing = balanceBefore(reader, partnerId, currency, range.toMs);
  const money = (n: number) => decimalAmount(n, currency);
  yield [days.from ?? '', 'opening_balance', 'Opening balance', '', '', '', '', '', '', money(opening), currency];
  const { sql, params } = ledgerSql(range, null, type, 'ASC');
  for (const r of reader.prepare(sql).iterate(partnerId, currency, ...params) as IterableIterator<LedgerRow>) {
    const cause = ledgerCause(r);
    yield [
      iso(r.created_at),
      r.type,
      r.description,
      cause.kind,
      cause.reference,
      r.program_name ?? '',
      r.available_at > now ? 'pending' : 'available',
      iso(r.available_at),
      money(r.amount),
      money(r.balance_after),
      r.currency,
    ];
  }
  yield [days.to ?? new Date(now).toISOString().slice(0, 10), 'closing_balance', 'Closing balance', '', '', '', '', '', '', money(closing), currency];
}

export const COMMISSIONS_CSV_COLUMNS = ['date', 'program', 'source', 'reference', 'amount', 'reversed', 'status', 'available_at', 'currency'] as const;

export function* commissionsCsv(reader: Db, partnerId: number, range: Range, now: number): Generator<CsvRow> {
  const { sql, params } = commissionsSql(range, null);
  for (const r of reader.prepare(sql).iterate(partnerId, ...params) as IterableIterator<CommissionSqlRow>) {
    const row = toCommissionRow(r, now);
    yield [
      row.createdAt,
      row.programName,
      row.source,
      row.reference,
      decimalAmount(row.amount.amount, r.currency),
      decimalAmount(row.reversed.amount, r.currency),
      row.status,
      row.availableAt,
      r.currency,
    ];
  }
}

export const LEADS_CSV_COLUMNS = ['date', 'program', 'lead_id', 'contact', 'status'] as const;

export function* leadsCsv(reader: Db, partnerId: number, range: Range): Generator<CsvRow> {
  const { sql, params } = leadsSql(range, null);
  for (const r of reader.prepare(sql).iterate(partnerId, ...params) as IterableIterator<LeadSqlRow>) {
    const row = toLeadRow(r);
    yield [row.createdAt, row.programName, row.leadId, row.contact, row.status];
  }
}

export const SALES_CSV_COLUMNS = ['date', 'program', 'order_id', 'amount', 'refunded', 'commission', 'status', 'currency'] as const;

export function* salesCsv(reader: Db, partnerId: number, range: Range, now: number): Generator<CsvRow> {
  const { sql, params } = salesSql(range, null);
  for (const r of reader.prepare(sql).iterate(partnerId, ...params) as IterableIterator<SaleSqlRow>) {
    const row = toSaleRow(r, now);
    yield [
      row.createdAt,
      row.programName,
      row.orderId,
      decimalAmount(row.amount.amount, r.currency),
      decimalAmount(row.refunded.amount, r.currency),
      decimalAmount(row.commission.amount, r.currency),
      row.status,
      r.currency,
    ];
  }
}
