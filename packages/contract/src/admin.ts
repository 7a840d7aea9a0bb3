import * as z from 'zod';
import { NewPassword } from './accounts.ts';
import { PartnerCode } from './auth.ts';
import { CurrencyCode, Money, optionalText, requiredText, Timestamp } from './common.ts';
import { Balance } from './ledger.ts';
import { PartnerStatus, Profile } from './profile.ts';
import { CommissionRule } from './programs.ts';

// The merchant's admin API (`/api/admin/...`), behind an admin API key.

/** Paths of the admin API added here, relative to the API base. */
export const adminPaths = {
  keys: '/admin/keys',
  partners: '/admin/partners',
  programs: '/admin/programs',
} as const;

// ---------------------------------------------------------------------------------------------
// Admin keys

/** A stored admin key as listed: never its secret, only the first 8 characters to recognise it. */
export const AdminKey = z.strictObject({
  id: z.int().positive(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type AdminKey = z.infer<typeof AdminKey>;

/** `GET /api/admin/keys`, newest first, revoked keys included (marked). */
export const AdminKeyList = z.strictObject({ keys: z.array(AdminKey) });
export type AdminKeyList = z.infer<typeof AdminKeyList>;

/** `POST /api/admin/keys` */
export const AdminKeyCreate = z.strictObject({ name: requiredText(80) });
export type AdminKeyCreate = z.infer<typeof AdminKeyCreate>;

/** Answer of `POST /api/admin/keys`: the only time the secret (`rpk_…`) is ever shown. */
export const AdminKeyCreated = AdminKey.extend({ secret: z.string().regex(/^rpk_[A-Za-z0-9_-]{43}$/) });
export type AdminKeyCreated = z.infer<typeof AdminKeyCreated>;

// ---------------------------------------------------------------------------------------------
// Partners

/** `GET /api/admin/partners` query: search code, name or email; newest partner first. */
export const AdminPartnerQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: PartnerStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdminPartnerQuery = z.input<typeof AdminPartnerQuery>;

export const AdminPartnerSummary = z.strictObject({
  code: z.string(),
  name: z.string(),
  email: z.string(),
  status: PartnerStatus,
  joinedAt: Timestamp,
});
export type AdminPartnerSummary = z.infer<typeof AdminPartnerSummary>;

export const AdminPartnerPage = z.strictObject({
  partners: z.array(AdminPartnerSummary),
  nextCursor: z.string().nullable(),
});
export type AdminPartnerPage = z.infer<typeof AdminPartnerPage>;

export const AdminEnrollment = z.strictObject({
  programId: z.int().positive(),
  programName: z.string(),
  enrolledAt: Timestamp,
});
export type AdminEnrollment = z.infer<typeof AdminEnrollment>;

/** `GET /api/admin/partners/:code` and the answer of every change to a partner. */
export const AdminPartner = z.strictObject({
  profile: Profile,
  enrollments: z.array(AdminEnrollment),
  /** In the partner's statement currency. */
  balance: Balance,
});
export type AdminPartner = z.infer<typeof AdminPartner>;

/** `POST /api/admin/partners`. Without `code` one is made from the name; without `password` one is generated. */
export const AdminPartnerCreate = z.strictObject({
  name: requiredText(100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')),
  code: PartnerCode.optional(),
  /** Sign-up's rules; the server also refuses common passwords and ones containing the code or email. */
  password: NewPassword.optional(),
  status: PartnerStatus.default('active'),
  programIds: z
    .array(z.int().positive())
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'List each program once.')
    .default([]),
});
export type AdminPartnerCreate = z.input<typeof AdminPartnerCreate>;

/** Answer of `POST /api/admin/partners`: `password` is the generated one, shown once; null when it was given. */
export const AdminPartnerCreated = z.strictObject({
  partner: AdminPartner,
  password: z.string().nullable(),
});
export type AdminPartnerCreated = z.infer<typeof AdminPartnerCreated>;

/** Answer of `POST /api/admin/partners/:code/reset-password`: a temporary password, shown once. */
export const AdminPasswordReset = z.strictObject({ temporaryPassword: z.string().min(10) });
export type AdminPasswordReset = z.infer<typeof AdminPasswordReset>;

/** `POST /api/admin/partners/:code/enrollments` */
export const AdminEnrollmentCreate = z.strictObject({ programId: z.int().positive() });
export type AdminEnrollmentCreate = z.infer<typeof AdminEnrollmentCreate>;

// ---------------------------------------------------------------------------------------------
// Programs and commission rules

export const AdminProgram = z.strictObject({
  id: z.int().positive(),
  name: z.string(),
  description: z.string(),
  currency: CurrencyCode,
  attributionWindowDays: z.int().positive(),
  holdDays: z.int().nonnegative(),
  /** Open programs are offered at sign-up. */
  isOpen: z.boolean(),
  archived: z.boolean(),
  createdAt: Timestamp,
  enrolledPartners: z.int().nonnegative(),
  /** General rules first, then per-product overrides. */
  rules: z.array(CommissionRule),
});
export type AdminProgram = z.infer<typeof AdminProgram>;

export const AdminProgramList = z.strictObject({ programs: z.array(AdminProgram) });
export type AdminProgramList = z.infer<typeof AdminProgramList>;

const programFields = {
  name: requiredText(100),
  description: optionalText(2000),
  currency: CurrencyCode,
  attributionWindowDays: z.int().min(1).max(3650),
  holdDays: z.int().min(0).max(3650),
  isOpen: z.boolean(),
};

/** `POST /api/admin/programs` (rules are added afterwards). */
export const AdminProgramCreate = z.strictObject({
  ...programFields,
  description: programFields.description.default(''),
  isOpen: programFields.isOpen.default(true),
});
export type AdminProgramCreate = z.input<typeof AdminProgramCreate>;

/** `PATCH /api/admin/programs/:id`: any subset. The currency changes only while the program has no conversions. */
export const AdminProgramUpdate = z
  .strictObject({ ...programFields, archived: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'Send at least one field to change.');
export type AdminProgramUpdate = z.infer<typeof AdminProgramUpdate>;

/** A SKU for a per-product override, or null for the program's general rule of that type. */
const RuleSku = z.string().trim().min(1, 'An override needs a product SKU; use null for the general rule.').max(100).nullable();
const RuleMoney = Money.extend({ amount: z.int('Use whole minor units (cents).').min(0).max(1_000_000_000) });

/**
 * `POST /api/admin/programs/:id/rules`: a `CommissionRule` without its id. The amount's currency
 * must be the program's. A lead is not a product sale, so a flat per-lead rule has no SKU and is
 * never recurring.
 */
export const CommissionRuleCreate = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('percent_of_sale'),
    basisPoints: z.int().min(0, 'Use 0 to 10000 basis points.').max(10000, 'Use 0 to 10000 basis points.'),
    recurringMonths: z.int().min(1).max(120).nullable().default(null),
    productSku: RuleSku.default(null),
    note: optionalText(500).default(''),
  }),
  z.strictObject({
    type: z.literal('flat_per_sale'),
    amount: RuleMoney,
    recurringMonths: z.int().min(1).max(120).nullable().default(null),
    productSku: RuleSku.default(null),
    note: optionalText(500).default(''),
  }),
  z.strictObject({
    type: z.literal('flat_per_lead'),
    amount: RuleMoney,
    productSku: z.null('A lead has no product: leave productSku out.').default(null),
    note: optionalText(500).default(''),
  }),
]);
export type CommissionRuleCreate = z.input<typeof CommissionRuleCreate>;

/**
 * `PATCH /api/admin/programs/:id/rules/:ruleId`: fields to change. The result, merged with the
 * stored rule, must be a valid `CommissionRuleCreate`; changing `type` drops the old type's
 * amount, basis points and recurrence.
 */
export const CommissionRuleUpdate = z
  .strictObject({
    type: z.enum(['percent_of_sale', 'flat_per_sale', 'flat_per_lead']),
    basisPoints: z.int(),
    amount: Money,
    recurringMonths: z.int().nullable(),
    productSku: z.string().nullable(),
    note: z.string(),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'Send at least one field to change.');
export type CommissionRuleUpdate = z.infer<typeof CommissionRuleUpdate>;
