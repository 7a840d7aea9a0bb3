import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { OutboxList, OutboxMessage } from '@rp/contract';
import { errorState, loadingState } from '../../core/states.js';
import { RpAdminElement, adminGet, adminSignedOutState } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { outboxStyles } from './rp-admin-outbox.styles.js';

/** Where the outbox lives, relative to the API base. */
export const OUTBOX_PATH = '/admin/outbox';

/**
 * The mail the server kept instead of sending (its default outbox mailer, used while no
 * `RP_SMTP_URL` is configured): password resets, sign-up notices and the like, newest first.
 * Choosing a message opens it; web addresses in its text are links, so a password-reset link
 * can be followed from here. **Refresh** fetches mail that arrived since.
 *
 * @summary The demo's outbox of kept mail, for the merchant's back office.
 *
 * @slot header - Replaces the heading and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the outbox is empty.
 * @slot signed-out - Shown instead of the default text when no admin is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart refresh-button - The "Refresh" button.
 * @csspart list - The list of messages.
 * @csspart item - Each message in the list (a button).
 * @csspart message - The open message.
 * @csspart subject - The open message's subject.
 * @csspart body - The open message's text.
 * @csspart link - Each link in the text.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (links, the open message).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of addresses and dates.
 * @cssprop --rp-surface - Background.
 * @cssprop --rp-surface-alt - Background of the list and the empty state.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-outbox
 */
@localized()
export class RpAdminOutbox extends RpAdminElement {
  static override styles = [adminStyles, outboxStyles];

  /** The id of the open message; the newest opens by default. */
  @state() protected openId: number | null = null;

  protected readonly task = adminGet<OutboxList>(this, () => OUTBOX_PATH);

  #focusSubject = false;

  /** Fetches the outbox again. */
  reload(): void {
    void this.task.run();
  }

  protected override render(): TemplateResult {
    return html`<section>
      <slot name="header">${this._headerTemplate()}</slot>
      ${this.store.signedIn
        ? this.task.render({
            // While refreshing, the list stays in place.
            pending: () => (this.task.value ? this._contentTemplate(this.task.value.messages) : loadingState(msg('Loading the outbox…'))),
            complete: (list) => this._contentTemplate(list.messages),
            error: (error) => errorState(error, () => this.reload()),
          })
        : adminSignedOutState()}
    </section>`;
  }

  /** The heading, introduction and Refresh; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    const busy = this.task.status === TaskStatus.PENDING;
    return html`<div class="admin-header">
      <div>
        <h2 part="heading">${msg('Outbox')}</h2>
        <p class="intro">${msg('Mail the server kept instead of sending — password resets, sign-up notices — newest first.')}</p>
      </div>
      ${this.store.signedIn
        ? html`<div class="header-actions">
            <button type="button" part="refresh-button" ?disabled=${busy} @click=${() => this.reload()}>
              ${busy ? msg('Refreshing…') : msg('Refresh')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  protected _contentTemplate(messages: OutboxMessage[]): TemplateResult {
    if (messages.length === 0) return this._emptyTemplate();
    const sorted = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const open = sorted.find((m) => m.id === this.openId) ?? sorted[0]!;
    return html`<p class="count" role="status">
        ${sorted.length === 1 ? msg('1 message') : msg(str`${sorted.length} messages`)}
      </p>
      <div class="mailbox" aria-busy=${this.task.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <ul class="list" part="list" aria-label=${msg('Messages')}>
          ${repeat(
            sorted,
            (m) => m.id,
            (m) => html`<li>
              <button
                type="button"
                class="item"
                part="item"
                data-id=${m.id}
                aria-current=${m.id === open.id ? 'true' : 'false'}
                aria-controls="message"
                @click=${() => this.#open(m.id)}
              >
                <span class="item-top">
                  <span class="to">${m.to}</span>
                  <time datetime=${m.createdAt}>${this.#when(m.createdAt, true)}</time>
                </span>
                <span class="subject-line">${m.subject}</span>
                <span class="snippet">${snippet(m.text)}</span>
              </button>
            </li>`,
          )}
        </ul>
        ${this._messageTemplate(open)}
      </div>`;
  }

  protected _messageTemplate(m: OutboxMessage): TemplateResult {
    return html`<article class="message" part="message" id="message" aria-labelledby="subject">
      <header>
        <h3 id="subject" part="subject" tabindex="-1">${m.subject}</h3>
        <dl class="meta">
          <div><dt>${msg('To')}</dt><dd>${m.to}</dd></div>
          <div><dt>${msg('Written')}</dt><dd><time datetime=${m.createdAt}>${this.#when(m.createdAt)}</time></dd></div>
          <div>
            <dt>${msg('Delivery')}</dt>
            <dd>
              ${m.sentAt
                ? html`<span class="badge success">${msg(str`Sent ${this.#when(m.sentAt)}`)}</span>`
                : html`<span class="badge neutral">${msg('Kept in the outbox, not sent')}</span>`}
            </dd>
          </div>
        </dl>
      </header>
      <div class="body" part="body">${linkify(m.text)}</div>
    </article>`;
  }

  protected _emptyTemplate(): TemplateResult {
    return html`<div class="state empty" part="empty">
      <slot name="empty">
        <p class="empty-title">${msg('No mail yet')}</p>
        <p>
          ${msg(html`While the server has no <code>RP_SMTP_URL</code>, mail such as password resets and sign-up notices is kept here instead of being sent. With <code>RP_SMTP_URL</code> set, mail is sent and does not appear here.`)}
        </p>
      </slot>
    </div>`;
  }

  #open(id: number): void {
    this.openId = id;
    this.#focusSubject = true;
  }

  #when(iso: string, short = false): string {
    const options: Intl.DateTimeFormatOptions = short ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long', timeStyle: 'short' };
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(iso));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusSubject) {
      this.#focusSubject = false;
      this.renderRoot.querySelector<HTMLElement>('#subject')?.focus();
    }
  }
}

/** The first words of a message, for the list. */
function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89).trimEnd()}…` : flat;
}

// A web address in plain text, up to whitespace or a character that cannot end one.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/g;

/** The text with each http(s) address as a link; punctuation that ends a sentence stays text. */
export function linkify(text: string): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url = match[0];
    const trailing = /[.,;:!?)\]}]+$/.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    parts.push(text.slice(last, match.index));
    parts.push(html`<a part="link" href=${url}>${url}</a>`);
    last = match.index + url.length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

RpAdminOutbox.define('rp-admin-outbox');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-outbox': RpAdminOutbox;
  }
}
