import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Balance, CauseKind, LedgerEntry, LedgerEntryType, LedgerPage, Money } from '@rp/contract';
import { RpReport, badge, type Column, type Page } from '../reports/rp-report.js';
import { reportStyles } from '../reports/report.styles.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, errorState } from '../core/states.js';
import { formatMoney } from '../core/format.js';
import { partnerGet } from '../core/partner-get.js';
import { ledgerStyles } from './rp-ledger.styles.js';
import { figureStyles, figures } from '../reports/figures.js';

/**
 * My Ledger: the partner's statement. A header with the balance now (available, pending, total),
 * then for the chosen period and type: the opening balance, every entry — earned, reversed,
 * paid out, adjusted — with its cause, signed amount and running balance, and the closing
 * balance. Pending earnings carry a "Pending until" badge. Load more, and **Download CSV**
 * of the statement.
 *
 * Inherits from `RpReport` its slots (`header`, `loading`, `empty`, `signed-out`), parts
 * (`heading`, `intro`, `filters`, `input`, `download-button`, `table-wrap`, `table`, `row`,
 * `badge`, `more-button`, and the states) and `--rp-*` custom properties.
 *
 * @summary The partner's ledger: a statement with running balance.
 *
 * @slot header - Replaces the heading ("My Ledger") and its introduction.
 * @slot empty - Shown when the period has no entries.
 *
 * @csspart balances - The available / pending / total figures.
 * @csspart statement - The opening and closing balances of the period.
 * @csspart amount - Each entry's signed amount.
 * @csspart badge - Type and "Pending until" badges.
 *
 * @cssprop --rp-success - Colour of credits (with a + sign, never colour alone).
 * @cssprop --rp-danger - Colour of debits (with a − sign).
 * @cssprop --rp-warning - Colour of "Pending until" badges.
 *
 * @customElement rp-ledger
 */
@localized()
export class RpLedger extends RpReport<LedgerEntry, LedgerPage> {
  static override styles = [baseStyles, stateStyles, sectionStyles, reportStyles, figureStyles, ledgerStyles];

  /** Only entries of this type; empty for all. */
  @property() type: LedgerEntryType | '' = '';

  protected readonly path = '/partner/ledger';

  protected readonly balanceTask = partnerGet<Balance>(this, '/partner/balance');

  protected get heading(): string {
    return msg('My Ledger');
  }

  protected get intro(): string {
    return msg('Every earning, reversal and payout, with your running balance.');
  }

  protected get emptyText(): string {
    return msg('No entries in this period.');
  }

  protected override pageOf(page: LedgerPage): Page<LedgerEntry> {
    return { rows: page.entries, nextCursor: page.nextCursor };
  }

  protected override query(): URLSearchParams {
    const query = super.query();
    if (this.type) query.set('type', this.type);
    return query;
  }

  protected override _extraFiltersTemplate(): TemplateResult {
    const types: [LedgerEntryType | '', string][] = [['', msg('All')], ...ENTRY_TYPES.map((t) => [t, typeLabel(t)] as [LedgerEntryType, string])];
    return html`<div class="field">
      <label for="type">${msg('Type')}</label>
      <select id="type" name="type" part="input">
        ${types.map(([value, label]) => html`<option value=${value} ?selected=${value === this.type}>${label}</option>`)}
      </select>
    </div>`;
  }

  /** The balance now: available, pending and total. */
  protected override _beforeTableTemplate(): TemplateResult {
    const balance = this.balanceTask.value;
    return html`${this.balanceTask.render({ error: (error) => errorState(error, () => void this.balanceTask.run()) })}
    ${figures('balances', this.locale, [
      [msg('Available'), balance?.available, msg('Can be paid out now')],
      [msg('Pending'), balance?.pending, msg('In the hold period')],
      [msg('Total'), balance?.total, msg('Available and pending')],
    ])}`;
  }

  protected override _contentTemplate(page: LedgerPage): TemplateResult {
    return html`<dl class="statement" part="statement">
        <div>
          <dt>${msg('Opening balance')}</dt>
          <dd>${formatMoney(page.openingBalance, this.locale)}</dd>
        </div>
        <div>
          <dt>${msg('Closing balance')}</dt>
          <dd>${formatMoney(page.closingBalance, this.locale)}</dd>
        </div>
      </dl>
      ${this.rows.length ? this._tableTemplate() : emptyState(this.emptyText)}`;
  }

  protected columns(): Column<LedgerEntry>[] {
    return [
      { label: msg('Date'), cell: (e) => this.date(e.createdAt) },
      {
        label: msg('Description'),
        cell: (e) => html`${e.description}${e.programName ? html`<span class="sub">${e.programName}</span>` : nothing}`,
      },
      { label: msg('Cause'), cell: (e) => html`${causeLabel(e.cause.kind)} <span class="mono">${e.cause.reference}</span>` },
      {
        label: msg('Type'),
        cell: (e) =>
          html`${badge(e.type, typeLabel(e.type))}${e.status === 'pending'
            ? html` ${badge('pending', msg(str`Pending until ${this.date(e.availableAt)}`))}`
            : nothing}`,
      },
      { label: msg('Amount'), cell: (e) => signed(e.amount, this.locale), num: true },
      { label: msg('Balance'), cell: (e) => formatMoney(e.balance, this.locale), num: true },
    ];
  }
}

const ENTRY_TYPES: LedgerEntryType[] = ['earned', 'reversed', 'paid_out', 'adjusted'];

const typeLabel = (type: LedgerEntryType): string =>
  ({ earned: msg('Earned'), reversed: msg('Reversed'), paid_out: msg('Paid out'), adjusted: msg('Adjusted') })[type];

const causeLabel = (kind: CauseKind): string =>
  ({ sale: msg('Sale'), lead: msg('Lead'), refund: msg('Refund'), payout: msg('Payout'), adjustment: msg('Adjustment') })[kind];

/** A signed amount: "+$12.50" in the credit colour, "−$4.00" in the debit colour. */
function signed(money: Money, locale: string): TemplateResult {
  const text = formatMoney(money, locale);
  return html`<span part="amount" class=${money.amount > 0 ? 'pos' : money.amount < 0 ? 'neg' : 'zero'}
    >${money.amount > 0 ? `+${text}` : text.replace('-', '−')}</span
  >`;
}

RpLedger.define('rp-ledger');

declare global {
  interface HTMLElementTagNameMap {
    'rp-ledger': RpLedger;
  }
}
