// Commission arithmetic: pure functions over integer minor units, no database. The rules are
// a program's `commission_rules` rows; everything here is exact integer math (amounts are at
// most MAX_AMOUNT = 1e11 and basis points at most 1e4, so every product stays below 2^53).

import type { CommissionStatus } from '@rp/contract';

export interface Rule {
  id: number;
  type: 'percent_of_sale' | 'flat_per_sale' | 'flat_per_lead';
  basisPoints: number | null;
  amount: number | null;
  /** Set on a per-product override. */
  productSku: string | null;
  /** Renewals of a subscription earn this rule for this many months after the first sale. */
  recurringMonths: number | null;
}

export interface SaleFacts {
  amount: number;
  /** Line items; empty means the whole amount is one line without a SKU. */
  items: ReadonlyArray<{ sku: string; amount: number }>;
  /** When the sale happened, epoch ms. */
  at: number;
  /** For a renewal: when the subscription's first sale happened, epoch ms; null for a first sale. */
  subscriptionStartedAt: number | null;
}

export interface CommissionLine {
  ruleId: number;
  /** The SKU the line is for, or null for the default rules. */
  sku: string | null;
  base: number;
  amount: number;
}

/** `amount × basisPoints / 10000`, rounded half up (both are non-negative integers). */
export function percentOf(amount: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(basisPoints) || amount < 0 || basisPoints < 0) {
    throw new RangeError(`percentOf needs non-negative integers, got ${amount} and ${basisPoints}`);
  }
  const product = amount * basisPoints;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount × basis points is beyond exact integer range');
  return Math.floor((product + 5000) / 10000);
}

/** `ms` plus `months` calendar months in UTC; the day is clamped to the end of a shorter month (Jan 31 + 1 → Feb 28/29). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/**
 * May this rule pay on this sale? A first sale earns under every sale rule; a renewal only under
 * rules with `recurringMonths`, and only before the subscription's first sale + that many months
 * (so 12 months of a monthly plan is the first sale and 11 renewals).
 */
export function ruleApplies(rule: Rule, sale: Pick<SaleFacts, 'at' | 'subscriptionStartedAt'>): boolean {
  if (rule.type === 'flat_per_lead') return false;
  if (sale.subscriptionStartedAt === null) return true;
  if (rule.recurringMonths === null) return false;
  return sale.at < addMonths(sale.subscriptionStartedAt, rule.recurringMonths);
}

function ruleAmount(rule: Rule, base: number): number {
  return rule.type === 'percent_of_sale' ? percentOf(base, rule.basisPoints ?? 0) : (rule.amount ?? 0);
}

/**
 * What a sale earns, line by line. Without items the default sale rules apply to the whole
 * amount. With items, each item whose SKU has override rules earns under those (a flat override
 * once per line); the remaining items are added up and earn under the default rules once
 * (a percentage is rounded once on their sum, a flat fee paid once). Renewals filter every rule
 * through `ruleApplies`.
 */
export function saleCommissionLines(rules: readonly Rule[], sale: SaleFacts): CommissionLine[] {
  const saleRules = rules.filter((r) => r.type !== 'flat_per_lead');
  const defaults = saleRules.filter((r) => r.productSku === null);
  const overrides = new Map<string, Rule[]>();
  for (const r of saleRules) {
    if (r.productSku === null) continue;
    const list = overrides.get(r.productSku) ?? [];
    list.push(r);
    overrides.set(r.productSku, list);
  }

  const lines: CommissionLine[] = [];
  const rest = sale.items.filter((i) => !overrides.has(i.sku));
  for (const item of sale.items) {
    for (const rule of overrides.get(item.sku) ?? []) {
      if (ruleApplies(rule, sale)) lines.push({ ruleId: rule.id, sku: item.sku, base: item.amount, amount: ruleAmount(rule, item.amount) });
    }
  }
  // No items: the whole amount is one line for the default rules.
  if (sale.items.length === 0 || rest.length > 0) {
    const base = sale.items.length === 0 ? sale.amount : rest.reduce((sum, i) => sum + i.amount, 0);
    for (const rule of defaults) {
      if (ruleApplies(rule, sale)) lines.push({ ruleId: rule.id, sku: null, base, amount: ruleAmount(rule, base) });
    }
  }
  return lines;
}

/** The commission of a sale: the sum of its lines. */
export function saleCommission(rules: readonly Rule[], sale: SaleFacts): number {
  return saleCommissionLines(rules, sale).reduce((sum, l) => sum + l.amount, 0);
}

/** The commission of a lead: every general flat-per-lead rule. */
export function leadCommission(rules: readonly Rule[]): number {
  return rules.filter((r) => r.type === 'flat_per_lead' && r.productSku === null).reduce((sum, r) => sum + (r.amount ?? 0), 0);
}

/**
 * How much of a commission is reversed once `refundedTotal` of the sale is refunded, cumulative:
 * round-half-up(commission × refundedTotal / saleAmount). Each refund writes the difference
 * between this and what is already reversed, so partial refunds never drift from the exact share
 * and a full refund reverses exactly the whole commission.
 */
export function reversedTarget(commission: number, refundedTotal: number, saleAmount: number): number {
  if (refundedTotal < 0 || refundedTotal > saleAmount || saleAmount <= 0) {
    throw new RangeError(`refunded ${refundedTotal} of a sale of ${saleAmount}`);
  }
  // commission ≤ 1e11 and refundedTotal ≤ 1e11 would overflow 2^53, so use BigInt here.
  const num = BigInt(commission) * BigInt(refundedTotal) * 2n + BigInt(saleAmount);
  return Number(num / (2n * BigInt(saleAmount)));
}

/** The hold period's end: the commission is pending until then. */
export function availableAt(at: number, holdDays: number): number {
  return at + holdDays * 86_400_000;
}

/** A commission's status, derived from its amounts and the clock. */
export function commissionStatus(
  c: { amount: number; reversed: number; paid: number; availableAt: number },
  now: number,
): CommissionStatus {
  const remaining = c.amount - c.reversed;
  if (c.reversed > 0 && remaining <= 0) return 'reversed';
  if (remaining > 0 && c.paid >= remaining) return 'paid';
  return now >= c.availableAt ? 'available' : 'pending';
}
