import type { Money } from '@rp/contract';

const cache = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units in the currency's own way (2 digits for USD, 0 for JPY). */
export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    cache.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** Formats basis points (1250) as a percentage (12.5 %). */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10000);
}

/** Formats an ISO timestamp as a date. */
export function formatDate(iso: string, locale: string, style: 'medium' | 'long' = 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style }).format(new Date(iso));
}

/** Formats a calendar day (`YYYY-MM-DD`, UTC) as that same day, whatever the viewer's time zone. */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** Formats a count (1,234) or, with `percent`, a ratio (4.5 %). */
export function formatNumber(value: number, locale: string, percent = false): string {
  return new Intl.NumberFormat(locale, percent ? { style: 'percent', maximumFractionDigits: 1 } : {}).format(value);
}
