import * as z from 'zod';
import { CurrencyCode, Money, Timestamp } from './common.ts';

/** `GET /api/partner/programs` item: a program the partner is enrolled in. */
export const Program = z.strictObject({
  id: z.int().positive(),
  name: z.string(),
  /** The merchant's description, plain text. */
  description: z.string(),
  currency: CurrencyCode,
  /** How long after a click a lead or sale is still credited to the partner. */
  attributionWindowDays: z.int().positive(),
  /** Days a commission stays pending (refundable) before it becomes available. */
  holdDays: z.int().nonnegative(),
  enrolledAt: Timestamp,
});
export type Program = z.infer<typeof Program>;

export const ProgramList = z.strictObject({ programs: z.array(Program) });
export type ProgramList = z.infer<typeof ProgramList>;

const ruleBase = {
  id: z.int().positive(),
  /** Set for a per-product override: the rule applies only to this product SKU. */
  productSku: z.string().nullable(),
  /** Merchant's optional note shown beside the rule. */
  note: z.string(),
};

/**
 * One commission rule, in exact terms. Percentages are basis points (1250 = 12.5 %) so nothing
 * is a float; amounts are integer minor units.
 */
export const CommissionRule = z.discriminatedUnion('type', [
  z.strictObject({
    ...ruleBase,
    type: z.literal('percent_of_sale'),
    basisPoints: z.int().min(0).max(10000),
    /** Repeat sales of a subscription earn this rule for this many months; null: first sale only. */
    recurringMonths: z.int().positive().nullable(),
  }),
  z.strictObject({
    ...ruleBase,
    type: z.literal('flat_per_sale'),
    amount: Money,
    recurringMonths: z.int().positive().nullable(),
  }),
  z.strictObject({
    ...ruleBase,
    type: z.literal('flat_per_lead'),
    amount: Money,
  }),
]);
export type CommissionRule = z.infer<typeof CommissionRule>;
export type CommissionRuleType = CommissionRule['type'];

/** `GET /api/partner/commission-structure` */
export const CommissionStructure = z.strictObject({
  programs: z.array(
    z.strictObject({
      programId: z.int().positive(),
      programName: z.string(),
      currency: CurrencyCode,
      attributionWindowDays: z.int().positive(),
      holdDays: z.int().nonnegative(),
      rules: z.array(CommissionRule),
    }),
  ),
});
export type CommissionStructure = z.infer<typeof CommissionStructure>;
