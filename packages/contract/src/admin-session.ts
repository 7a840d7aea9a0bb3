import * as z from 'zod';
import { Timestamp } from './common.ts';

/**
 * Admin sessions: the merchant's staff sign in with email and password, and the admin elements
 * in the back office use the session token. An admin key never needs to be in a web page.
 * Admin tokens are refused by partner routes, and partner tokens by admin routes.
 */

/** Paths of the admin sign-in routes, relative to the API base. Public (no admin guard). */
export const adminSessionPaths = {
  signIn: '/auth/admin/sign-in',
  signOut: '/auth/admin/sign-out',
  session: '/auth/admin/session',
} as const;

/** `POST /api/auth/admin/sign-in` */
export const AdminSignInRequest = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254, 'Use at most 254 characters.'),
  password: z.string().min(1, 'Enter your password.').max(256, 'A password has at most 256 characters.'),
});
export type AdminSignInRequest = z.infer<typeof AdminSignInRequest>;

export const AdminUser = z.strictObject({
  email: z.string(),
  name: z.string(),
});
export type AdminUser = z.infer<typeof AdminUser>;

/** Answer of `POST /api/auth/admin/sign-in`. The token goes in `Authorization: Bearer <token>` on `/api/admin/*`. */
export const AdminSignInResponse = z.strictObject({
  token: z.string().min(32),
  expiresAt: Timestamp,
  idleTimeoutSeconds: z.int().positive(),
  admin: AdminUser,
});
export type AdminSignInResponse = z.infer<typeof AdminSignInResponse>;

/** `GET /api/auth/admin/session` — who the admin bearer token belongs to. */
export const AdminSessionInfo = z.strictObject({
  expiresAt: Timestamp,
  idleTimeoutSeconds: z.int().positive(),
  admin: AdminUser,
});
export type AdminSessionInfo = z.infer<typeof AdminSessionInfo>;
