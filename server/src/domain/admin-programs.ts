import * as z from 'zod';
import {
  CommissionRuleCreate,
  type AdminProgram,
  AdminProgramCreate,
  type AdminProgramUpdate,
  type CommissionRule,
  type CommissionRuleUpdate,
} from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { invalidRequest } from '../http/validation.ts';
import { toRule, type RuleRow } from './programs.ts';

// The merchant's programs and their commission rules.

interface ProgramRow {
  id: number;
  name: string;
  description: string;
  currency: string;
  attribution_window_days: number;
  hold_days: number;
  is_open: number;
  created_at: number;
  archived_at: number | null;
  enrolled: number;
}

const PROGRAM_SQL = `SELECT p.*, (SELECT count(*) FROM enrollments e WHERE e.program_id = p.id) AS enrolled FROM programs p`;

function toProgram(db: Db, row: ProgramRow): AdminProgram {
  const rules = db
    .prepare('SELECT * FROM commission_rules WHERE program_id = ? ORDER BY product_sku IS NOT NULL, product_sku, id')
    .all(row.id) as RuleRow[];
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    currency: row.currency,
    attributionWindowDays: row.attribution_window_days,
    holdDays: row.hold_days,
    isOpen: row.is_open === 1,
    archived: row.archived_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    enrolledPartners: row.enrolled,
    rules: rules.map((r) => toRule(r, row.currency)),
  };
}

/** The program, or a 404. */
export function readAdminProgram(db: Db, id: number): AdminProgram {
  const row = db.prepare(`${PROGRAM_SQL} WHERE p.id = ?`).get(id) as ProgramRow | undefined;
  if (!row) throw new ApiError('not_found', `No program ${id}.`);
  return toProgram(db, row);
}

/** Every program, archived ones included (marked), oldest first. */
export function listAdminPrograms(db: Db): AdminProgram[] {
  return (db.prepare(`${PROGRAM_SQL} ORDER BY p.id`).all() as ProgramRow[]).map((row) => toProgram(db, row));
}

