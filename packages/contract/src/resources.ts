import * as z from 'zod';
import { requiredText, Timestamp } from './common.ts';

/**
 * Promotional resources: resource pages (merchant-authored rich text), email copy (templates with
 * merge fields, filled for the signed-in partner) and banners (uploaded images wrapped in the
 * partner's own tracked link).
 */

/** The merge fields email copy may use, as `{{name}}`. Anything else is refused on write. */
export const MERGE_FIELDS = ['partner.name', 'partner.firstName', 'partner.code', 'link', 'center.name'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Largest HTML a merchant may store for one page or email body, before sanitizing. */
export const MAX_RESOURCE_HTML = 100_000;

/** Largest image accepted by `POST /api/admin/media`. */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;

/** The image types `POST /api/admin/media` accepts (checked by the file's bytes; no SVG). */
export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MediaType = z.enum(MEDIA_TYPES);

/** A media file name as the server gives it: random hex and the type's extension. */
export const MediaName = z
  .string()
  .regex(/^[a-f0-9]{32}\.(png|jpg|gif|webp)$/, 'Use the name returned by the upload.');

const Position = z.int().min(0).max(1_000_000);
const Id = z.int().positive();

// ---------------------------------------------------------------- resource pages

/** A URL-friendly page name: lower-case letters, digits and single dashes. */
export const PageSlug = z
  .string()
  .trim()
  .min(1, 'This field is required.')
  .max(80, 'Use at most 80 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes, such as brand-guidelines.');

/** `GET /api/partner/resource-pages` item. */
export const ResourcePageSummary = z.strictObject({
  id: Id,
  title: z.string(),
  slug: z.string(),
  updatedAt: Timestamp,
});
export type ResourcePageSummary = z.infer<typeof ResourcePageSummary>;

export const ResourcePageList = z.strictObject({ pages: z.array(ResourcePageSummary) });
export type ResourcePageList = z.infer<typeof ResourcePageList>;

/** `GET /api/partner/resource-pages/:slug`: the page with its sanitized HTML. */
export const ResourcePage = ResourcePageSummary.extend({ html: z.string() });
export type ResourcePage = z.infer<typeof ResourcePage>;

/** Admin view of a page. */
export const AdminResourcePage = ResourcePage.extend({
  published: z.boolean(),
  position: z.int(),
  createdAt: Timestamp,
});
export type AdminResourcePage = z.infer<typeof AdminResourcePage>;

export const AdminResourcePageList = z.strictObject({ pages: z.array(AdminResourcePage) });
export type AdminResourcePageList = z.infer<typeof AdminResourcePageList>;

/** `POST /api/admin/resource-pages`. The HTML is sanitized on write; the answer shows what was kept. */
export const ResourcePageCreate = z.strictObject({
  title: requiredText(120),
  slug: PageSlug,
  html: z.string().max(MAX_RESOURCE_HTML, `Use at most ${MAX_RESOURCE_HTML} characters.`),
  published: z.boolean().default(false),
  position: Position.default(0),
});
export type ResourcePageCreate = z.input<typeof ResourcePageCreate>;

/** `PATCH /api/admin/resource-pages/:id` */
export const ResourcePageUpdate = z.strictObject({
  title: requiredText(120).optional(),
  slug: PageSlug.optional(),
  html: z.string().max(MAX_RESOURCE_HTML, `Use at most ${MAX_RESOURCE_HTML} characters.`).optional(),
  published: z.boolean().optional(),
  position: Position.optional(),
});
export type ResourcePageUpdate = z.infer<typeof ResourcePageUpdate>;

// ---------------------------------------------------------------- email copy

/** `GET /api/partner/email-copy` item: filled for the signed-in partner. */
export const EmailCopy = z.strictObject({
  id: Id,
  name: z.string(),
  /** Plain text, merge fields filled. */
  subject: z.string(),
  /** Plain text, merge fields filled. */
  bodyText: z.string(),
  /** Sanitized HTML with merge values HTML-escaped, or null when the merchant wrote none. */
  bodyHtml: z.string().nullable(),
  /** The partner's tracked link used for `{{link}}`. */
  link: z.string(),
});
export type EmailCopy = z.infer<typeof EmailCopy>;

export const EmailCopyList = z.strictObject({ emails: z.array(EmailCopy) });
export type EmailCopyList = z.infer<typeof EmailCopyList>;

/** Admin view: the templates as stored (HTML already sanitized), merge fields unfilled. */
export const AdminEmailCopy = z.strictObject({
  id: Id,
  name: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  destinationId: Id,
  position: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AdminEmailCopy = z.infer<typeof AdminEmailCopy>;

export const AdminEmailCopyList = z.strictObject({ emails: z.array(AdminEmailCopy) });
export type AdminEmailCopyList = z.infer<typeof AdminEmailCopyList>;

const BodyText = z.string().trim().min(1, 'This field is required.').max(20_000, 'Use at most 20000 characters.');
const BodyHtml = z.string().max(MAX_RESOURCE_HTML, `Use at most ${MAX_RESOURCE_HTML} characters.`).nullable();

/** `POST /api/admin/email-copy`. Unknown merge fields are refused with the field named. */
export const EmailCopyCreate = z.strictObject({
  name: requiredText(80),
  subject: requiredText(200),
  bodyText: BodyText,
  bodyHtml: BodyHtml.default(null),
  destinationId: Id,
  position: Position.default(0),
});
export type EmailCopyCreate = z.input<typeof EmailCopyCreate>;

/** `PATCH /api/admin/email-copy/:id` */
export const EmailCopyUpdate = z.strictObject({
  name: requiredText(80).optional(),
  subject: requiredText(200).optional(),
  bodyText: BodyText.optional(),
  bodyHtml: BodyHtml.optional(),
  destinationId: Id.optional(),
  position: Position.optional(),
});
export type EmailCopyUpdate = z.infer<typeof EmailCopyUpdate>;

// ---------------------------------------------------------------- media and banners

/** `POST /api/admin/media` answer (201). Send the image as the raw body or as multipart field `file`. */
export const MediaUpload = z.strictObject({
  name: MediaName,
  url: z.string(),
  contentType: MediaType,
  size: z.int().positive(),
  width: z.int().positive(),
  height: z.int().positive(),
});
export type MediaUpload = z.infer<typeof MediaUpload>;

/** `GET /api/partner/banners` item. */
export const Banner = z.strictObject({
  id: Id,
  name: z.string(),
  imageUrl: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  alt: z.string(),
  /** The partner's tracked link the banner points at. */
  link: z.string(),
  /** Ready-to-paste `<a href=…><img …></a>`, every value escaped. */
  html: z.string(),
});
export type Banner = z.infer<typeof Banner>;

export const BannerList = z.strictObject({ banners: z.array(Banner) });
export type BannerList = z.infer<typeof BannerList>;

export const AdminBanner = z.strictObject({
  id: Id,
  name: z.string(),
  image: MediaName,
  imageUrl: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  alt: z.string(),
  destinationId: Id,
  active: z.boolean(),
  position: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AdminBanner = z.infer<typeof AdminBanner>;

export const AdminBannerList = z.strictObject({ banners: z.array(AdminBanner) });
export type AdminBannerList = z.infer<typeof AdminBannerList>;

/** `POST /api/admin/banners`: `image` is a name from `POST /api/admin/media`; its size is read from the file. */
export const BannerCreate = z.strictObject({
  name: requiredText(80),
  image: MediaName,
  alt: requiredText(250),
  destinationId: Id,
  active: z.boolean().default(true),
  position: Position.default(0),
});
export type BannerCreate = z.input<typeof BannerCreate>;

/** `PATCH /api/admin/banners/:id` */
export const BannerUpdate = z.strictObject({
  name: requiredText(80).optional(),
  image: MediaName.optional(),
  alt: requiredText(250).optional(),
  destinationId: Id.optional(),
  active: z.boolean().optional(),
  position: Position.optional(),
});
export type BannerUpdate = z.infer<typeof BannerUpdate>;

/** Paths of the resource routes, relative to the API base (which ends in `/api`). */
export const resourcePaths = {
  resourcePages: '/partner/resource-pages',
  emailCopy: '/partner/email-copy',
  banners: '/partner/banners',
  adminResourcePages: '/admin/resource-pages',
  adminEmailCopy: '/admin/email-copy',
  adminBanners: '/admin/banners',
  adminMedia: '/admin/media',
} as const;

