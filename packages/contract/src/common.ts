import * as z from 'zod';

/** ISO 4217 currency code, upper case (USD, EUR, JPY). */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as USD.');

/** A BCP 47 locale tag that this runtime's Intl understands (en-US, de-DE). */
export const LocaleTag = z
  .string()
  .min(2)
  .max(35)
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'Use a locale tag such as en-US.' },
  );

/**
 * Money is always an integer count of the currency's minor unit (cents for USD, yen for JPY)
 * plus its currency: never a float.
 */
export const Money = z.strictObject({
  amount: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** ISO 8601 timestamp in UTC, as the server writes them. */
export const Timestamp = z.iso.datetime();

/** Trimmed single-line text of bounded length; empty allowed. */
export const optionalText = (max: number) => z.string().trim().max(max);

/** Trimmed single-line text of bounded length; at least one character. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'This field is required.').max(max, `Use at most ${max} characters.`);
