// The ledger: the only way money changes. Every entry is inserted (never updated: triggers
// refuse it) together with the `balances` row it moves, inside the transaction of its cause.

import type { Balance, LedgerEntryType } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { readSettings } from './center.ts';

export interface NewEntry {
  partnerId: number;
  type: LedgerEntryType;
  /** Signed minor units: earnings positive; reversals and payouts negative. */
  amount: number;
  currency: string;
  /** Counts toward the available balance from this time on. */
  availableAt: number;
  cause: { commissionId?: number; refundId?: number; payoutId?: number; adjustmentId?: number };
  description: string;
  createdAt: number;
}

export interface AppendedEntry {
  id: number;
  balanceAfter: number;
}

/**
 * Append one entry and move the partner's balance. Must run inside the caller's transaction (the
 * one writing the cause), so the entry, its cause and the balance commit or roll back together.
 */
export function appendEntry(db: Db, e: NewEntry): AppendedEntry {
  if (!db.inTransaction) throw new Error('appendEntry must run inside the transaction of its cause');
  if (!Number.isSafeInteger(e.amount) || e.amount === 0) throw new RangeError(`ledger amount ${e.amount}`);
  const previous = db
    .prepare('SELECT total FROM balances WHERE partner_id = ? AND currency = ?')
    .get(e.partnerId, e.currency) as { total: number } | undefined;
  const balanceAfter = (previous?.total ?? 0) + e.amount;
  const id = Number(
    db
      .prepare(
        `INSERT INTO ledger_entries (partner_id, type, amount, currency, available_at, balance_after,
           commission_id, refund_id, payout_id, adjustment_id, description, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.partnerId,
        e.type,
        e.amount,
        e.currency,
        e.availableAt,
        balanceAfter,
        e.cause.commissionId ?? null,
        e.cause.refundId ?? null,
        e.cause.payoutId ?? null,
        e.cause.adjustmentId ?? null,
        e.description,
        e.createdAt,
      ).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO balances (partner_id, currency, total, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (partner_id, currency) DO UPDATE SET total = excluded.total, updated_at = excluded.updated_at`,
  ).run(e.partnerId, e.currency, balanceAfter, e.createdAt);
  return { id, balanceAfter };
}

/**
 * A partner's balance: the total is one read of `balances`; pending is the sum of the entries
 * still in their hold period (a short index range: only entries with `available_at > now`);
 * available is the rest.
 */
export function balanceOf(db: Db, partnerId: number, currency: string, now: number): Balance {
  const total =
    (db.prepare('SELECT total FROM balances WHERE partner_id = ? AND currency = ?').get(partnerId, currency) as { total: number } | undefined)
      ?.total ?? 0;
  const pending = (
    db
      .prepare(
        'SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries WHERE partner_id = ? AND currency = ? AND available_at > ?',
      )
      .get(partnerId, currency, now) as { n: number }
  ).n;
  return {
    available: { amount: total - pending, currency },
    pending: { amount: pending, currency },
    total: { amount: total, currency },
  };
}

/**
 * The currency a partner's statement is in: the currency of their first balance; before any
 * money moved, that of their first program; else the center's.
 */
export function partnerCurrency(db: Db, partnerId: number): string {
  const balance = db
    .prepare(
      `SELECT currency FROM ledger_entries WHERE partner_id = ? ORDER BY id LIMIT 1`,
    )
    .get(partnerId) as { currency: string } | undefined;
  if (balance) return balance.currency;
  const program = db
    .prepare(
      `SELECT p.currency FROM enrollments e JOIN programs p ON p.id = e.program_id
       WHERE e.partner_id = ? ORDER BY e.enrolled_at, p.id LIMIT 1`,
    )
    .get(partnerId) as { currency: string } | undefined;
  return program?.currency ?? readSettings(db).currency;
}
