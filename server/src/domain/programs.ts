import type { CommissionRule, CommissionStructure, Program } from '@rp/contract';
import type { Db } from '../db/database.ts';

interface ProgramRow {
  id: number;
  name: string;
  description: string;
  currency: string;
  attribution_window_days: number;
  hold_days: number;
  enrolled_at: number;
}

/** A `commission_rules` row, as far as turning it into a contract rule needs. */
export interface RuleRow {
  id: number;
  type: CommissionRule['type'];
  basis_points: number | null;
  amount: number | null;
  product_sku: string | null;
  recurring_months: number | null;
  note: string;
}

/** The programs a partner is enrolled in, archived ones left out, oldest program first. */
function enrolledPrograms(db: Db, partnerId: number): ProgramRow[] {
  return db
    .prepare(
      `SELECT p.id, p.name, p.description, p.currency, p.attribution_window_days, p.hold_days, e.enrolled_at
       FROM enrollments e JOIN programs p ON p.id = e.program_id
       WHERE e.partner_id = ? AND p.archived_at IS NULL
       ORDER BY p.id`,
    )
    .all(partnerId) as ProgramRow[];
}

export function listPrograms(db: Db, partnerId: number): Program[] {
  return enrolledPrograms(db, partnerId).map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    currency: p.currency,
    attributionWindowDays: p.attribution_window_days,
    holdDays: p.hold_days,
    enrolledAt: new Date(p.enrolled_at).toISOString(),
  }));
}

/** A stored rule in contract terms; the table's CHECK guarantees the fields its type needs. */
export function toRule(row: RuleRow, currency: string): CommissionRule {
  const base = { id: row.id, productSku: row.product_sku, note: row.note };
  switch (row.type) {
    case 'percent_of_sale':
      return { ...base, type: row.type, basisPoints: row.basis_points ?? 0, recurringMonths: row.recurring_months };
    case 'flat_per_sale':
      return { ...base, type: row.type, amount: { amount: row.amount ?? 0, currency }, recurringMonths: row.recurring_months };
    case 'flat_per_lead':
      return { ...base, type: row.type, amount: { amount: row.amount ?? 0, currency } };
  }
}

/** Every rule of the partner's programs: general rules first, then per-product overrides. */
export function commissionStructure(db: Db, partnerId: number): CommissionStructure {
  const rules = db.prepare(
    `SELECT * FROM commission_rules WHERE program_id = ?
     ORDER BY product_sku IS NOT NULL, product_sku, id`,
  );
  return {
    programs: enrolledPrograms(db, partnerId).map((p) => ({
      programId: p.id,
      programName: p.name,
      currency: p.currency,
      attributionWindowDays: p.attribution_window_days,
      holdDays: p.hold_days,
      rules: (rules.all(p.id) as RuleRow[]).map((row) => toRule(row, p.currency)),
    })),
  };
}

export interface NewRule {
  type: CommissionRule['type'];
  basisPoints?: number;
  amount?: number;
  productSku?: string;
  recurringMonths?: number;
  note?: string;
}

export interface NewProgram {
  name: string;
  description: string;
  currency: string;
  attributionWindowDays: number;
  holdDays: number;
  rules: NewRule[];
}

/** Create a program with its rules in one transaction. Returns the program id. */
export function createProgram(db: Db, input: NewProgram, now: number): number {
  return db.transaction(() => {
    const programId = Number(
      db
        .prepare(
          `INSERT INTO programs (name, description, currency, attribution_window_days, hold_days, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, input.description, input.currency, input.attributionWindowDays, input.holdDays, now)
        .lastInsertRowid,
    );
    const insertRule = db.prepare(
      `INSERT INTO commission_rules (program_id, type, basis_points, amount, product_sku, recurring_months, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of input.rules) {
      insertRule.run(
        programId,
        r.type,
        r.basisPoints ?? null,
        r.amount ?? null,
        r.productSku ?? null,
        r.recurringMonths ?? null,
        r.note ?? '',
      );
    }
    return programId;
  })();
}
