import * as z from 'zod';
import { Timestamp } from './common.ts';

/** Partner codes: the partner's username. Compared case-insensitively. */
export const PartnerCode = z
  .string()
  .trim()
  .min(2, 'A partner code has at least 2 characters.')
  .max(40, 'A partner code has at most 40 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Use letters, digits, - and _ only.');

/** `POST /api/auth/sign-in` */
export const SignInRequest = z.strictObject({
  code: z.string().trim().min(1, 'Enter your partner code.').max(40, 'A partner code has at most 40 characters.'),
  password: z.string().min(1, 'Enter your password.').max(256, 'A password has at most 256 characters.'),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SessionPartner = z.strictObject({
  code: z.string(),
  name: z.string(),
});
export type SessionPartner = z.infer<typeof SessionPartner>;

/** Answer of `POST /api/auth/sign-in`. The token goes in `Authorization: Bearer <token>`. */
export const SignInResponse = z.strictObject({
  token: z.string().min(32),
  /** When the session ends regardless of activity. */
  expiresAt: Timestamp,
  /** The session also ends after this long without a request. */
  idleTimeoutSeconds: z.int().positive(),
  partner: SessionPartner,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** `GET /api/auth/session` — who the bearer token belongs to. */
export const SessionInfo = z.strictObject({
  expiresAt: Timestamp,
  idleTimeoutSeconds: z.int().positive(),
  partner: SessionPartner,
});
export type SessionInfo = z.infer<typeof SessionInfo>;
