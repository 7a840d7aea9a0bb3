import * as z from 'zod';
import { CurrencyCode, Money, optionalText, requiredText, Timestamp } from './common.ts';
import { PartnerCode } from './auth.ts';

/** Largest amount accepted in one call, in minor units; keeps every product of amount × basis points exact. */
export const MAX_AMOUNT = 100_000_000_000;

/** A positive amount of money in minor units. */
export const PositiveMoney = z.strictObject({
  amount: z.int().positive('The amount must be more than zero.').max(MAX_AMOUNT),
  currency: CurrencyCode,
});

/**
 * Who brought the conversion. Tried in this order: click id (last click within the program's
 * attribution window), the lead's id, the partner's coupon code, the partner code.
 */
export const Attribution = z
  .strictObject({
    clickId: z.string().trim().min(1).max(64).optional(),
    leadId: z.string().trim().min(1).max(128).optional(),
    couponCode: z.string().trim().min(1).max(64).optional(),
    partnerCode: z.string().trim().min(1).max(40).optional(),
  })
  .refine((a) => a.clickId || a.leadId || a.couponCode || a.partnerCode, {
    message: 'Give a clickId, leadId, couponCode or partnerCode.',
  });
export type Attribution = z.infer<typeof Attribution>;

export const AttributedBy = z.enum(['click', 'lead', 'coupon', 'partner_code', 'subscription']);
export type AttributedBy = z.infer<typeof AttributedBy>;

/** `POST /api/admin/leads` (header `Idempotency-Key`) */
export const LeadCreate = z.strictObject({
  programId: z.int().positive(),
  /** The merchant's own id for the lead; unique within the program. */
  leadId: requiredText(128),
  attribution: Attribution,
  email: z.union([z.literal(''), z.email('Enter a valid email address.')]).default(''),
  name: optionalText(120).default(''),
  occurredAt: Timestamp.optional(),
});
export type LeadCreate = z.input<typeof LeadCreate>;

export const LeadResult = z.strictObject({
  id: z.int().positive(),
  leadId: z.string(),
  programId: z.int().positive(),
  partnerCode: z.string(),
  attributedBy: AttributedBy,
  /** The flat per-lead commission earned, if the program pays one. */
  commission: Money.nullable(),
  createdAt: Timestamp,
});
export type LeadResult = z.infer<typeof LeadResult>;

export const SaleItem = z.strictObject({
  sku: requiredText(64),
  amount: z.int().nonnegative().max(MAX_AMOUNT),
});

/** `POST /api/admin/sales` (header `Idempotency-Key`) */
export const SaleCreate = z
  .strictObject({
    programId: z.int().positive(),
    /** Unique across all sales. */
    orderId: requiredText(128),
    amount: PositiveMoney,
    /** Line items, for per-product commission overrides; their amounts add up to `amount`. */
    items: z.array(SaleItem).max(100).default([]),
    /** A subscription's renewals carry the same id and earn recurring commission where the rule says so. */
    subscriptionId: z.string().trim().min(1).max(128).optional(),
    /** Required except on a renewal of a known subscription. */
    attribution: Attribution.optional(),
    occurredAt: Timestamp.optional(),
  })
  .refine((s) => s.items.length === 0 || s.items.reduce((sum, i) => sum + i.amount, 0) === s.amount.amount, {
    message: 'The items must add up to the sale amount.',
    path: ['items'],
  })
  .refine((s) => s.attribution || s.subscriptionId, {
    message: 'Give an attribution, or the subscriptionId of an earlier attributed sale.',
    path: ['attribution'],
  });
export type SaleCreate = z.input<typeof SaleCreate>;

export const SaleResult = z.strictObject({
  id: z.int().positive(),
  orderId: z.string(),
  programId: z.int().positive(),
  partnerCode: z.string(),
  attributedBy: AttributedBy,
  amount: Money,
  commission: Money,
  createdAt: Timestamp,
});
export type SaleResult = z.infer<typeof SaleResult>;

/** `POST /api/admin/refunds` (header `Idempotency-Key`): full or partial. */
export const RefundCreate = z.strictObject({
  orderId: requiredText(128),
  amount: PositiveMoney,
  reason: optionalText(200).default(''),
});
export type RefundCreate = z.input<typeof RefundCreate>;

export const RefundResult = z.strictObject({
  id: z.int().positive(),
  orderId: z.string(),
  amount: Money,
  /** Commission taken back, proportional to the refunded share of the sale. */
  reversed: Money,
  createdAt: Timestamp,
});
export type RefundResult = z.infer<typeof RefundResult>;

/** `POST /api/admin/payouts` (header `Idempotency-Key`): never more than the available balance. */
export const PayoutCreate = z.strictObject({
  partnerCode: PartnerCode,
  amount: PositiveMoney,
  method: optionalText(40).default(''),
  reference: optionalText(128).default(''),
});
export type PayoutCreate = z.input<typeof PayoutCreate>;

export const PayoutResult = z.strictObject({
  id: z.int().positive(),
  partnerCode: z.string(),
  amount: Money,
  method: z.string(),
  reference: z.string(),
  /** Available balance after the payout. */
  availableAfter: Money,
  createdAt: Timestamp,
});
export type PayoutResult = z.infer<typeof PayoutResult>;

/** `POST /api/admin/adjustments` (header `Idempotency-Key`): a signed correction with a reason. */
export const AdjustmentCreate = z.strictObject({
  partnerCode: PartnerCode,
  amount: z.strictObject({
    amount: z
      .int()
      .min(-MAX_AMOUNT)
      .max(MAX_AMOUNT)
      .refine((n) => n !== 0, 'The amount cannot be zero.'),
    currency: CurrencyCode,
  }),
  reason: requiredText(200),
});
export type AdjustmentCreate = z.input<typeof AdjustmentCreate>;

export const AdjustmentResult = z.strictObject({
  id: z.int().positive(),
  partnerCode: z.string(),
  amount: Money,
  reason: z.string(),
  createdAt: Timestamp,
});
export type AdjustmentResult = z.infer<typeof AdjustmentResult>;

/** `POST /api/admin/coupons`: a coupon code that attributes sales to a partner. */
export const CouponCreate = z.strictObject({
  code: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _ only.'),
  partnerCode: PartnerCode,
});
export type CouponCreate = z.input<typeof CouponCreate>;

export const Coupon = z.strictObject({
  code: z.string(),
  partnerCode: z.string(),
  createdAt: Timestamp,
});
export type Coupon = z.infer<typeof Coupon>;

/** `GET /api/admin/coupons?partnerCode=`: whose coupon codes to list. */
export const CouponListQuery = z.strictObject({ partnerCode: PartnerCode });
export type CouponListQuery = z.input<typeof CouponListQuery>;

/** A partner's coupon codes, oldest first. */
export const CouponList = z.strictObject({ coupons: z.array(Coupon) });
export type CouponList = z.infer<typeof CouponList>;
