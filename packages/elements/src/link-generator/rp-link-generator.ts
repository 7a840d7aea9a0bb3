import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { Destination, DestinationList, LinkCreate, LinkList, TrackedLink } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { ApiError, errorText } from '../core/api-client.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, errorState, loadingState, signedOutState } from '../core/states.js';
import { formatDate, formatNumber } from '../core/format.js';
import { fire } from '../core/events.js';
import { Copier, selectField } from '../core/copy.js';
import { reportStyles } from '../reports/report.styles.js';
import { table } from '../reports/rp-report.js';
import { linkGeneratorStyles } from './rp-link-generator.styles.js';
import './rp-clicks.js';

/** The fields of the form, as the API names them. */
const FIELDS = ['destinationId', 'path', 'campaign'] as const;

/**
 * Redirect links: the partner picks a page the merchant approved (and, where the destination
 * allows it, a path under its origin), optionally tags it with a campaign / sub-id, and gets the
 * full tracked link at once with a one-click **Copy**. Below: the partner's links with their
 * click counts, each with its own copy button, and clicks per link and day (`<rp-clicks>`).
 *
 * No QR code: the smallest well-kept generators are several KB gzipped, more than this whole
 * section, and the center has a 40 KB budget.
 *
 * @summary Creates and lists the partner's tracked links.
 *
 * @fires rp-link-created - A link was created. `detail.link` is the `TrackedLink`.
 *
 * @slot header - Replaces the heading ("Redirect Links") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the form when the merchant approved no destinations.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart form - The card with the form.
 * @csspart input - The form's select and inputs.
 * @csspart field-error - A field's error message.
 * @csspart create-button - The "Create link" button.
 * @csspart result - The new link with its copy button.
 * @csspart link - The read-only field holding the new link.
 * @csspart copy-button - Every copy button.
 * @csspart status - The live region ("Copied!").
 * @csspart table - The table of links.
 * @csspart clicks - The `<rp-clicks>` report under the links.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-surface-alt - Background of the path prefix and table header.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-success - Colour of the "Copied!" confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 */
