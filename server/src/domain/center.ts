import {
  CenterSettings,
  categoryOf,
  menuItemIds,
  MenuEntry,
  type CenterForPartner,
  type CenterPublic,
  type CenterSettingsUpdate,
} from '@rp/contract';
import * as z from 'zod';
import type { Db } from '../db/database.ts';

interface SettingsRow {
  name: string;
  welcome_message: string;
  currency: string;
  locale: string;
  accent_color: string;
  logo_url: string | null;
  signup_approval: 'automatic' | 'review';
  menu: string;
}

export const DEFAULT_ACCENT = '#1f6feb';

/** Every item, visible, in the default order. */
export function defaultMenu(): MenuEntry[] {
  return menuItemIds.map((id) => ({ id, visible: true, label: null }));
}

/**
 * The stored menu, completed: items added to the product after the merchant saved their
 * menu are appended (visible), unknown or duplicate ids are dropped. So a partner always sees
 * a menu that parses, whatever version wrote the row.
 */
function readMenu(json: string): MenuEntry[] {
  let stored: MenuEntry[] = [];
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(json));
    if (parsed.success) {
      stored = parsed.data.flatMap((entry) => {
        const item = MenuEntry.safeParse(entry);
        return item.success ? [item.data] : [];
      });
    }
  } catch {
    // unreadable JSON: fall back to the default menu below
  }
  const seen = new Set<string>();
  const menu = stored.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
  for (const entry of defaultMenu()) if (!seen.has(entry.id)) menu.push(entry);
  return menu;
}

/** Create the settings row on first start, from the configured currency and locale. */
export function ensureSettings(db: Db, defaults: { currency: string; locale: string }, now: number): void {
  db.prepare(
    `INSERT INTO settings (id, name, welcome_message, currency, locale, accent_color, logo_url, menu, updated_at)
     VALUES (1, 'Partner Center', '', ?, ?, ?, NULL, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(defaults.currency, defaults.locale, DEFAULT_ACCENT, JSON.stringify(defaultMenu()), now);
}

export function readSettings(db: Db): CenterSettings {
  const row = db.prepare('SELECT * FROM settings WHERE id = 1').get() as SettingsRow | undefined;
  if (!row) throw new Error('settings row missing: ensureSettings() must run at start');
  return {
    name: row.name,
    welcomeMessage: row.welcome_message,
    currency: row.currency,
    locale: row.locale,
    branding: { accentColor: row.accent_color, logoUrl: row.logo_url },
    signUpApproval: row.signup_approval,
    menu: readMenu(row.menu),
  };
}

export function writeSettings(db: Db, settings: CenterSettings, now: number): void {
  db.prepare(
    `UPDATE settings SET name = ?, welcome_message = ?, currency = ?, locale = ?, accent_color = ?,
       logo_url = ?, signup_approval = ?, menu = ?, updated_at = ? WHERE id = 1`,
  ).run(
    settings.name,
    settings.welcomeMessage,
    settings.currency,
    settings.locale,
    settings.branding.accentColor,
    settings.branding.logoUrl,
    settings.signUpApproval,
    JSON.stringify(settings.menu),
    now,
  );
}

/** Apply a partial update (branding merges field by field) in one transaction; returns the result. */
export function updateSettings(db: Db, update: CenterSettingsUpdate, now: number): CenterSettings {
  return db.transaction(() => {
    const current = readSettings(db);
    const next: CenterSettings = {
      ...current,
      ...update,
      branding: { ...current.branding, ...update.branding },
    };
    writeSettings(db, next, now);
    return next;
  })();
}

export function centerPublic(settings: CenterSettings): CenterPublic {
  return { name: settings.name, currency: settings.currency, locale: settings.locale, branding: settings.branding };
}

export function centerForPartner(settings: CenterSettings): CenterForPartner {
  return {
    ...centerPublic(settings),
    welcomeMessage: settings.welcomeMessage,
    menu: settings.menu
      .filter((entry) => entry.visible)
      .map((entry) => ({ id: entry.id, category: categoryOf(entry.id), label: entry.label })),
  };
}
