import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, msg } from '@lit/localize';
import { adminStyles } from '../admin-styles.js';
import { RpAdminElement, adminSignedOutState } from '../rp-admin-element.js';
import './rp-admin-banners.js';
import './rp-admin-email-copy.js';
import './rp-admin-resource-pages.js';

/** The tabs, by the value of the `tab` attribute. */
export const RESOURCE_TABS = ['banners', 'email-copy', 'resource-pages'] as const;
export type ResourceTab = (typeof RESOURCE_TABS)[number];

/**
 * The promotional material partners pick up, managed in one place: tabs for banners
 * (`<rp-admin-banners>`), email copy (`<rp-admin-email-copy>`) and resource pages
 * (`<rp-admin-resource-pages>`). A tab's editor is created when first shown and kept while
 * another tab is open, so switching tabs never loses what the merchant typed.
 *
 * The tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them.
 *
 * @summary Back office: banners, email copy and resource pages in three tabs.
 *
 * @slot header - Replaces the heading ("Promotional resources") and its introduction.
 * @slot signed-out - Shown instead of the default text while no admin is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart intro - The sentence under the heading.
 * @csspart tablist - The row of tabs.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (the selected tab, buttons, focus).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of unselected tabs and hints.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-resources
 */
@localized()
export class RpAdminResources extends RpAdminElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        container-type: inline-size;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25rem;
        margin-bottom: calc(var(--_space) * 1.25);
        border-bottom: 1px solid var(--_border);
        overflow-x: auto;
        scrollbar-width: thin;
      }
      [role='tab'] {
        flex: none;
        min-height: 2.75rem;
        padding: 0.5rem 0.9rem;
        margin-bottom: -1px;
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: calc(var(--_radius) * 0.6) calc(var(--_radius) * 0.6) 0 0;
        background: none;
        color: var(--_muted);
        font-weight: 600;
        white-space: nowrap;
      }
      [role='tab']:hover:not([aria-selected='true']) {
        color: var(--_text);
        background: var(--_surface-alt);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--_accent);
        border-bottom-color: var(--_accent);
      }
      @container (max-width: 26rem) {
        [role='tablist'] {
          gap: 0;
        }
        [role='tab'] {
          padding-inline: 0.45rem;
          font-size: 0.875rem;
        }
      }
      [role='tabpanel']:focus-visible {
        box-shadow: none;
        outline: 2px solid color-mix(in srgb, var(--_accent) 35%, transparent);
        outline-offset: 4px;
        border-radius: 2px;
      }
    `,
  ];

  /** The open tab: `banners`, `email-copy` or `resource-pages`. */
  @property({ reflect: true }) tab: ResourceTab = 'banners';

  /** Tabs shown at least once: their editors stay in the page. */
  @state() protected visited = new Set<ResourceTab>();

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (!RESOURCE_TABS.includes(this.tab)) this.tab = 'banners';
    if (!this.visited.has(this.tab)) this.visited = new Set([...this.visited, this.tab]);
  }

  protected get labels(): Record<ResourceTab, string> {
    return { banners: msg('Banners'), 'email-copy': msg('Email copy'), 'resource-pages': msg('Resource pages') };
  }

  protected override render(): TemplateResult {
    return html`<section>
      <div class="admin-header"><slot name="header">${this._headerTemplate()}</slot></div>
      ${this.store.signedIn ? this._tabsTemplate() : adminSignedOutState()}
    </section>`;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div>
      <h2 part="heading">${msg('Promotional resources')}</h2>
      <p class="intro" part="intro">${msg('What partners copy from their center: banners, ready-made emails and pages of guidance.')}</p>
    </div>`;
  }

  protected _tabsTemplate(): TemplateResult {
    const labels = this.labels;
    return html`<div role="tablist" part="tablist" aria-label=${msg('Resources')} @keydown=${this.#keydown}>
        ${RESOURCE_TABS.map((tab) => {
          const selected = tab === this.tab;
          return html`<button type="button" role="tab" part="tab" id="tab-${tab}" aria-controls="panel-${tab}"
            aria-selected=${selected ? 'true' : 'false'} tabindex=${selected ? '0' : '-1'} @click=${() => this.#select(tab)}>
            ${labels[tab]}
          </button>`;
        })}
      </div>
      ${RESOURCE_TABS.map(
        (tab) => html`<div role="tabpanel" part="panel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${tab !== this.tab}>
          ${this.visited.has(tab) ? this._panelTemplate(tab) : nothing}
        </div>`,
      )}`;
  }

  protected _panelTemplate(tab: ResourceTab): TemplateResult {
    const apiBase = ifDefined(this.apiBase);
    switch (tab) {
      case 'banners':
        return html`<rp-admin-banners embedded api-base=${apiBase}></rp-admin-banners>`;
      case 'email-copy':
        return html`<rp-admin-email-copy embedded api-base=${apiBase}></rp-admin-email-copy>`;
      case 'resource-pages':
        return html`<rp-admin-resource-pages embedded api-base=${apiBase}></rp-admin-resource-pages>`;
    }
  }

  #select(tab: ResourceTab): void {
    this.tab = tab;
  }

  async #keydown(event: KeyboardEvent): Promise<void> {
    const index = RESOURCE_TABS.indexOf(this.tab);
    const last = RESOURCE_TABS.length - 1;
    const moves: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select(RESOURCE_TABS[next]!);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  }
}

RpAdminResources.define('rp-admin-resources');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-resources': RpAdminResources;
  }
}
