import { html, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Program, ProgramList } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, taskStates } from '../core/states.js';
import { formatDate } from '../core/format.js';
import { plainText } from '../core/plain-text.js';
import { programTermsTemplate } from './program-terms.js';
import { programsStyles } from './rp-programs.styles.js';

/**
 * The programs the signed-in partner is enrolled in: a card per program with the merchant's
 * description, the enrolment date, the attribution window and the hold period.
 *
 * @summary The partner's programs.
 *
 * @slot header - Replaces the default heading ("My Programs").
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the partner is in no program.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart list - The list of program cards.
 * @csspart program - Each program's card.
 * @csspart program-name - Each program's `h3` name.
 * @csspart enrolled - The "Enrolled" badge.
 * @csspart description - The merchant's description of a program.
 * @csspart paragraph - Each paragraph of a description.
 * @csspart terms - The list of a program's terms (enrolled since, attribution, hold).
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the terms.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-success - Colour of the "Enrolled" badge.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-programs
 */
@localized()
export class RpPrograms extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, programsStyles];

  protected readonly task = partnerGet<ProgramList>(this, '/partner/programs');

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head">
        <slot name="header">${this._headerTemplate()}</slot>
        ${this.task.value && this.store.signedIn && this.task.value.programs.length > 0
          ? html`<p class="count">${this.#countText(this.task.value.programs.length)}</p>`
          : ''}
      </div>
      ${taskStates(this, this.task, msg('Loading your programs…'), (list) => this._listTemplate(list.programs))}
    </section>`;
  }

  #countText(count: number): string {
    return count === 1 ? msg('1 program') : msg(str`${count} programs`);
  }

  /** The heading; override to change it without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('My Programs')}</h2>`;
  }

  protected _listTemplate(programs: Program[]): TemplateResult {
    if (programs.length === 0) return emptyState(msg('You are not enrolled in any programs yet.'));
    return html`<ul class="list" part="list">
      ${programs.map((program) => html`<li>${this._programTemplate(program)}</li>`)}
    </ul>`;
  }

  /** One program's card. */
  protected _programTemplate(program: Program): TemplateResult {
    return html`<article class="card program" part="program" aria-labelledby="program-${program.id}">
      <div class="program-head">
        <h3 id="program-${program.id}" part="program-name">${program.name}</h3>
        <span class="badge" part="enrolled">${msg('Enrolled')}</span>
      </div>
      ${program.description.trim()
        ? html`<div class="description" part="description">${plainText(program.description)}</div>`
        : ''}
      ${programTermsTemplate(
        program,
        html`<div>
          <dt>${msg('Enrolled since')}</dt>
          <dd>${formatDate(program.enrolledAt, this.locale, 'long')}</dd>
        </div>`,
      )}
    </article>`;
  }
}

RpPrograms.define('rp-programs');

declare global {
  interface HTMLElementTagNameMap {
    'rp-programs': RpPrograms;
  }
}
