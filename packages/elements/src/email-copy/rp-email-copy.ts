import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg } from '@lit/localize';
import type { EmailCopy, EmailCopyList, resourcePaths } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { partnerGet } from '../core/partner-get.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, taskStates } from '../core/states.js';
import { Copier, selectField } from '../core/copy.js';
import { emailCopyStyles } from './rp-email-copy.styles.js';

const path: (typeof resourcePaths)['emailCopy'] = '/partner/email-copy';

/**
 * Email copy from the merchant, filled in for the signed-in partner (their name, their tracked
 * link): each email's subject and body, copied apart with one click each. Where the merchant
 * wrote an HTML body, a **Plain text / HTML** switch shows either the text or a preview of the
 * HTML (its source on request); copying the HTML gives a rich paste where the browser can, with
 * the plain text beside it for programs that take text only.
 *
 * The HTML comes from the API sanitized (on the merchant's write) with every merge value
 * escaped, and is shown as the API gives it.
 *
 * @summary Ready-to-send email copy with the partner's link.
 *
 * @slot header - Replaces the heading ("Email Copy") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the merchant has no email copy.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart list - The list of emails.
 * @csspart email - Each email's card.
 * @csspart name - Each email's `h3` name.
 * @csspart subject - The subject line.
 * @csspart format - The Plain text / HTML switch.
 * @csspart body - The plain-text body.
 * @csspart preview - The rendered HTML body.
 * @csspart source - The HTML source disclosure.
 * @csspart code - The read-only box with the HTML source.
 * @csspart copy-button - Every copy button.
 * @csspart status - The live region ("Copied!").
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, links, the chosen format, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of labels.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the subject, body and source boxes.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-success - Colour of the "Copied!" confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-email-copy
 */
@localized()
export class RpEmailCopy extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, emailCopyStyles];

  /** Ids of the emails shown as plain text although they have an HTML body (HTML is the default). */
  @state() protected plain = new Set<number>();

  protected readonly task = partnerGet<EmailCopyList>(this, path);
  protected readonly copier = new Copier(this);

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${taskStates(this, this.task, msg('Loading email copy…'), (list) => this._listTemplate(list.emails))}
      ${this.copier.statusTemplate()}
    </section>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Email Copy')}</h2>
      <p class="intro" part="intro">${msg('Emails ready to send, with your own link filled in. Copy the subject and the body into your email program.')}</p>`;
  }

  protected _listTemplate(emails: EmailCopy[]): TemplateResult {
    if (emails.length === 0) return emptyState(msg('There is no email copy yet.'));
    return html`<ul class="list" part="list">
      ${emails.map((email) => html`<li>${this._emailTemplate(email)}</li>`)}
    </ul>`;
  }

  /** One email's card. */
  protected _emailTemplate(e: EmailCopy): TemplateResult {
    const id = `email-${e.id}`;
    const asHtml = e.bodyHtml !== null && !this.plain.has(e.id);
    return html`<article class="card email" part="email" aria-labelledby=${id}>
      <h3 id=${id} part="name">${e.name}</h3>
      <div class="row">
        <div class="row-head">
          <span class="label">${msg('Subject')}</span>
          ${this.#button(`s${e.id}`, id, msg('Copy subject'))}
        </div>
        <p class="box" part="subject">${e.subject}</p>
      </div>
      <div class="row">
        <div class="row-head">
          <span class="label" id="${id}-body">${msg('Body')}</span>
          ${e.bodyHtml === null ? nothing : this._formatTemplate(e, asHtml)}
          ${this.#button(`b${e.id}`, id, msg('Copy body'))}
        </div>
        ${asHtml
          ? html`<div class="box preview" part="preview" role="group" aria-labelledby="${id}-body">${unsafeHTML(e.bodyHtml)}</div>`
          : html`<div class="box plain" part="body" role="group" aria-labelledby="${id}-body">${e.bodyText}</div>`}
      </div>
      ${asHtml
        ? html`<details part="source">
            <summary>${msg('HTML source')}</summary>
            ${this.#button(`h${e.id}`, id, msg('Copy source'))}
            <textarea class="code" part="code" readonly spellcheck="false" aria-label=${msg('HTML source')} .value=${e.bodyHtml!}
              @focus=${selectField}></textarea>
          </details>`
        : nothing}
    </article>`;
  }

  /** The Plain text / HTML switch of an email with an HTML body. */
  protected _formatTemplate(e: EmailCopy, asHtml: boolean): TemplateResult {
    const option = (value: string, label: string, checked: boolean) =>
      html`<label><input type="radio" name="format-${e.id}" value=${value} .checked=${checked} data-id=${e.id}
        @change=${this.#switch} />${label}</label>`;
    return html`<fieldset class="format" part="format">
      <legend class="visually-hidden">${msg('Body format')}</legend>
      ${option('text', msg('Plain text'), !asHtml)}${option('html', msg('HTML'), asHtml)}
    </fieldset>`;
  }

  #button(key: string, describedBy: string, label: string): TemplateResult {
    return html`<button type="button" class="copy" part="copy-button" aria-describedby=${describedBy} data-key=${key}
      @click=${this.#copy}>${this.copier.label(key, label)}</button>`;
  }

  #switch(event: Event): void {
    const input = event.target as HTMLInputElement;
    const plain = new Set(this.plain);
    if (input.value === 'text') plain.add(Number(input.dataset.id));
    else plain.delete(Number(input.dataset.id));
    this.plain = plain;
  }

  #copy(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    const key = button.dataset.key!;
    const email = this.task.value?.emails.find((e) => String(e.id) === key.slice(1));
    if (!email) return;
    const target = button.closest('.row, details')?.querySelector('.box, textarea');
    if (key[0] === 's') void this.copier.copy(key, target, email.subject);
    else if (key[0] === 'h') void this.copier.copy(key, target, email.bodyHtml!);
    else if (email.bodyHtml !== null && !this.plain.has(email.id)) void this.copier.copy(key, target, email.bodyText, email.bodyHtml);
    else void this.copier.copy(key, target, email.bodyText);
  }
}

RpEmailCopy.define('rp-email-copy');

declare global {
  interface HTMLElementTagNameMap {
    'rp-email-copy': RpEmailCopy;
  }
}
