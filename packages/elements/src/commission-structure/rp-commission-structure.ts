import { html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { CommissionRule, CommissionStructure } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, taskStates } from '../core/states.js';
import { formatBasisPoints, formatMoney } from '../core/format.js';
import { programTermsTemplate } from '../programs/program-terms.js';
import { commissionStructureStyles } from './rp-commission-structure.styles.js';

type ProgramStructure = CommissionStructure['programs'][number];

/**
 * The exact commission the signed-in partner earns in each program: a card per program with a
 * table of its rules (rule, what it applies to, the commission), plus the program's attribution
 * window and hold period.
 *
 * @summary The partner's commission structure.
 *
 * @slot header - Replaces the default heading ("My Commission Structure") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the partner is in no program.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart list - The list of program cards.
 * @csspart program - Each program's card.
 * @csspart program-name - Each program's `h3` name.
 * @csspart table - Each program's table of rules.
 * @csspart rule - Each row of a table.
 * @csspart amount - The commission of a rule ("12.5% of each sale").
 * @csspart override - The "Overrides the default sale rule" badge of a per-product rule.
 * @csspart note - The merchant's note on a rule.
 * @csspart terms - The attribution window and hold period under a program's rules.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (override badge).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the terms strip.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-commission-structure
 */
@localized()
export class RpCommissionStructure extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, commissionStructureStyles];

  protected readonly task = partnerGet<CommissionStructure>(this, '/partner/commission-structure');

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${taskStates(this, this.task, msg('Loading your commission structure…'), (structure) => this._listTemplate(structure.programs))}
    </section>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('My Commission Structure')}</h2>
      <p class="intro" part="intro">${msg('What you earn in each program, in exact terms.')}</p>`;
  }

  protected _listTemplate(programs: ProgramStructure[]): TemplateResult {
    if (programs.length === 0) return emptyState(msg('You are not enrolled in any programs yet, so there are no commissions to show.'));
    return html`<ul class="list" part="list">
      ${programs.map((program) => html`<li>${this._programTemplate(program)}</li>`)}
    </ul>`;
  }

  /** One program's card. */
  protected _programTemplate(program: ProgramStructure): TemplateResult {
    const id = `program-${program.programId}`;
    return html`<article class="card program" part="program" aria-labelledby=${id}>
      <div class="program-head">
        <h3 id=${id} part="program-name">${program.programName}</h3>
      </div>
      <div class="table-wrap">
        ${program.rules.length === 0
          ? html`<p class="no-rules">${msg('This program has no commission rules yet.')}</p>`
          : html`<table part="table">
              <caption class="visually-hidden">${msg(str`Commission rules of ${program.programName}`)}</caption>
              <colgroup>
                <col class="rule-col" />
                <col class="applies-col" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">${msg('Rule')}</th>
                  <th scope="col">${msg('Applies to')}</th>
                  <th scope="col" class="commission-col">${msg('Commission')}</th>
                </tr>
              </thead>
              <tbody>
                ${program.rules.map((rule) => this._ruleTemplate(rule))}
              </tbody>
            </table>`}
      </div>
      ${programTermsTemplate(program)}
    </article>`;
  }

  /** One row: the kind of rule and its note, what it applies to, and the exact commission. */
  protected _ruleTemplate(rule: CommissionRule): TemplateResult {
    return html`<tr part="rule" data-rule=${rule.id}>
      <th scope="row">
        ${this.#kind(rule)}
        ${rule.note.trim() ? html`<span class="note" part="note">${rule.note}</span>` : nothing}
      </th>
      <td>
        ${rule.productSku
          ? html`<span class="scope">${msg('on product')} <span class="sku">${rule.productSku}</span></span>
              <span class="override" part="override">${msg("Overrides the program's default sale rule")}</span>`
          : html`<span class="scope">${rule.type === 'flat_per_lead' ? msg('every lead you refer') : msg('all products')}</span>`}
        ${rule.type === 'flat_per_lead' ? nothing : html`<span class="detail">${this.#recurrence(rule.recurringMonths)}</span>`}
      </td>
      <td class="commission"><span class="amount" part="amount">${this.amountText(rule)}</span></td>
    </tr>`;
  }

  /** The commission in exact terms: "12.5% of each sale", "$25.00 per sale", "$15.00 per lead". */
  amountText(rule: CommissionRule): string {
    switch (rule.type) {
      case 'percent_of_sale': {
        const percent = formatBasisPoints(rule.basisPoints, this.locale);
        return msg(str`${percent} of each sale`);
      }
      case 'flat_per_sale': {
        const amount = formatMoney(rule.amount, this.locale);
        return msg(str`${amount} per sale`);
      }
      case 'flat_per_lead': {
        const amount = formatMoney(rule.amount, this.locale);
        return msg(str`${amount} per lead`);
      }
    }
  }

  #kind(rule: CommissionRule): string {
    switch (rule.type) {
      case 'percent_of_sale':
        return msg('Percentage of sale');
      case 'flat_per_sale':
        return msg('Fixed amount per sale');
      case 'flat_per_lead':
        return msg('Fixed amount per lead');
    }
  }

  #recurrence(months: number | null): string {
    if (months === null) return msg('on the first sale only');
    return months === 1 ? msg('on renewals for 1 month') : msg(str`on renewals for ${months} months`);
  }
}

RpCommissionStructure.define('rp-commission-structure');

declare global {
  interface HTMLElementTagNameMap {
    'rp-commission-structure': RpCommissionStructure;
  }
}
