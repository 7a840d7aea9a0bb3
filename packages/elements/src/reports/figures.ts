import { css, html, type TemplateResult } from 'lit';
import type { Money } from '@rp/contract';
import { formatMoney } from '../core/format.js';

/** Big money figures with a label and a hint (the ledger's balances, the welcome summary). */
export function figures(part: string, locale: string, items: [label: string, money: Money | undefined, hint: string][]): TemplateResult {
  return html`<dl class="figures" part=${part}>
    ${items.map(
      ([label, money, hint]) =>
        html`<div><dt>${label}</dt><dd class="money">${money ? formatMoney(money, locale) : '…'}</dd><dd class="hint">${hint}</dd></div>`,
    )}
  </dl>`;
}

export const figureStyles = css`
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.75rem; margin: 0 0 var(--_space); }
  .figures div { padding: 0.75rem var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
  .figures dt, .figures .hint { font-size: 0.8125rem; color: var(--_muted); }
  .figures dt { font-weight: 600; }
  .figures dd { margin: 0; }
  .money { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  @media (max-width: 480px) {
    .figures { gap: 0.5rem; }
    .figures div { display: grid; grid-template-columns: 1fr auto; align-items: center; column-gap: 0.75rem; padding: 0.5rem 0.85rem; }
    .money { grid-area: 1 / 2 / span 2; font-size: 1.25rem; }
  }
`;
