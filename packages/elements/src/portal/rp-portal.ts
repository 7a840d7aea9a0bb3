import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { provide } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { CenterForPartner, MenuItemId } from '@rp/contract';
import { DEFAULT_API_BASE, RpElement } from '../core/rp-element.js';
import { storeFor, type CenterStore, type SessionPersistence } from '../core/center-store.js';
import { centerContext } from '../core/context.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { emptyState, errorState, loadingState } from '../core/states.js';
import { loadPartnerCenter } from '../core/partner-center.js';
import { builtInLabel, itemLabel, sectionFromHash, sectionHash } from '../nav/menu.js';
import '../nav/rp-nav.js';
import '../signin/rp-signin.js';
import type { RpSignin } from '../signin/rp-signin.js';
import type { RpOpenPageDetail, RpResourcePages } from '../resource-pages/rp-resource-pages.js';
import { portalStyles } from './rp-portal.styles.js';

/** Loads every section's element (one chunk in the built bundle). */
const loadSections = () => import('./sections.js');

/** The tag of a section's element: `rp-<section>` (`<rp-profile>`), but for the links. */
const sectionTag = (id: MenuItemId): string => (id === 'links' ? 'rp-link-generator' : `rp-${id}`);

/** The part of the hash after the section: `brand-guidelines` of `#/resource-pages/brand-guidelines`. */
const pageFromHash = (hash: string): string => decodeURIComponent(hash.replace(/^#\/?/, '')).split(/[/?]/)[1] ?? '';

type SectionLoad = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

/**
 * The whole partner center in one tag: the sign-in card while signed out; once signed in, a
 * header with the partner's name and a sign-out button, the menu, and the chosen section. The
 * section lives in the URL hash (`#/profile`; a resource page at `#/resource-pages/<slug>`), so
 * reloads, back/forward and shared links work. Sections load lazily when first shown.
 *
 * @summary The whole partner center.
 *
 * @fires rp-signed-out - After the partner signed out with the header's button (`detail: { reason: 'signed-out' }`), or when the server ended the session (`reason: 'expired'`).
 * @fires rp-signed-in - (from the inner `<rp-signin>`) after signing in; `detail: { partner }`.
 * @fires rp-navigate - (from the inner `<rp-nav>`) when a menu item is chosen; cancelable; `detail: { section }`.
 *
 * @csspart signin - The sign-in element shown while signed out.
 * @csspart header - The bar at the top with the center's name and the account.
 * @csspart brand - The center's logo and name.
 * @csspart logo - The center's logo image.
 * @csspart account - The "Signed in as" text and sign-out button.
 * @csspart sign-out - The sign-out button.
 * @csspart sidebar - The column holding the menu.
 * @csspart nav - The `<rp-nav>` element.
 * @csspart main - The region showing the current section (focused after navigating).
 * @csspart loading - Loading states.
 * @csspart error - Error states.
 * @csspart retry - Error states' "Try again" button.
 *
 * @cssprop --rp-page-background - Background behind the cards (default: `--rp-surface-alt`).
 * @cssprop --rp-sidebar-width - Width of the menu column on wide screens (default 16rem).
 * @cssprop --rp-portal-max-width - Maximum width of the content (default 76rem).
 * @cssprop --rp-portal-min-height - Minimum height of the portal (default 100%).
 * @cssprop --rp-sticky-top - Distance of the sticky menu from the top of the viewport on wide
 *   screens, e.g. the height of the merchant's own sticky header (default `--rp-space`).
 * @cssprop --rp-accent - Accent colour of buttons, links and the current menu item.
 *
 * @customElement rp-portal
 */
@localized()
export class RpPortal extends RpElement {
  static override styles = [baseStyles, portalStyles];

  /** Where the session is kept across reloads: `session` (default), `local` or `none`. */
  @property({ attribute: 'session-storage' }) sessionPersistence: SessionPersistence = 'session';

  /** Set while the portal is narrower than 720 px; the menu is then compact. */
  @property({ type: Boolean, reflect: true }) narrow = false;

  /** The store this portal provides to the elements inside it. */
  @provide({ context: centerContext }) protected providedStore?: CenterStore;

  /** The section the URL asks for (may be unknown or hidden). */
  @state() protected requested: string = sectionFromHash(globalThis.location?.hash ?? '');
  /** The rest of the hash after the section (the resource page being read). */
  @state() protected page = '';
  /** Text announced to screen readers after navigating. */
  @state() protected announcement = '';
  /** The sections' module: all sections arrive together (see sections.ts). */
  @state() protected sectionsLoad: SectionLoad | null = null;

  /** The element of the section shown, made when the section changes. */
  #sectionElement?: HTMLElement;
  #focusHeading = false;
  #focusHeadingAfterRender = false;
  #wasSignedIn: boolean | null = null;
  #resizeObserver: ResizeObserver | null = null;
  readonly #onHashChange = () => {
    const requested = sectionFromHash(location.hash);
    this.page = pageFromHash(location.hash);
    // Within a section (a resource page and back), the section's element moves focus itself.
    if (requested === this.requested) return;
    this.requested = requested;
    this.#focusHeading = true;
  };
  readonly #onOpenPage = (event: CustomEvent<RpOpenPageDetail>) => {
    // The page gets its own address; the hash change then shows it.
    event.preventDefault();
    location.hash = sectionHash('resource-pages') + (event.detail.slug ? `/${encodeURIComponent(event.detail.slug)}` : '');
  };

  protected readonly menuTask = new Task(this, {
    task: async ([store, token]) => (token ? loadPartnerCenter(store) : null),
    args: () => [this.store, this.store.session?.token ?? null] as const,
  });

  override get store(): CenterStore {
    if (this.contextStore && !this.apiBase) return this.contextStore;
    return storeFor(this.apiBase ?? DEFAULT_API_BASE, this.sessionPersistence);
  }

  override connectedCallback(): void {
    this.providedStore = this.store;
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    this.requested = sectionFromHash(location.hash);
    this.page = pageFromHash(location.hash);
    this.#resizeObserver = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      // Next frame: changing the layout inside the observer's callback would loop.
      if (width > 0) setTimeout(() => (this.narrow = width < 720));
    });
    this.#resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
  }

  /** The section being shown: the requested one if visible, else the first visible item. */
  get section(): MenuItemId | null {
    const center = this.#menu();
    if (!center) return null;
    return center.menu.find((entry) => entry.id === this.requested)?.id ?? center.menu[0]?.id ?? null;
  }

  /** Loads the module of a section's element. */
  protected loadSection(_id: MenuItemId): Promise<unknown> {
    return loadSections();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Measured on updates as well as by the observer, whose callbacks need a rendering page.
    const width = this.isConnected ? this.getBoundingClientRect().width : 0;
    if (width > 0) this.narrow = width < 720;
    if (this.providedStore !== this.store) this.providedStore = this.store;
    const signedIn = this.store.signedIn;
    if (this.#wasSignedIn === false && signedIn) this.#focusHeading = true;
    // The server ended the session (expired or revoked): tell the page, as a Sign out click would.
    if (this.#wasSignedIn === true && !signedIn && this.store.lastSignOutReason === 'expired') {
      fire(this, 'rp-signed-out', { reason: 'expired' });
    }
    this.#wasSignedIn = signedIn;
    const center = this.#menu();
    const section = this.section;
    if (!center || !section) return;
    if (section !== this.requested) {
      // An unknown or hidden section: show the first visible one, replacing the history entry.
      history.replaceState(history.state, '', sectionHash(section));
      this.requested = section;
    }
    if (!this.sectionsLoad) this.#startLoading(section);
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.#focusHeadingAfterRender = true;
      const entry = center.menu.find((item) => item.id === section);
      this.announcement = entry ? itemLabel(entry) : builtInLabel(section);
    }
  }

  #menu(): CenterForPartner | null {
    if (!this.store.signedIn || this.menuTask.status !== TaskStatus.COMPLETE) return null;
    return this.menuTask.value ?? null;
  }

  protected override render(): TemplateResult {
    if (!this.store.signedIn) {
      this.#sectionElement = undefined;
      return html`<div class="signin-wrap"><rp-signin part="signin" exportparts="card: signin-card"></rp-signin></div>`;
    }
    return html`${this.headerTemplate()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.menuTask.render({
        initial: () => this.shellTemplate(loadingState()),
        pending: () => this.shellTemplate(loadingState()),
        complete: (center) => (center ? this.shellTemplate(this.mainTemplate(center)) : nothing),
        error: (error) =>
          html`<div class="layout single">
            <div class="main">${errorState(error, () => void this.menuTask.run())}</div>
          </div>`,
      })}`;
  }

  protected headerTemplate(): TemplateResult {
    const center = this.store.center;
    const name = this.store.session?.partner.name ?? '';
    return html`<div class="topbar" part="header">
      <div class="brand" part="brand">
        ${center?.branding.logoUrl
          ? html`<img part="logo" src=${center.branding.logoUrl} alt="" />`
          : center
            ? html`<span class="monogram" aria-hidden="true">${center.name.trim().charAt(0).toUpperCase()}</span>`
            : nothing}
        <span>${center?.name ?? msg('Partner center')}</span>
      </div>
      <div class="account" part="account">
        <span class=${this.narrow ? 'who visually-hidden' : 'who'}><span class="who-label">${msg('Signed in as')} </span><strong>${name}</strong></span>
        <button part="sign-out" type="button" @click=${this.onSignOut}>${msg('Sign out')}</button>
      </div>
    </div>`;
  }

  protected shellTemplate(main: TemplateResult): TemplateResult {
    return html`<div class="layout">
      <div class="sidebar" part="sidebar">
        <rp-nav part="nav" current=${this.section ?? nothing} layout=${this.narrow ? 'compact' : 'sidebar'}></rp-nav>
      </div>
      <div class="main">${main}</div>
    </div>`;
  }

  protected mainTemplate(center: CenterForPartner): TemplateResult {
    const id = this.section;
    const entry = center.menu.find((item) => item.id === id);
    if (!id || !entry) return emptyState(msg('There is nothing in the partner center yet.'));
    const label = itemLabel(entry);
    // Section elements carry their own visible heading; the region is named and focused instead.
    return html`<section
      id="section"
      class="section"
      part="main"
      aria-label=${label}
      tabindex="-1"
      data-section=${id}
      @rp-open-page=${this.#onOpenPage}
    >
      ${this.sectionTemplate(id, label)}
    </section>`;
  }

  /** The body of a section. */
  protected sectionTemplate(id: MenuItemId, label: string): TemplateResult {
    const load = this.sectionsLoad;
    if (!load || load.status === 'loading') return loadingState(msg(str`Loading ${label}…`));
    if (load.status === 'error') return errorState(load.error, () => this.#startLoading(id));
    const tag = sectionTag(id);
    if (this.#sectionElement?.localName !== tag) this.#sectionElement = document.createElement(tag);
    // The rest of the hash is the resource page being read (`#/resource-pages/<slug>`).
    if (id === 'resource-pages') (this.#sectionElement as RpResourcePages).page = this.page;
    return html`${this.#sectionElement}`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusHeadingAfterRender) {
      this.#focusHeadingAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('#section')?.focus();
    }
  }

  #startLoading(id: MenuItemId): void {
    this.sectionsLoad = { status: 'loading' };
    this.loadSection(id).then(
      () => (this.sectionsLoad = { status: 'ready' }),
      (error: unknown) => (this.sectionsLoad = { status: 'error', error }),
    );
  }

  protected async onSignOut(): Promise<void> {
    await this.store.signOut();
    fire(this, 'rp-signed-out', { reason: 'signed-out' });
    await this.updateComplete;
    const signin = this.renderRoot.querySelector<RpSignin>('rp-signin');
    await signin?.updateComplete;
    signin?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-portal': RpPortal;
  }
}

RpPortal.define('rp-portal');
