// Money as text, for CSV files and messages: exact decimal strings from integer minor units,
// never through floats.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for BHD), from the runtime's ISO 4217 data. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `1250, 'USD'` → `12.50`; `-5, 'USD'` → `-0.05`; `500, 'JPY'` → `500`. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** For messages: `12.50 USD`. */
export function moneyText(minor: number, currency: string): string {
  return `${decimalAmount(minor, currency)} ${currency}`;
}
