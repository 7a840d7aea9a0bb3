import * as z from 'zod';
import { optionalText, requiredText, Timestamp } from './common.ts';

export const PartnerStatus = z.enum(['pending', 'active', 'suspended']);
export type PartnerStatus = z.infer<typeof PartnerStatus>;

export const Address = z.strictObject({
  line1: optionalText(120),
  line2: optionalText(120),
  city: optionalText(80),
  region: optionalText(80),
  postalCode: optionalText(20),
  /** ISO 3166-1 alpha-2, or empty. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, 'Use a two-letter country code such as US.'),
});
export type Address = z.infer<typeof Address>;

const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.'));

/** The fields a partner can edit; empty strings mean "not given". */
export const ProfileFields = z.strictObject({
  name: requiredText(100),
  email: Email,
  company: optionalText(120),
  phone: z
    .string()
    .trim()
    .max(40, 'Use at most 40 characters.')
    .regex(/^(\+?[0-9 ().-]{5,40})?$/, 'Enter a phone number using digits, spaces, +, -, ( and ).'),
  website: z
    .string()
    .trim()
    .max(2048)
    .regex(/^(https?:\/\/[^\s"'<>]+)?$/, 'Enter an address starting with https:// or http://.'),
  address: Address,
  /** Where the merchant sends payouts, if not the contact email. */
  payoutEmail: z.union([z.literal(''), Email], { error: 'Enter a valid email address, or leave it empty.' }),
});
export type ProfileFields = z.infer<typeof ProfileFields>;

/** `GET /api/partner/profile` */
export const Profile = ProfileFields.extend({
  code: z.string(),
  status: PartnerStatus,
  joinedAt: Timestamp,
  updatedAt: Timestamp,
});
export type Profile = z.infer<typeof Profile>;

/** `PATCH /api/partner/profile` — any subset of the editable fields; address may be partial too. */
export const ProfileUpdate = ProfileFields.partial().extend({
  address: Address.partial().optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;
