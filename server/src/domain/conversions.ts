// What the merchant reports (coupons, leads, sales, refunds) and pays (payouts, adjustments).
// Each function checks the business rules, writes its rows and the ledger entries they cause in
// one transaction (nested in the caller's, e.g. the idempotency transaction, as a savepoint), and
// answers in contract terms. Refusals are ApiErrors thrown before or inside that transaction, so
// a refused call writes nothing.

import type * as z from 'zod';
import type {
  AdjustmentCreate,
  AdjustmentResult,
  Coupon,
  CouponCreate,
  CouponList,
  LeadCreate,
  LeadResult,
  PayoutCreate,
  PayoutResult,
  RefundCreate,
  RefundResult,
  SaleCreate,
  SaleResult,
} from '@rp/contract';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { partnerByCode as partnerOrNotFound } from './admin-partners.ts';
import { attribute, findProgram, type ClickFlusher } from './attribution.ts';
import { availableAt, leadCommission, reversedTarget, saleCommission, type Rule } from './commissions.ts';
import { appendEntry, balanceOf, partnerCurrency } from './ledger.ts';
import { moneyText } from './money.ts';

/** A conversion may be reported up to this far ahead of the server's clock (clock skew), no further. */
const FUTURE_SKEW_MS = 5 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

function occurredAt(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  const at = Date.parse(value);
  if (at > now + FUTURE_SKEW_MS) {
    throw new ApiError('unprocessable', 'occurredAt is in the future.', { fields: { occurredAt: 'Cannot be in the future.' } });
  }
  return at;
}

function currencyMismatch(field: string, given: string, expected: string, whose: string): ApiError {
  return new ApiError('unprocessable', `The currency ${given} is not ${whose} currency, ${expected}.`, {
    fields: { [field]: `Use ${expected}.` },
  });
}

export function programRules(db: Db, programId: number): Rule[] {
  const rows = db
    .prepare('SELECT id, type, basis_points, amount, product_sku, recurring_months FROM commission_rules WHERE program_id = ? ORDER BY id')
    .all(programId) as Array<{
    id: number;
    type: Rule['type'];
    basis_points: number | null;
    amount: number | null;
    product_sku: string | null;
    recurring_months: number | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    basisPoints: r.basis_points,
    amount: r.amount,
    productSku: r.product_sku,
    recurringMonths: r.recurring_months,
  }));
}

function partnerByCode(db: Db, code: string, field = 'partnerCode'): { id: number; code: string } {
  const row = db.prepare('SELECT id, code FROM partners WHERE code = ?').get(code) as { id: number; code: string } | undefined;
  if (!row) throw new ApiError('unprocessable', `No partner has the code "${code}".`, { fields: { [field]: 'No such partner.' } });
  return row;
}

/**
 * What a lead or sale earned: the commission row and its `earned` ledger entry, pending until the
 * program's hold period ends. Called inside the transaction that records the lead or sale.
 */
