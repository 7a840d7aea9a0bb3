import { msg } from '@lit/localize';
import type { MenuCategory, MenuItemId, PartnerMenuEntry } from '@rp/contract';

/**
 * The menu's categories and their items in default order. Kept here rather than imported from
 * the contract, whose module pulls in zod; the type checks below keep the two in step.
 */
export const menuLayout = {
  home: ['welcome', 'profile', 'programs', 'commission-structure'],
  resources: ['links', 'banners', 'email-copy', 'resource-pages'],
  reports: ['commissions', 'leads', 'sales', 'ledger'],
} as const satisfies Record<MenuCategory, readonly MenuItemId[]>;

type LaidOut = (typeof menuLayout)[MenuCategory][number];
// Fails to compile when the contract gains a menu item this layout does not place.
const everyItemPlaced: [Exclude<MenuItemId, LaidOut>] extends [never] ? true : never = true;
void everyItemPlaced;

export const menuCategoryOrder: readonly MenuCategory[] = ['home', 'resources', 'reports'];

const allIds: readonly string[] = menuCategoryOrder.flatMap((category) => menuLayout[category]);

export function isMenuItemId(value: string): value is MenuItemId {
  return allIds.includes(value);
}

/** The built-in, localized label of a menu item. */
export function builtInLabel(id: MenuItemId): string {
  switch (id) {
    case 'welcome':
      return msg('Welcome');
    case 'profile':
      return msg('My Profile');
    case 'programs':
      return msg('My Programs');
    case 'commission-structure':
      return msg('My Commission Structure');
    case 'links':
      return msg('Redirect Links');
    case 'banners':
      return msg('Banners');
    case 'email-copy':
      return msg('Email Copy');
    case 'resource-pages':
      return msg('Resource Pages');
    case 'commissions':
      return msg('Commissions');
    case 'leads':
      return msg('Lead Tracking');
    case 'sales':
      return msg('Sales');
    case 'ledger':
      return msg('My Ledger');
  }
}

/** The localized name of a menu category. */
export function categoryLabel(category: MenuCategory): string {
  switch (category) {
    case 'home':
      return msg('Home');
    case 'resources':
      return msg('Resources');
    case 'reports':
      return msg('Reports');
  }
}

/** The label a partner sees: the merchant's own, else the built-in one. */
export function itemLabel(entry: Pick<PartnerMenuEntry, 'id' | 'label'>): string {
  return entry.label?.trim() || builtInLabel(entry.id);
}

/** The `#/<id>` hash of a section, and back. */
export function sectionHash(id: MenuItemId): string {
  return `#/${id}`;
}

export function sectionFromHash(hash: string): string {
  return decodeURIComponent(hash.replace(/^#\/?/, '')).split(/[/?]/)[0] ?? '';
}
