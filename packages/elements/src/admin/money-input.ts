/**
 * Amounts a merchant types, turned into the API's exact integers: money in major units
 * ("1,234.56") into integer minor units (123456), percentages ("12.5") into basis points (1250).
 * The decimal string is split and its digits counted — never multiplied as a float, where
 * 0.29 × 100 is 28.999999999999996.
 */

import { msg, str } from '@lit/localize';

/** Why a typed amount was refused. */
export type AmountProblem = 'empty' | 'format' | 'precision' | 'too-large';

export type ParsedAmount = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/** Digits of a currency's minor unit: 2 for USD, 0 for JPY, 3 for BHD. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The locale's decimal and grouping characters ("." and "," in en-US; "," and "." in de-DE). */
function separators(locale: string): { decimal: string; group: string } {
  let parts: Intl.NumberFormatPart[] = [];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  } catch {
    // An unknown locale: plain digits with a dot.
  }
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses a non-negative decimal typed in `locale` into an integer count of `1 / 10^digits`.
 * Accepts the locale's own form ("1,234.56" in en-US, "1.234,56" in de-DE) with groups of three
 * digits, and always a plain "1234.56". At most `digits` decimals (extra trailing zeros are fine).
 */
export function parseScaled(text: string, digits: number, locale: string, max = Number.MAX_SAFE_INTEGER): ParsedAmount {
  const typed = text.replace(/[\s\u00a0\u202f]/g, '');
  if (typed === '') return { ok: false, problem: 'empty' };
  const { decimal, group } = separators(locale);
  // Spaces are removed above, so a locale that groups with a space accepts plain digits.
  const groupPart = /\s/.test(group) ? '' : `(?:${escape(group)}\\d{3})*`;
  const localForm = new RegExp(`^(\\d{1,3}${groupPart}|\\d+)(?:${escape(decimal)}(\\d*))?$`);
  const match = localForm.exec(typed) ?? /^(\d+)(?:\.(\d*))?$/.exec(typed);
  if (!match) return { ok: false, problem: 'format' };
  const whole = match[1]!.split(group).join('').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, problem: 'precision' };
  if (whole.length > 15 - digits) return { ok: false, problem: 'too-large' };
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (value > max) return { ok: false, problem: 'too-large' };
  return { ok: true, value };
}

/** Major units typed in `locale` ("12.50") → integer minor units of `currency` (1250). */
export function parseMinorUnits(text: string, currency: string, locale: string, max?: number): ParsedAmount {
  return parseScaled(text, minorDigits(currency), locale, max);
}

/** A percentage typed in `locale` ("12.5") → basis points (1250), at most 100 %. */
export function parseBasisPoints(text: string, locale: string): ParsedAmount {
  return parseScaled(text, 2, locale, 10_000);
}

/** An integer count of `1 / 10^digits` written back for an input, without grouping: 1250, 2 → "12.50". */
export function formatScaled(value: number, digits: number, locale: string, trimZeros = false): string {
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  let fraction = digits ? text.slice(-digits) : '';
  if (trimZeros) fraction = fraction.replace(/0+$/, '');
  return fraction ? `${sign}${whole}${separators(locale).decimal}${fraction}` : `${sign}${whole}`;
}

/** Minor units written back in major units for an input: 1250 USD → "12.50". */
export function formatMinorUnits(amount: number, currency: string, locale: string): string {
  return formatScaled(amount, minorDigits(currency), locale);
}

/** Basis points written back as a percentage for an input: 1250 → "12.5". */
export function formatPercentInput(basisPoints: number, locale: string): string {
  return formatScaled(basisPoints, 2, locale, true);
}

/** The currency's symbol as the locale writes it ("$", "€", "JP¥"), for the prefix of an amount input. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
        .formatToParts(0)
        .find((p) => p.type === 'currency')?.value ?? currency
    );
  } catch {
    return currency;
  }
}

/** What to tell the merchant about a refused amount; `words` are the form's own for an empty or unreadable one. */
export function amountProblemText(problem: AmountProblem, currency: string, words: { empty: string; format: string }): string {
  switch (problem) {
    case 'empty':
      return words.empty;
    case 'format':
      return words.format;
    case 'precision':
      return msg(str`${currency} has fewer decimal places than that.`);
    case 'too-large':
      return msg('That amount is too large.');
  }
}
