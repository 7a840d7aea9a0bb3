import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import type { CenterForPartner, MenuCategory, MenuItemId, PartnerMenuEntry } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { errorState, signedOutState } from '../core/states.js';
import { loadPartnerCenter } from '../core/partner-center.js';
import { categoryLabel, itemLabel, menuCategoryOrder, sectionHash } from './menu.js';
import { navStyles } from './rp-nav.styles.js';

/** How the menu lays itself out: `auto` is compact below 720 px of viewport, else a sidebar list. */
export type NavLayout = 'auto' | 'sidebar' | 'compact';

const chevron = html`<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="m6 9 6 6 6-6"/></svg>`;

/**
 * The partner center's menu: the items the merchant made visible, grouped under **Home**,
 * **Resources** and **Reports**, as links to `#/<section>`. Up/Down arrow keys move between
 * items. On narrow screens it collapses into a "Menu" disclosure button.
 *
 * @summary Partner center menu.
 *
 * @fires rp-navigate - When the partner chooses an item; cancelable (`preventDefault()` keeps the
 *   hash link from being followed); `detail: { section }`.
 *
 * @slot loading - Replaces the loading text.
 * @slot signed-out - Replaces the text shown when nobody is signed in.
 *
 * @csspart nav - The `<nav>` landmark.
 * @csspart category - Each category group.
 * @csspart category-heading - Each category heading (Home, Resources, Reports).
 * @csspart list - Each list of items.
 * @csspart item - Each menu link.
 * @csspart current - The current menu link (together with `item`).
 * @csspart menu-button - The compact layout's "Menu" button.
 * @csspart panel - The compact layout's drop-down list.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The error state's "Try again" button.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Colour of the current item.
 * @cssprop --rp-radius - Corner radius of items.
 *
 * @customElement rp-nav
 */
@localized()
export class RpNav extends RpElement {
  static override styles = [baseStyles, navStyles];

  /** The id of the section being shown (e.g. `welcome`); it gets `aria-current="page"`. */
  @property({ reflect: true }) current?: string;

  /** `auto` (compact below 720 px of viewport), `sidebar` or `compact`. */
  @property({ reflect: true }) layout: NavLayout = 'auto';

  /** Whether the compact menu is open. */
  @state() protected open = false;
  @state() protected narrowViewport = false;

  #media: MediaQueryList | null = null;
  readonly #onMedia = () => {
    this.narrowViewport = this.#media?.matches ?? false;
  };
  readonly #onDocumentClick = (event: Event) => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  protected readonly menuTask = new Task(this, {
    task: async ([store, token]) => (token ? loadPartnerCenter(store) : null),
    args: () => [this.store, this.store.session?.token ?? null] as const,
  });

  /** Whether the compact layout is in use. */
  get compact(): boolean {
    return this.layout === 'compact' || (this.layout === 'auto' && this.narrowViewport);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media = globalThis.matchMedia?.('(max-width: 719.98px)') ?? null;
    this.#media?.addEventListener('change', this.#onMedia);
    this.#onMedia();
    document.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener('change', this.#onMedia);
    document.removeEventListener('click', this.#onDocumentClick);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Read on every update too: change events only arrive while the page renders.
    if (this.#media) this.narrowViewport = this.#media.matches;
    if (!this.compact) this.open = false;
  }

  protected override render(): TemplateResult {
    if (!this.store.signedIn) return signedOutState();
    return this.menuTask.render({
      initial: () => this.loadingTemplate(),
      pending: () => this.loadingTemplate(),
      complete: (center) => (center ? this.menuTemplate(center) : signedOutState()),
      error: (error) => errorState(error, () => void this.menuTask.run()),
    });
  }

  protected loadingTemplate(): TemplateResult {
    return html`<div class="state loading" part="loading" role="status">
      <span class="visually-hidden"><slot name="loading">${msg('Loading the menu…')}</slot></span>
      <div class="skeleton" aria-hidden="true">
        <span></span><span></span><span></span><span></span><span></span><span></span>
      </div>
    </div>`;
  }

  protected menuTemplate(center: CenterForPartner): TemplateResult {
    const groups = menuCategoryOrder
      .map((category) => ({ category, items: center.menu.filter((entry) => entry.category === category) }))
      .filter((group) => group.items.length > 0);
    const lists = groups.map((group) => this.categoryTemplate(group.category, group.items));
    if (!this.compact) {
      return html`<nav part="nav" aria-label=${msg('Partner center')} @keydown=${this.onKeydown}>${lists}</nav>`;
    }
    const currentEntry = center.menu.find((entry) => entry.id === this.current);
    return html`<nav part="nav" class="compact" aria-label=${msg('Partner center')} @keydown=${this.onKeydown}
      @focusout=${this.onFocusOut}>
      <button
        part="menu-button"
        class="menu-button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.toggle}
      >
        <span class="menu-word">${msg('Menu')}</span>
        <span class="current">${currentEntry ? itemLabel(currentEntry) : ''}</span>
        ${chevron}
      </button>
      <div id="panel" part="panel" class="panel" ?hidden=${!this.open}>${lists}</div>
    </nav>`;
  }

  protected categoryTemplate(category: MenuCategory, items: PartnerMenuEntry[]): TemplateResult {
    const headingId = `category-${category}`;
    return html`<div class="category" part="category">
      <h2 id=${headingId} part="category-heading">${categoryLabel(category)}</h2>
      <ul part="list" aria-labelledby=${headingId}>
        ${items.map((entry) => {
          const current = entry.id === this.current;
          return html`<li>
            <a
              class="item"
              part=${current ? 'item current' : 'item'}
              href=${sectionHash(entry.id)}
              data-section=${entry.id}
              aria-current=${current ? 'page' : nothing}
              @click=${(event: MouseEvent) => this.onItemClick(event, entry.id)}
              >${itemLabel(entry)}</a
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  /** The menu links in order. */
  protected get items(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('a.item')];
  }

  protected onItemClick(event: MouseEvent, section: MenuItemId): void {
    const proceed = fire(this, 'rp-navigate', { section }, { cancelable: true });
    if (!proceed) {
      event.preventDefault();
      return;
    }
    this.current = section;
    this.open = false;
  }

  protected async toggle(): Promise<void> {
    this.open = !this.open;
  }

  protected async onKeydown(event: KeyboardEvent): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement;
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      this.open = false;
      await this.updateComplete;
      root.querySelector<HTMLButtonElement>('.menu-button')?.focus();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const items = this.items;
    if (items.length === 0) return;
    if (active?.classList.contains('menu-button')) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      this.open = true;
      await this.updateComplete;
      (items.find((item) => item.dataset.section === this.current) ?? items[0])?.focus();
      return;
    }
    const index = items.indexOf(active as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const last = items.length - 1;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowDown' ? (index === last ? 0 : index + 1) : index === 0 ? last : index - 1;
    items[next]?.focus();
  }

  protected onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (this.open && to && !this.renderRoot.contains(to)) this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-nav': RpNav;
  }
}

RpNav.define('rp-nav');
