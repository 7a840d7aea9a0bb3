import { msg, str } from '@lit/localize';
import type { CommissionRule } from '@rp/contract';
import { formatBasisPoints, formatMoney } from '../../core/format.js';

/**
 * A commission rule in plain words, as a merchant checks it: "12.5% of each sale, for 12 months
 * of renewals", "$25.00 per sale of GRINDER-PRO", "$15.00 per lead".
 */
export function ruleSentence(rule: CommissionRule, locale: string): string {
  const sku = rule.productSku;
  let text: string;
  switch (rule.type) {
    case 'percent_of_sale': {
      const percent = formatBasisPoints(rule.basisPoints, locale);
      text = sku ? msg(str`${percent} of each sale of ${sku}`) : msg(str`${percent} of each sale`);
      break;
    }
    case 'flat_per_sale': {
      const amount = formatMoney(rule.amount, locale);
      text = sku ? msg(str`${amount} per sale of ${sku}`) : msg(str`${amount} per sale`);
      break;
    }
    case 'flat_per_lead':
      return msg(str`${formatMoney(rule.amount, locale)} per lead`);
  }
  const months = rule.recurringMonths;
  if (months === null) return text;
  return months === 1 ? msg(str`${text}, for 1 month of renewals`) : msg(str`${text}, for ${months} months of renewals`);
}

/** What a rule applies to: "All products", "Product GRINDER-PRO only", "Every lead". */
export function ruleScope(rule: CommissionRule): string {
  if (rule.type === 'flat_per_lead') return msg('Every lead');
  if (rule.productSku) return msg(str`Only product ${rule.productSku}: overrides the general sale rule`);
  return rule.recurringMonths === null ? msg('All products; not on subscription renewals') : msg('All products');
}