function earnCommission(
  db: Db,
  c: {
    partnerId: number;
    program: { id: number; currency: string; holdDays: number };
    source: { saleId: number } | { leadId: number };
    amount: number;
    at: number;
    now: number;
    description: string;
  },
): void {
  const until = availableAt(c.at, c.program.holdDays);
  const commissionId = Number(
    db
      .prepare(
        `INSERT INTO commissions (partner_id, program_id, sale_id, lead_id, amount, currency, available_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.partnerId,
        c.program.id,
        'saleId' in c.source ? c.source.saleId : null,
        'leadId' in c.source ? c.source.leadId : null,
        c.amount,
        c.program.currency,
        until,
        c.now,
      ).lastInsertRowid,
  );
  appendEntry(db, {
    partnerId: c.partnerId,
    type: 'earned',
    amount: c.amount,
    currency: c.program.currency,
    availableAt: until,
    cause: { commissionId },
    description: c.description,
    createdAt: c.now,
  });
}

export function createCoupon(db: Db, input: z.output<typeof CouponCreate>, now: number): Coupon {
  return db.transaction(() => {
    const partner = partnerByCode(db, input.partnerCode);
    const taken = db.prepare('SELECT 1 FROM coupons WHERE code = ?').get(input.code);
    if (taken) throw new ApiError('conflict', `The coupon code "${input.code}" is already assigned.`, { fields: { code: 'Already assigned.' } });
    db.prepare('INSERT INTO coupons (code, partner_id, created_at) VALUES (?, ?, ?)').run(input.code, partner.id, now);
    return { code: input.code, partnerCode: partner.code, createdAt: iso(now) };
  })();
}

/** A partner's coupon codes, oldest first; `not_found` for an unknown partner. */
export function listCoupons(db: Db, partnerCode: string): CouponList {
  const partner = partnerOrNotFound(db, partnerCode);
  const rows = db.prepare('SELECT code, created_at FROM coupons WHERE partner_id = ? ORDER BY created_at, code').all(partner.id) as {
    code: string;
    created_at: number;
  }[];
  return { coupons: rows.map((row) => ({ code: row.code, partnerCode: partner.code, createdAt: iso(row.created_at) })) };
}

export function recordLead(db: Db, clicks: ClickFlusher | undefined, input: z.output<typeof LeadCreate>, now: number): LeadResult {
  return db.transaction((): LeadResult => {
    const program = findProgram(db, input.programId);
    const at = occurredAt(input.occurredAt, now);
    if (db.prepare('SELECT 1 FROM leads WHERE program_id = ? AND external_id = ?').get(program.id, input.leadId)) {
      throw new ApiError('conflict', `The lead "${input.leadId}" is already recorded in this program.`, { fields: { leadId: 'Already recorded.' } });
    }
    const who = attribute(db, clicks, program, input.attribution, at);
    const leadRowId = Number(
      db
        .prepare(
          `INSERT INTO leads (program_id, external_id, partner_id, click_id, attributed_by, email, name, occurred_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(program.id, input.leadId, who.partnerId, who.clickRowId, who.by, input.email, input.name, at, now).lastInsertRowid,
    );
    const rules = programRules(db, program.id);
    const paysPerLead = rules.some((r) => r.type === 'flat_per_lead');
    const amount = leadCommission(rules);
    if (amount > 0) {
      earnCommission(db, {
        partnerId: who.partnerId,
        program,
        source: { leadId: leadRowId },
        amount,
        at,
        now,
        description: `Commission on lead ${input.leadId}`,
      });
    }
    return {
      id: leadRowId,
      leadId: input.leadId,
      programId: program.id,
      partnerCode: who.partnerCode,
      attributedBy: who.by,
      commission: paysPerLead ? { amount, currency: program.currency } : null,
      createdAt: iso(now),
    };
  })();
}

