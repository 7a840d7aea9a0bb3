import * as z from 'zod';
import { Money, Timestamp } from './common.ts';

/** A calendar day, `YYYY-MM-DD`, in UTC. */
export const Day = z.iso.date();

export const LedgerEntryType = z.enum(['earned', 'reversed', 'paid_out', 'adjusted']);
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

export const CauseKind = z.enum(['sale', 'lead', 'refund', 'payout', 'adjustment']);
export type CauseKind = z.infer<typeof CauseKind>;

/** One line of a partner's ledger. Amounts are signed: earnings positive, reversals and payouts negative. */
export const LedgerEntry = z.strictObject({
  id: z.int().positive(),
  type: LedgerEntryType,
  amount: Money,
  /** `pending` until the hold period ends (`availableAt`), then `available`. */
  status: z.enum(['pending', 'available']),
  availableAt: Timestamp,
  description: z.string(),
  cause: z.strictObject({
    kind: CauseKind,
    /** The merchant's reference: order id, lead id, payout reference, adjustment reason. */
    reference: z.string(),
  }),
  programName: z.string().nullable(),
  /** Running balance after this entry. */
  balance: Money,
  createdAt: Timestamp,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Query of the ledger and the reports: a date range (inclusive, UTC days) and a keyset cursor. */
export const ReportQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportQuery = z.input<typeof ReportQuery>;

export const LedgerQuery = ReportQuery.extend({
  type: LedgerEntryType.optional(),
});
export type LedgerQuery = z.input<typeof LedgerQuery>;

/**
 * `GET /api/partner/ledger`: a statement. Entries newest first; `openingBalance` is the balance
 * before the period, `closingBalance` after its last entry.
 */
export const LedgerPage = z.strictObject({
  currency: z.string(),
  openingBalance: Money,
  closingBalance: Money,
  entries: z.array(LedgerEntry),
  nextCursor: z.string().nullable(),
});
export type LedgerPage = z.infer<typeof LedgerPage>;

/** `GET /api/partner/balance` */
export const Balance = z.strictObject({
  /** Can be paid out now. */
  available: Money,
  /** Earned but still in the hold period. */
  pending: Money,
  /** available + pending = the sum of every ledger entry. */
  total: Money,
});
export type Balance = z.infer<typeof Balance>;

export const CommissionStatus = z.enum(['pending', 'available', 'paid', 'reversed']);
export type CommissionStatus = z.infer<typeof CommissionStatus>;

export const CommissionRow = z.strictObject({
  id: z.int().positive(),
  createdAt: Timestamp,
  programName: z.string(),
  source: z.enum(['sale', 'lead']),
  /** Order id or lead id. */
  reference: z.string(),
  amount: Money,
  reversed: Money,
  status: CommissionStatus,
  availableAt: Timestamp,
});
export type CommissionRow = z.infer<typeof CommissionRow>;

export const LeadRow = z.strictObject({
  id: z.int().positive(),
  createdAt: Timestamp,
  programName: z.string(),
  leadId: z.string(),
  /** Contact details masked: `d•••@example.com`, `Dana D.` */
  contact: z.string(),
  status: z.enum(['new', 'converted']),
});
export type LeadRow = z.infer<typeof LeadRow>;

export const SaleRow = z.strictObject({
  id: z.int().positive(),
  createdAt: Timestamp,
  programName: z.string(),
  orderId: z.string(),
  amount: Money,
  refunded: Money,
  commission: Money,
  status: CommissionStatus,
});
export type SaleRow = z.infer<typeof SaleRow>;

export const ClickRow = z.strictObject({
  day: Day,
  linkId: z.int().positive(),
  slug: z.string(),
  destinationName: z.string(),
  campaign: z.string(),
  clicks: z.int().nonnegative(),
});
export type ClickRow = z.infer<typeof ClickRow>;

const page = <T extends z.ZodType>(row: T) => z.strictObject({ rows: z.array(row), nextCursor: z.string().nullable() });

export const CommissionPage = page(CommissionRow);
export type CommissionPage = z.infer<typeof CommissionPage>;
export const LeadPage = page(LeadRow);
export type LeadPage = z.infer<typeof LeadPage>;
export const SalePage = page(SaleRow);
export type SalePage = z.infer<typeof SalePage>;
export const ClickPage = page(ClickRow);
export type ClickPage = z.infer<typeof ClickPage>;

/** `GET /api/partner/summary?from&to`: the Welcome section's figures. */
export const Summary = z.strictObject({
  balance: Balance,
  earnedThisMonth: Money,
  from: Day,
  to: Day,
  funnel: z.strictObject({
    clicks: z.int().nonnegative(),
    leads: z.int().nonnegative(),
    sales: z.int().nonnegative(),
  }),
  daily: z.array(
    z.strictObject({
      day: Day,
      clicks: z.int().nonnegative(),
      leads: z.int().nonnegative(),
      sales: z.int().nonnegative(),
    }),
  ),
});
export type Summary = z.infer<typeof Summary>;
