import { html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { CenterForPartner } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { emptyState, errorState, loadingState, signedOutState } from '../core/states.js';
import { plainText } from '../core/plain-text.js';
import { loadPartnerCenter } from '../core/partner-center.js';
import { welcomeStyles } from './rp-welcome.styles.js';

/**
 * The partner's home page: greets the signed-in partner by first name and shows the merchant's
 * welcome message (plain text; blank lines separate paragraphs).
 *
 * @summary Welcome message of the partner center.
 *
 * @slot header - Replaces the default heading ("Welcome, Dana").
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the merchant has not written a welcome message.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart card - The card around the whole section.
 * @csspart header - The header holding the center name and the heading.
 * @csspart eyebrow - The center's name above the heading.
 * @csspart heading - The `h2` heading.
 * @csspart message - The welcome message.
 * @csspart paragraph - Each paragraph of the welcome message.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (center name, buttons).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Card background.
 * @cssprop --rp-surface-alt - Background of the empty state.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 * @cssprop --rp-welcome-heading-size - Font size of the heading.
 *
 * @customElement rp-welcome
 */
@localized()
export class RpWelcome extends RpElement {
  static override styles = [baseStyles, stateStyles, welcomeStyles];

  #reload = false;

  // The request is shared with <rp-portal> and <rp-nav> (one `GET /partner/center` per session).
  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token]) => {
      if (!token) return initialState;
      const reload = this.#reload;
      this.#reload = false;
      return loadPartnerCenter(store, { reload });
    },
  });

  /** Fetches the welcome message again. */
  reload(): void {
    this.#reload = true;
    void this.task.run();
  }

  /** The partner's first name, from the session. */
  protected get firstName(): string {
    const name = this.store.session?.partner.name.trim() ?? '';
    return name.split(/\s+/)[0] ?? '';
  }

  protected override render(): TemplateResult {
    const signedIn = this.store.signedIn;
    const center = this.task.value ?? this.store.center;
    return html`<section class="card" part="card">
      <header part="header">
        ${center ? html`<p class="eyebrow" part="eyebrow">${center.name}</p>` : nothing}
        <slot name="header">${this._headerTemplate()}</slot>
      </header>
      ${signedIn
        ? this.task.render({
            pending: () => loadingState(msg('Loading your welcome message…')),
            complete: (data) => this._contentTemplate(data),
            error: (error) => errorState(error, () => this.reload()),
          })
        : signedOutState()}
    </section>`;
  }

  /** The heading; override to change it without a slot. */
  protected _headerTemplate(): TemplateResult {
    const first = this.store.signedIn ? this.firstName : '';
    return html`<h2 id="heading" part="heading">${first ? msg(str`Welcome, ${first}`) : msg('Welcome')}</h2>`;
  }

  /** The message, then the summary (empty for now). */
  protected _contentTemplate(data: CenterForPartner): TemplateResult {
    const message = plainText(data.welcomeMessage);
    return html`${message === nothing
        ? emptyState(msg('Your partner center is ready. Your welcome message will appear here.'))
        : html`<div class="message" part="message">${message}</div>`}
      ${this._summaryTemplate(data)}`;
  }

  /**
   * A place for a summary below the message (a later release shows the partner's balance here).
   * Renders nothing by default.
   */
  protected _summaryTemplate(_data: CenterForPartner): TemplateResult | typeof nothing {
    return nothing;
  }
}

RpWelcome.define('rp-welcome');

declare global {
  interface HTMLElementTagNameMap {
    'rp-welcome': RpWelcome;
  }
}