export function createAdminProgram(db: Db, input: z.output<typeof AdminProgramCreate>, now: number): AdminProgram {
  const id = Number(
    db
      .prepare(
        `INSERT INTO programs (name, description, currency, attribution_window_days, hold_days, is_open, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.name, input.description, input.currency, input.attributionWindowDays, input.holdDays, input.isOpen ? 1 : 0, now).lastInsertRowid,
  );
  return readAdminProgram(db, id);
}

/** Has money moved in this program? Then its currency is fixed. */
function hasConversions(db: Db, programId: number): boolean {
  return Boolean(
    db.prepare('SELECT 1 FROM sales WHERE program_id = ? UNION ALL SELECT 1 FROM leads WHERE program_id = ? LIMIT 1').get(programId, programId),
  );
}

export function updateAdminProgram(db: Db, id: number, u: AdminProgramUpdate, now: number): AdminProgram {
  return db.transaction(() => {
    const current = readAdminProgram(db, id);
    if (u.currency !== undefined && u.currency !== current.currency) {
      if (hasConversions(db, id)) {
        throw new ApiError('conflict', 'The currency cannot change once the program has leads or sales.', {
          fields: { currency: 'Fixed: the program has conversions.' },
        });
      }
      if (current.rules.some((r) => r.type !== 'percent_of_sale')) {
        throw new ApiError('conflict', 'Flat rules are in the old currency: remove or change them first.', {
          fields: { currency: 'The program has flat-amount rules.' },
        });
      }
    }
    db.prepare(
      `UPDATE programs SET name = ?, description = ?, currency = ?, attribution_window_days = ?, hold_days = ?, is_open = ?,
         archived_at = CASE WHEN ? IS NULL THEN archived_at WHEN ? = 1 THEN coalesce(archived_at, ?) ELSE NULL END
       WHERE id = ?`,
    ).run(
      u.name ?? current.name,
      u.description ?? current.description,
      u.currency ?? current.currency,
      u.attributionWindowDays ?? current.attributionWindowDays,
      u.holdDays ?? current.holdDays,
      (u.isOpen ?? current.isOpen) ? 1 : 0,
      u.archived === undefined ? null : 1,
      u.archived ? 1 : 0,
      now,
      id,
    );
    return readAdminProgram(db, id);
  })();
}

type ValidRule = z.output<typeof CommissionRuleCreate>;

function writeRule(db: Db, program: AdminProgram, rule: ValidRule, ruleId: number | null): number {
  if ('amount' in rule && rule.amount.currency !== program.currency) {
    throw new ApiError('invalid_request', 'Some fields need attention.', {
      fields: { 'amount.currency': `Use the program's currency, ${program.currency}.` },
    });
  }
  const clash = db
    .prepare(`SELECT id FROM commission_rules WHERE program_id = ? AND type = ? AND ifnull(product_sku, '') = ? AND id IS NOT ?`)
    .get(program.id, rule.type, rule.productSku ?? '', ruleId);
  if (clash) {
    const target = rule.productSku === null ? 'a general' : `a ${rule.productSku}`;
    throw new ApiError('conflict', `The program already has ${target} ${rule.type} rule; change that one instead.`, {
      fields: { type: 'One rule per type for each product (and one general).' },
    });
  }
  const values = [
    rule.type,
    rule.type === 'percent_of_sale' ? rule.basisPoints : null,
    'amount' in rule ? rule.amount.amount : null,
    rule.productSku,
    'recurringMonths' in rule ? rule.recurringMonths : null,
    rule.note,
  ];
  if (ruleId === null) {
    return Number(
      db
        .prepare(
          `INSERT INTO commission_rules (program_id, type, basis_points, amount, product_sku, recurring_months, note)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(program.id, ...values).lastInsertRowid,
    );
  }
  db.prepare(
    `UPDATE commission_rules SET type = ?, basis_points = ?, amount = ?, product_sku = ?, recurring_months = ?, note = ? WHERE id = ?`,
  ).run(...values, ruleId);
  return ruleId;
}

function ruleOf(db: Db, programId: number, ruleId: number): CommissionRule {
  const rule = readAdminProgram(db, programId).rules.find((r) => r.id === ruleId);
  if (!rule) throw new ApiError('not_found', `Program ${programId} has no rule ${ruleId}.`);
  return rule;
}

export function addRule(db: Db, programId: number, rule: ValidRule): CommissionRule {
  return db.transaction(() => {
    const id = writeRule(db, readAdminProgram(db, programId), rule, null);
    return ruleOf(db, programId, id);
  })();
}

/** Merge the change into the stored rule and validate the result as a whole new rule. */
export function updateRule(db: Db, programId: number, ruleId: number, update: CommissionRuleUpdate): CommissionRule {
  return db.transaction(() => {
    const program = readAdminProgram(db, programId);
    const { id: _, ...current } = ruleOf(db, programId, ruleId);
    const base =
      update.type !== undefined && update.type !== current.type
        ? { productSku: current.type === 'flat_per_lead' && update.type !== 'flat_per_lead' ? null : current.productSku, note: current.note }
        : current;
    const merged = CommissionRuleCreate.safeParse({ ...base, ...update });
    if (!merged.success) throw invalidRequest(merged.error);
    writeRule(db, program, merged.data, ruleId);
    return ruleOf(db, programId, ruleId);
  })();
}

export function deleteRule(db: Db, programId: number, ruleId: number): void {
  db.transaction(() => {
    readAdminProgram(db, programId);
    const result = db.prepare('DELETE FROM commission_rules WHERE id = ? AND program_id = ?').run(ruleId, programId);
    if (result.changes === 0) throw new ApiError('not_found', `Program ${programId} has no rule ${ruleId}.`);
  })();
}
