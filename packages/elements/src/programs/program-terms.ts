import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/** "Referrals are credited for 30 days after a click" */
export function attributionWindowText(days: number): string {
  return days === 1
    ? msg('Referrals are credited for 1 day after a click')
    : msg(str`Referrals are credited for ${days} days after a click`);
}

/** "Commissions are confirmed after 30 days" */
export function holdPeriodText(days: number): string {
  if (days === 0) return msg('Commissions are confirmed right away');
  return days === 1
    ? msg('Commissions are confirmed after 1 day')
    : msg(str`Commissions are confirmed after ${days} days`);
}

/**
 * A program's terms as a definition list (part `terms`): attribution window and hold period,
 * after an optional leading item such as "Enrolled since".
 */
export function programTermsTemplate(
  program: { attributionWindowDays: number; holdDays: number },
  leading: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<dl class="terms" part="terms">
    ${leading}
    <div>
      <dt>${msg('Attribution window')}</dt>
      <dd>${attributionWindowText(program.attributionWindowDays)}</dd>
    </div>
    <div>
      <dt>${msg('Hold period')}</dt>
      <dd>${holdPeriodText(program.holdDays)}</dd>
    </div>
  </dl>`;
}
