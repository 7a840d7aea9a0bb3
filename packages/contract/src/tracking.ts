import * as z from 'zod';
import { optionalText, requiredText, Timestamp } from './common.ts';

/** An absolute http(s) URL without credentials, as a merchant approves destinations. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2048, 'Use at most 2048 characters.')
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'Enter a full address starting with https://.' },
  );

/** A page the merchant approved as a link destination, as a partner sees it. */
export const Destination = z.strictObject({
  id: z.int().positive(),
  name: z.string(),
  url: z.string(),
  description: z.string(),
  /** Partners may link to any path under this destination's origin. */
  allowSubpaths: z.boolean(),
});
export type Destination = z.infer<typeof Destination>;

export const DestinationList = z.strictObject({ destinations: z.array(Destination) });
export type DestinationList = z.infer<typeof DestinationList>;

/** Admin view of a destination. */
export const AdminDestination = Destination.extend({
  active: z.boolean(),
  createdAt: Timestamp,
});
export type AdminDestination = z.infer<typeof AdminDestination>;

export const AdminDestinationList = z.strictObject({ destinations: z.array(AdminDestination) });
export type AdminDestinationList = z.infer<typeof AdminDestinationList>;

/** `POST /api/admin/destinations` */
export const DestinationCreate = z.strictObject({
  name: requiredText(80),
  url: HttpUrl,
  description: optionalText(500).default(''),
  allowSubpaths: z.boolean().default(true),
});
export type DestinationCreate = z.input<typeof DestinationCreate>;

/** `PATCH /api/admin/destinations/:id` */
export const DestinationUpdate = z.strictObject({
  name: requiredText(80).optional(),
  description: optionalText(500).optional(),
  allowSubpaths: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type DestinationUpdate = z.infer<typeof DestinationUpdate>;

/** Campaign / sub-id a partner tags a link with, to tell their own placements apart. */
export const Campaign = z
  .string()
  .trim()
  .max(64, 'Use at most 64 characters.')
  .regex(/^[A-Za-z0-9._-]*$/, 'Use letters, digits, dots, - and _ only.');

/** A path under the destination's origin: starts with one `/`, no backslashes or control characters. */
export const LinkPath = z
  .string()
  .trim()
  .max(512, 'Use at most 512 characters.')
  .regex(/^(\/(?![/\\])[^\s\\]*)?$/, 'Enter a path starting with a single /, such as /shop/espresso.');

/** `POST /api/partner/links` */
export const LinkCreate = z.strictObject({
  destinationId: z.int().positive(),
  /** Optional path (and query) under the destination's origin; only where the destination allows it. */
  path: LinkPath.default(''),
  campaign: Campaign.default(''),
});
export type LinkCreate = z.input<typeof LinkCreate>;

/** A partner's tracked link. `url` is what they share; it redirects to `targetUrl`. */
export const TrackedLink = z.strictObject({
  id: z.int().positive(),
  slug: z.string(),
  url: z.string(),
  destinationId: z.int().positive(),
  destinationName: z.string(),
  targetUrl: z.string(),
  campaign: z.string(),
  clicks: z.int().nonnegative(),
  createdAt: Timestamp,
});
export type TrackedLink = z.infer<typeof TrackedLink>;

export const LinkList = z.strictObject({ links: z.array(TrackedLink) });
export type LinkList = z.infer<typeof LinkList>;

/** The query parameter the redirect adds to the destination, carrying the click id. */
export const CLICK_ID_PARAM = 'rp_click';
/** The first-party cookie the tracking script (and, where configured, the redirect) sets. */
export const CLICK_COOKIE = 'rp_click';