export function recordSale(db: Db, clicks: ClickFlusher | undefined, input: z.output<typeof SaleCreate>, now: number): SaleResult {
  return db.transaction((): SaleResult => {
    const program = findProgram(db, input.programId);
    if (input.amount.currency !== program.currency) {
      throw currencyMismatch('amount.currency', input.amount.currency, program.currency, "the program's");
    }
    const at = occurredAt(input.occurredAt, now);
    if (db.prepare('SELECT 1 FROM sales WHERE order_id = ?').get(input.orderId)) {
      throw new ApiError('conflict', `The order "${input.orderId}" is already recorded.`, { fields: { orderId: 'Already recorded.' } });
    }

    // A renewal: the subscription's first sale in this program decides the partner.
    const first = input.subscriptionId
      ? (db
          .prepare(
            `SELECT s.occurred_at, s.partner_id, p.code FROM sales s JOIN partners p ON p.id = s.partner_id
             WHERE s.program_id = ? AND s.subscription_id = ? ORDER BY s.occurred_at, s.id LIMIT 1`,
          )
          .get(program.id, input.subscriptionId) as { occurred_at: number; partner_id: number; code: string } | undefined)
      : undefined;
    const renewal = first !== undefined && first.occurred_at <= at;
    let who;
    if (renewal) {
      const lead = input.attribution?.leadId
        ? (db.prepare('SELECT id FROM leads WHERE program_id = ? AND external_id = ?').get(program.id, input.attribution.leadId) as
            | { id: number }
            | undefined)
        : undefined;
      who = { partnerId: first.partner_id, partnerCode: first.code, by: 'subscription' as const, clickRowId: null, leadRowId: lead?.id ?? null };
    } else if (input.attribution) {
      who = attribute(db, clicks, program, input.attribution, at);
    } else {
      throw new ApiError(
        'unprocessable',
        `No earlier sale has the subscription "${input.subscriptionId}" in this program; give an attribution.`,
        { fields: { attribution: 'Required for a first sale.' } },
      );
    }

    const saleId = Number(
      db
        .prepare(
          `INSERT INTO sales (order_id, program_id, partner_id, click_id, lead_id, attributed_by, amount, currency, subscription_id, occurred_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.orderId,
          program.id,
          who.partnerId,
          who.clickRowId,
          who.leadRowId,
          who.by,
          input.amount.amount,
          program.currency,
          input.subscriptionId ?? null,
          at,
          now,
        ).lastInsertRowid,
    );
    const insertItem = db.prepare('INSERT INTO sale_items (sale_id, line, sku, amount) VALUES (?, ?, ?, ?)');
    input.items.forEach((item, i) => insertItem.run(saleId, i + 1, item.sku, item.amount));
    if (who.leadRowId !== null) {
      db.prepare('UPDATE leads SET converted_at = ? WHERE id = ? AND converted_at IS NULL').run(at, who.leadRowId);
    }

    const amount = saleCommission(programRules(db, program.id), {
      amount: input.amount.amount,
      items: input.items,
      at,
      subscriptionStartedAt: renewal ? first.occurred_at : null,
    });
    if (amount > 0) {
      earnCommission(db, {
        partnerId: who.partnerId,
        program,
        source: { saleId },
        amount,
        at,
        now,
        description: `Commission on order ${input.orderId}${renewal ? ' (renewal)' : ''}`,
      });
    }
    return {
      id: saleId,
      orderId: input.orderId,
      programId: program.id,
      partnerCode: who.partnerCode,
      attributedBy: who.by,
      amount: { amount: input.amount.amount, currency: program.currency },
      commission: { amount, currency: program.currency },
      createdAt: iso(now),
    };
  })();
}

export function recordRefund(db: Db, input: z.output<typeof RefundCreate>, now: number): RefundResult {
  return db.transaction((): RefundResult => {
    const sale = db.prepare('SELECT id, amount, currency, refunded_amount FROM sales WHERE order_id = ?').get(input.orderId) as
      | { id: number; amount: number; currency: string; refunded_amount: number }
      | undefined;
    if (!sale) throw new ApiError('unprocessable', `There is no order "${input.orderId}".`, { fields: { orderId: 'No such order.' } });
    if (input.amount.currency !== sale.currency) throw currencyMismatch('amount.currency', input.amount.currency, sale.currency, "the order's");
    const left = sale.amount - sale.refunded_amount;
    if (input.amount.amount > left) {
      throw new ApiError(
        'unprocessable',
        `The refund of ${moneyText(input.amount.amount, sale.currency)} is more than is left to refund on the order, ${moneyText(left, sale.currency)}.`,
        { fields: { 'amount.amount': `At most ${moneyText(left, sale.currency)}.` } },
      );
    }
    const refunded = sale.refunded_amount + input.amount.amount;
    const refundId = Number(
      db
        .prepare('INSERT INTO refunds (sale_id, amount, currency, reason, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(sale.id, input.amount.amount, sale.currency, input.reason, now).lastInsertRowid,
    );
    db.prepare('UPDATE sales SET refunded_amount = ? WHERE id = ?').run(refunded, sale.id);

    let reversed = 0;
    const commission = db
      .prepare('SELECT id, partner_id, amount, reversed_amount, available_at FROM commissions WHERE sale_id = ?')
      .get(sale.id) as { id: number; partner_id: number; amount: number; reversed_amount: number; available_at: number } | undefined;
    if (commission) {
      const target = reversedTarget(commission.amount, refunded, sale.amount);
      reversed = target - commission.reversed_amount;
      if (reversed > 0) {
        db.prepare('UPDATE commissions SET reversed_amount = ? WHERE id = ?').run(target, commission.id);
        appendEntry(db, {
          partnerId: commission.partner_id,
          type: 'reversed',
          amount: -reversed,
          currency: sale.currency,
          // Taking back a commission still on hold reduces what is pending, not what is available.
          availableAt: Math.max(now, commission.available_at),
          cause: { commissionId: commission.id, refundId },
          description: `Refund on order ${input.orderId}${refunded === sale.amount ? '' : ' (partial)'}`,
          createdAt: now,
        });
      }
    }
    return {
      id: refundId,
      orderId: input.orderId,
      amount: { amount: input.amount.amount, currency: sale.currency },
      reversed: { amount: reversed, currency: sale.currency },
      createdAt: iso(now),
    };
  })();
}

export function recordPayout(db: Db, input: z.output<typeof PayoutCreate>, now: number): PayoutResult {
  return db.transaction((): PayoutResult => {
    const partner = partnerByCode(db, input.partnerCode);
    const currency = partnerCurrency(db, partner.id);
    if (input.amount.currency !== currency) throw currencyMismatch('amount.currency', input.amount.currency, currency, "the partner's balance");
    const { available } = balanceOf(db, partner.id, currency, now);
    if (input.amount.amount > available.amount) {
      throw new ApiError(
        'unprocessable',
        `The payout of ${moneyText(input.amount.amount, currency)} is more than the available balance: only ${moneyText(Math.max(0, available.amount), currency)} is available.`,
        { fields: { 'amount.amount': `At most ${moneyText(Math.max(0, available.amount), currency)}.` } },
      );
    }
    const payoutId = Number(
      db
        .prepare('INSERT INTO payouts (partner_id, amount, currency, method, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(partner.id, input.amount.amount, currency, input.method, input.reference, now).lastInsertRowid,
    );
    appendEntry(db, {
      partnerId: partner.id,
      type: 'paid_out',
      amount: -input.amount.amount,
      currency,
      availableAt: now,
      cause: { payoutId },
      description: `Payout${input.method ? ` by ${input.method}` : ''}${input.reference ? ` (${input.reference})` : ''}`,
      createdAt: now,
    });
    allocatePayout(db, partner.id, currency, input.amount.amount, now);
    return {
      id: payoutId,
      partnerCode: partner.code,
      amount: { amount: input.amount.amount, currency },
      method: input.method,
      reference: input.reference,
      availableAfter: { amount: available.amount - input.amount.amount, currency },
      createdAt: iso(now),
    };
  })();
}

/** Mark commissions paid, oldest available first, until the payout is spent (adjustments may leave some over). */
function allocatePayout(db: Db, partnerId: number, currency: string, amount: number, now: number): void {
  const open = db
    .prepare(
      `SELECT id, amount - reversed_amount - paid_amount AS open FROM commissions
       WHERE partner_id = ? AND currency = ? AND available_at <= ? AND amount - reversed_amount - paid_amount > 0
       ORDER BY available_at, id`,
    )
    .all(partnerId, currency, now) as Array<{ id: number; open: number }>;
  const pay = db.prepare('UPDATE commissions SET paid_amount = paid_amount + ? WHERE id = ?');
  let left = amount;
  for (const c of open) {
    if (left <= 0) break;
    const part = Math.min(left, c.open);
    pay.run(part, c.id);
    left -= part;
  }
}

export function recordAdjustment(db: Db, input: z.output<typeof AdjustmentCreate>, now: number): AdjustmentResult {
  return db.transaction((): AdjustmentResult => {
    const partner = partnerByCode(db, input.partnerCode);
    const currency = partnerCurrency(db, partner.id);
    if (input.amount.currency !== currency) throw currencyMismatch('amount.currency', input.amount.currency, currency, "the partner's balance");
    const adjustmentId = Number(
      db
        .prepare('INSERT INTO adjustments (partner_id, amount, currency, reason, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(partner.id, input.amount.amount, currency, input.reason, now).lastInsertRowid,
    );
    appendEntry(db, {
      partnerId: partner.id,
      type: 'adjusted',
      amount: input.amount.amount,
      currency,
      availableAt: now,
      cause: { adjustmentId },
      description: `Adjustment: ${input.reason}`,
      createdAt: now,
    });
    return { id: adjustmentId, partnerCode: partner.code, amount: { amount: input.amount.amount, currency }, reason: input.reason, createdAt: iso(now) };
  })();
}
