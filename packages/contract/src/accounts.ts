import * as z from 'zod';
import { requiredText, Timestamp } from './common.ts';
import { PartnerCode } from './auth.ts';
import { PartnerStatus } from './profile.ts';
import { SignUpApproval } from './center.ts';

/** Shortest and longest password accepted (NIST SP 800-63B / OWASP: length, not character classes). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A new password: length only here, counted in characters (code points). The server also
 * refuses common/breached passwords and ones containing the partner code or email name.
 */
export const NewPassword = z
  .string()
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((p) => [...p].length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const SignUpEmail = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').pipe(z.email('Enter a valid email address.'));

/** `POST /api/auth/sign-up` — public: a visitor becomes a partner. */
export const SignUpRequest = z.strictObject({
  name: requiredText(100),
  email: SignUpEmail,
  password: NewPassword,
  /** The partner code (username) the visitor would like; one is made from the name when absent. */
  code: PartnerCode.optional(),
  /** Open programs to join; at least one when any program is open. */
  programIds: z.array(z.int().positive()).max(50, 'Choose at most 50 programs.').optional(),
  acceptTerms: z.literal(true, { error: 'Accept the terms to continue.' }),
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

/** Answer of `POST /api/auth/sign-up` (201). `message` says the code is the username and whether to wait for approval. */
export const SignUpResponse = z.strictObject({
  partnerCode: z.string(),
  status: PartnerStatus,
  message: z.string(),
});
export type SignUpResponse = z.infer<typeof SignUpResponse>;

/** `GET /api/auth/sign-up` — what the sign-up form offers: the open programs and the approval mode. */
export const SignUpOptions = z.strictObject({
  approval: SignUpApproval,
  programs: z.array(
    z.strictObject({
      id: z.int().positive(),
      name: z.string(),
      description: z.string(),
    }),
  ),
  passwordMinLength: z.int().positive(),
});
export type SignUpOptions = z.infer<typeof SignUpOptions>;

/** `POST /api/auth/password-reset` — answered 202 with `PasswordResetAccepted` whether or not the account exists. */
export const PasswordResetRequest = z.strictObject({
  /** Partner code or email address. */
  identifier: z.string().trim().min(1, 'Enter your partner code or email.').max(254, 'Use at most 254 characters.'),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetAccepted = z.strictObject({
  message: z.string(),
});
export type PasswordResetAccepted = z.infer<typeof PasswordResetAccepted>;

/** `POST /api/auth/password-reset/confirm` — answered 204; every session of the partner ends. */
export const PasswordResetConfirm = z.strictObject({
  /** From the link's fragment: `reset-password.html#token=<token>`. */
  token: z.string().trim().min(1, 'The reset link has no token.').max(200, 'This reset link is not valid.'),
  password: NewPassword,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

/** `GET /api/admin/outbox?limit=` — mail the default outbox mailer kept instead of sending. */
export const OutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, 'Use a number from 1 to 200.').max(200, 'Use a number from 1 to 200.').default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxMessage = z.strictObject({
  id: z.int().positive(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: Timestamp,
  /** Null in the outbox: kept for viewing, not delivered. */
  sentAt: Timestamp.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Newest first. */
export const OutboxList = z.strictObject({
  messages: z.array(OutboxMessage),
});
export type OutboxList = z.infer<typeof OutboxList>;
