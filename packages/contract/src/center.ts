import * as z from 'zod';
import { CurrencyCode, LocaleTag, requiredText } from './common.ts';

/**
 * Every section of the partner center, grouped in the three categories of the menu.
 * The order here is the default menu order.
 */
export const menuCategories = {
  home: ['welcome', 'profile', 'programs', 'commission-structure'],
  resources: ['links', 'banners', 'email-copy', 'resource-pages'],
  reports: ['commissions', 'leads', 'sales', 'ledger'],
} as const;

export type MenuCategory = keyof typeof menuCategories;
export const MenuCategory = z.enum(['home', 'resources', 'reports']);

export const menuItemIds = [
  ...menuCategories.home,
  ...menuCategories.resources,
  ...menuCategories.reports,
] as const;
export const MenuItemId = z.enum(menuItemIds);
export type MenuItemId = z.infer<typeof MenuItemId>;

/** The category a menu item belongs to. */
export function categoryOf(id: MenuItemId): MenuCategory {
  for (const category of MenuCategory.options) {
    if ((menuCategories[category] as readonly string[]).includes(id)) return category;
  }
  throw new Error(`unknown menu item ${id}`);
}

/** Hex colour such as #1f6feb. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #1f6feb.');

export const Branding = z.strictObject({
  /** Accent colour of buttons, links and the current menu item. */
  accentColor: HexColor,
  /** Logo shown above the menu and on the sign-in card; an absolute https URL or a path on the API's origin. */
  logoUrl: z
    .string()
    .max(2048)
    .regex(/^(https:\/\/|\/)[^\s"'<>]*$/, 'Use an https:// address or a path starting with /.')
    .nullable(),
});
export type Branding = z.infer<typeof Branding>;

/** Sign-ups are active at once ('automatic') or wait for the merchant ('review'). */
export const SignUpApproval = z.enum(['automatic', 'review'], { error: 'Use automatic or review.' });
export type SignUpApproval = z.infer<typeof SignUpApproval>;

/** A menu entry as the merchant configures it. `label` null means the built-in, localized label. */
export const MenuEntry = z.strictObject({
  id: MenuItemId,
  visible: z.boolean(),
  label: z.string().trim().min(1).max(40).nullable(),
});
export type MenuEntry = z.infer<typeof MenuEntry>;

/** A menu entry as a partner sees it: only the visible ones, in the merchant's order. */
export const PartnerMenuEntry = z.strictObject({
  id: MenuItemId,
  category: MenuCategory,
  label: z.string().nullable(),
});
export type PartnerMenuEntry = z.infer<typeof PartnerMenuEntry>;

/** `GET /api/center` — public: what the sign-in card needs before anyone signs in. */
export const CenterPublic = z.strictObject({
  name: z.string(),
  currency: CurrencyCode,
  locale: LocaleTag,
  branding: Branding,
});
export type CenterPublic = z.infer<typeof CenterPublic>;

/** `GET /api/partner/center` — the center as a signed-in partner sees it. */
export const CenterForPartner = CenterPublic.extend({
  welcomeMessage: z.string(),
  menu: z.array(PartnerMenuEntry),
});
export type CenterForPartner = z.infer<typeof CenterForPartner>;

/** `GET /api/admin/settings` — every setting of the center. */
export const CenterSettings = z.strictObject({
  name: requiredText(80),
  /** Plain text; blank lines separate paragraphs. */
  welcomeMessage: z.string().trim().max(5000, 'Use at most 5000 characters.'),
  currency: CurrencyCode,
  locale: LocaleTag,
  branding: Branding,
  /** New partners from `POST /api/auth/sign-up` are active at once ('automatic') or wait for approval ('review'). */
  signUpApproval: SignUpApproval,
  /** Every menu item exactly once, in display order within its category. */
  menu: z
    .array(MenuEntry)
    .length(menuItemIds.length, `List all ${menuItemIds.length} menu items.`)
    .refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, {
      message: 'Each menu item may appear only once.',
    }),
});
export type CenterSettings = z.infer<typeof CenterSettings>;

/** `PATCH /api/admin/settings` — any subset of the settings. */
export const CenterSettingsUpdate = CenterSettings.partial().extend({
  branding: Branding.partial().optional(),
});
export type CenterSettingsUpdate = z.infer<typeof CenterSettingsUpdate>;
