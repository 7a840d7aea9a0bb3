// Who brought a conversion. Tried in the contract's order: click id, lead id, coupon code,
// partner code; the first that names an active partner enrolled in the program wins. A click id
// names one click, so "last click wins" means: the click the merchant's site kept (the newest
// one it saw), as long as it is inside the program's attribution window.

import type { Attribution, AttributedBy } from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';

const DAY_MS = 86_400_000;

export interface ProgramFacts {
  id: number;
  name: string;
  currency: string;
  attributionWindowDays: number;
  holdDays: number;
}

export interface Attributed {
  partnerId: number;
  partnerCode: string;
  by: AttributedBy;
  /** Row id of the click, when attributed by click. */
  clickRowId: number | null;
  /** Row id of the lead named by `attribution.leadId`, if it exists in the program (whatever attributed). */
  leadRowId: number | null;
}

/** Clicks are written in batches; anything that looks a click up by its public id flushes first. */
export interface ClickFlusher {
  flush(): void;
}

export function findProgram(db: Db, programId: number): ProgramFacts {
  const row = db
    .prepare('SELECT id, name, currency, attribution_window_days, hold_days FROM programs WHERE id = ? AND archived_at IS NULL')
    .get(programId) as { id: number; name: string; currency: string; attribution_window_days: number; hold_days: number } | undefined;
  if (!row) throw new ApiError('unprocessable', `There is no program ${programId}.`, { fields: { programId: 'No such program.' } });
  return { id: row.id, name: row.name, currency: row.currency, attributionWindowDays: row.attribution_window_days, holdDays: row.hold_days };
}

interface PartnerFacts {
  id: number;
  code: string;
  status: string;
  enrolled: number;
}

function partnerFacts(db: Db, where: 'id' | 'code', value: number | string, programId: number): PartnerFacts | undefined {
  return db
    .prepare(
      `SELECT p.id, p.code, p.status,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.partner_id = p.id AND e.program_id = ?) AS enrolled
       FROM partners p WHERE p.${where} = ?`,
    )
    .get(programId, value) as PartnerFacts | undefined;
}

/** Why this partner cannot be credited in this program, or null if they can. */
function ineligible(p: PartnerFacts, program: ProgramFacts): string | null {
  if (p.status !== 'active') return `partner "${p.code}" is not active`;
  if (!p.enrolled) return `partner "${p.code}" is not enrolled in "${program.name}"`;
  return null;
}

/**
 * Resolve the attribution of a lead or sale happening at `at` (epoch ms) in `program`.
 * Each given method is tried in order; when none credits an eligible partner the answer is a 422
 * listing why each failed.
 */
export function attribute(
  db: Db,
  clicks: ClickFlusher | undefined,
  program: ProgramFacts,
  attribution: Attribution,
  at: number,
): Attributed {
  const reasons: string[] = [];
  const leadRow = attribution.leadId
    ? (db.prepare('SELECT id, partner_id FROM leads WHERE program_id = ? AND external_id = ?').get(program.id, attribution.leadId) as
        | { id: number; partner_id: number }
        | undefined)
    : undefined;
  const credit = (p: PartnerFacts | undefined, by: AttributedBy, clickRowId: number | null, what: string): Attributed | null => {
    if (!p) {
      reasons.push(what);
      return null;
    }
    const why = ineligible(p, program);
    if (why) {
      reasons.push(why);
      return null;
    }
    return { partnerId: p.id, partnerCode: p.code, by, clickRowId, leadRowId: leadRow?.id ?? null };
  };

  if (attribution.clickId) {
    clicks?.flush();
    const click = db.prepare('SELECT id, partner_id, created_at FROM clicks WHERE public_id = ?').get(attribution.clickId) as
      | { id: number; partner_id: number; created_at: number }
      | undefined;
    if (!click) reasons.push(`no click has the id "${attribution.clickId}"`);
    else if (click.created_at > at) reasons.push(`click "${attribution.clickId}" happened after the conversion`);
    else if (at - click.created_at > program.attributionWindowDays * DAY_MS) {
      reasons.push(`click "${attribution.clickId}" is older than the program's ${program.attributionWindowDays}-day attribution window`);
    } else {
      const hit = credit(partnerFacts(db, 'id', click.partner_id, program.id), 'click', click.id, 'the click has no partner');
      if (hit) return hit;
    }
  }
  if (attribution.leadId) {
    if (!leadRow) reasons.push(`no lead "${attribution.leadId}" in "${program.name}"`);
    else {
      const hit = credit(partnerFacts(db, 'id', leadRow.partner_id, program.id), 'lead', null, 'the lead has no partner');
      if (hit) return hit;
    }
  }
  if (attribution.couponCode) {
    const coupon = db.prepare('SELECT partner_id FROM coupons WHERE code = ?').get(attribution.couponCode) as { partner_id: number } | undefined;
    if (!coupon) reasons.push(`no coupon "${attribution.couponCode}"`);
    else {
      const hit = credit(partnerFacts(db, 'id', coupon.partner_id, program.id), 'coupon', null, 'the coupon has no partner');
      if (hit) return hit;
    }
  }
  if (attribution.partnerCode) {
    const hit = credit(
      partnerFacts(db, 'code', attribution.partnerCode, program.id),
      'partner_code',
      null,
      `no partner has the code "${attribution.partnerCode}"`,
    );
    if (hit) return hit;
  }
  throw new ApiError('unprocessable', `The conversion cannot be attributed: ${reasons.join('; ')}.`, {
    fields: { attribution: 'No partner could be credited.' },
  });
}