@localized()
export class RpLinkGenerator extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, reportStyles, linkGeneratorStyles];

  /** The chosen destination. */
  @state() protected destinationId: number | null = null;
  /** The partner's links, newest first. */
  @state() protected links: TrackedLink[] = [];
  /** The link just created, shown with its copy button. */
  @state() protected created: TrackedLink | null = null;
  @state() protected creating = false;
  /** Field (API name) → message, from the browser's constraints or the server. */
  @state() protected fieldErrors: Record<string, string> = {};
  @state() protected formError = '';
  /** The copy buttons (keyed by URL) and the live region ("Copied!", "Link created."). */
  protected readonly copier = new Copier(this);

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) => {
      this.created = null;
      this.fieldErrors = {};
      this.formError = '';
      if (!token) return initialState;
      const [{ destinations }, { links }] = await Promise.all([
        store.client.get<DestinationList>('/partner/destinations', { signal }),
        store.client.get<LinkList>('/partner/links', { signal }),
      ]);
      this.links = links;
      if (!destinations.some((d) => d.id === this.destinationId)) this.destinationId = destinations[0]?.id ?? null;
      return destinations;
    },
  });

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${this.store.signedIn
        ? this.task.render({
            pending: () => loadingState(msg('Loading your links…')),
            complete: (destinations) => this._contentTemplate(destinations),
            error: (error) => errorState(error, () => void this.task.run()),
          })
        : signedOutState()}
    </section>`;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Redirect Links')}</h2>
      <p class="intro" part="intro">${msg('Share a tracked link to an approved page; every click is credited to you.')}</p>`;
  }

  protected _contentTemplate(destinations: Destination[]): TemplateResult {
    const destination = destinations.find((d) => d.id === this.destinationId);
    return html`${destination
        ? this._formTemplate(destinations, destination)
        : emptyState(msg('No pages are approved for linking yet.'))}
      ${this.copier.statusTemplate()}
      ${this._linksTemplate()}
      <rp-clicks part="clicks" api-base=${ifDefined(this.apiBase)}></rp-clicks>`;
  }

  protected _formTemplate(destinations: Destination[], destination: Destination): TemplateResult {
    const origin = new URL(destination.url).origin;
    return html`<form class="card create" part="form" novalidate aria-label=${msg('Create a link')} @submit=${this.#create} @input=${this.#clear}>
        ${this.formError ? html`<p class="field-error wide" role="alert">${this.formError}</p>` : nothing}
        <div class="field wide">
          <label for="destinationId">${msg('Destination')}</label>
          <select id="destinationId" name="destinationId" part="input" aria-describedby=${this.#describedBy('destinationId')}
            aria-invalid=${this.#invalid('destinationId')} @change=${this.#choose}>
            ${destinations.map((d) => html`<option value=${d.id} ?selected=${d === destination}>${d.name}</option>`)}
          </select>
          <p class="hint" id="destinationId-hint">
            ${destination.description} <span class="target">${destination.url}</span>
          </p>
          ${this.#error('destinationId')}
        </div>
        ${destination.allowSubpaths
          ? html`<div class="field">
              <label for="path">${msg('Path')} <span class="optional">${msg('(optional)')}</span></label>
              <div class="prefixed">
                <span class="prefix" aria-hidden="true" title=${origin}>${origin}</span>
                <input id="path" name="path" part="input" maxlength="512" placeholder="/shop/espresso" autocomplete="off"
                  spellcheck="false" aria-describedby=${this.#describedBy('path')} aria-invalid=${this.#invalid('path')} />
              </div>
              <p class="hint" id="path-hint">${msg(str`Any page under ${origin}.`)}</p>
              ${this.#error('path')}
            </div>`
          : nothing}
        <div class="field">
          <label for="campaign">${msg('Campaign / sub-id')} <span class="optional">${msg('(optional)')}</span></label>
          <input id="campaign" name="campaign" part="input" maxlength="64" pattern="\\s*[A-Za-z0-9._\\-]*\\s*" autocomplete="off"
            spellcheck="false" aria-describedby=${this.#describedBy('campaign')} aria-invalid=${this.#invalid('campaign')} />
          <p class="hint" id="campaign-hint">${msg('Letters, digits, dots, - and _.')}</p>
          ${this.#error('campaign')}
        </div>
        <div class="actions wide">
          <button type="submit" class="primary" part="create-button" ?disabled=${this.creating}>
            ${this.creating ? msg('Creating…') : msg('Create link')}
          </button>
        </div>
      </form>
      ${this.created ? this._resultTemplate(this.created) : nothing}`;
  }

  /** The new link in a read-only field, with its copy button. */
  protected _resultTemplate(link: TrackedLink): TemplateResult {
    return html`<div class="card result" part="result">
      <label for="new-link">${msg('Your new link')}</label>
      <div class="copy-row">
        <input id="new-link" class="url" part="link" readonly .value=${link.url} @focus=${selectField} />
        ${this._copyButtonTemplate(link, true)}
      </div>
      <p class="hint">
        ${msg('Redirects to')} <a href=${link.targetUrl} target="_blank" rel="noopener noreferrer">${link.targetUrl}</a>
      </p>
    </div>`;
  }

  protected _copyButtonTemplate(link: TrackedLink, primary = false): TemplateResult {
    return html`<button type="button" class="copy ${primary ? 'primary' : ''} ${this.copier.copied === link.url ? 'copied' : ''}"
      part="copy-button" data-url=${link.url} @click=${this.#copy}>
      ${this.copier.label(link.url, msg('Copy'))}<span class="visually-hidden"> ${link.url}</span>
    </button>`;
  }

  protected _linksTemplate(): TemplateResult {
    if (this.links.length === 0) return html`<p class="state">${msg('You have no links yet.')}</p>`;
    const locale = this.locale;
    return table<TrackedLink>(msg('Your links'), [
      { label: msg('Link'), cell: (l) => html`<span class="copy-row"><span class="url mono">${l.url}</span>${this._copyButtonTemplate(l)}</span>` },
      { label: msg('Destination'), cell: (l) => html`${l.destinationName}<span class="sub" title=${l.targetUrl}>${l.targetUrl}</span>` },
      { label: msg('Campaign'), cell: (l) => l.campaign || '—' },
      { label: msg('Clicks'), cell: (l) => formatNumber(l.clicks, locale), num: true },
      { label: msg('Created'), cell: (l) => formatDate(l.createdAt, locale), num: true },
    ], this.links);
  }

  #describedBy(name: string): string {
    return `${name}-hint${this.fieldErrors[name] ? ` ${name}-error` : ''}`;
  }

  #invalid(name: string): 'true' | 'false' {
    return this.fieldErrors[name] ? 'true' : 'false';
  }

  #error(name: string): TemplateResult | typeof nothing {
    const error = this.fieldErrors[name];
    return error ? html`<p class="field-error" part="field-error" id="${name}-error">${error}</p>` : nothing;
  }

  #choose(event: Event): void {
    this.destinationId = Number((event.target as HTMLSelectElement).value);
    this.fieldErrors = {};
  }

  #clear(event: Event): void {
    const name = (event.target as HTMLInputElement).name;
    if (this.fieldErrors[name]) this.fieldErrors = { ...this.fieldErrors, [name]: '' };
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.creating) return;
    const form = event.currentTarget as HTMLFormElement;
    const invalid = [...form.querySelectorAll('input')].filter((input) => !input.checkValidity());
    this.formError = '';
    this.fieldErrors = Object.fromEntries(invalid.map((input) => [input.name, input.validationMessage]));
    if (invalid.length) return this.#focusInvalid();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    let path = value('path');
    if (path && !path.startsWith('/')) path = `/${path}`;
    const body: LinkCreate = { destinationId: Number(value('destinationId')), path, campaign: value('campaign') };
    this.creating = true;
    try {
      const link = await this.store.client.post<TrackedLink>('/partner/links', { body });
      this.links = [link, ...this.links.filter((l) => l.id !== link.id)];
      this.created = link;
      fire(this, 'rp-link-created', { link });
      await this.copier.say(msg('Link created.'));
      this.renderRoot.querySelector<HTMLInputElement>('#new-link')?.focus();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = Object.fromEntries(FIELDS.filter((f) => fields[f]).map((f) => [f, fields[f]!]));
      if (Object.keys(this.fieldErrors).length) await this.#focusInvalid();
      else this.formError = errorText(error);
    } finally {
      this.creating = false;
    }
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  #copy(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    const url = button.dataset.url!;
    void this.copier.copy(url, button.parentElement!.querySelector('.url'), url);
  }
}

RpLinkGenerator.define('rp-link-generator');

declare global {
  interface HTMLElementTagNameMap {
    'rp-link-generator': RpLinkGenerator;
  }
}
