import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { centerContext } from './context.js';
import { storeFor, type CenterStore } from './center-store.js';

/** Where the API is when neither `api-base` nor an enclosing `<rp-center>` says. */
export const DEFAULT_API_BASE = '/api';

/**
 * Base of every `rp-*` element: finds the shared `CenterStore` (from an enclosing `<rp-center>`,
 * else the page-wide one for its `api-base`) and re-renders when the session or settings change.
 */
export class RpElement extends LitElement {
  /**
   * Registers the element under `tag` unless that tag is taken: a merchant's page that loads the
   * script twice gets a warning, not an exception.
   */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    if (customElements.get(tag)) {
      if (customElements.get(tag) !== ctor) console.warn(`<${tag}> is already defined; keeping the first definition.`);
      return;
    }
    customElements.define(tag, ctor);
  }

  /** Base URL of the API, e.g. `https://partners.example.com/api`. Inherited from `<rp-center>` when absent. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  @consume({ context: centerContext, subscribe: true })
  @state()
  protected contextStore?: CenterStore;

  #subscribed: CenterStore | null = null;
  #brandSheet: CSSStyleSheet | null = null;
  readonly #onStoreChange = () => this.storeChanged();

  /** The store this element reads from. */
  get store(): CenterStore {
    if (this.contextStore && !this.apiBase) return this.contextStore;
    return storeFor(this.apiBase ?? DEFAULT_API_BASE);
  }

  /** The center's locale for `Intl`, falling back to the browser's. */
  get locale(): string {
    return this.store.center?.locale ?? navigator.language ?? 'en-US';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscribed?.removeEventListener('change', this.#onStoreChange);
    this.#subscribed = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.isConnected) this.#subscribe();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.#applyBranding();
  }

  /**
   * The merchant's accent colour from the center settings, as a constructed stylesheet in this
   * shadow root (nothing is written to the host page's DOM, and a strict CSP allows it).
   */
  #applyBranding(): void {
    const accent = this.store.center?.branding.accentColor;
    const root = this.shadowRoot;
    // Checked here too: a merchant's own backend may send anything.
    if (!root || !accent || !/^#[0-9a-f]{6}$/i.test(accent)) return;
    if (!this.#brandSheet) {
      this.#brandSheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#brandSheet];
    }
    this.#brandSheet.replaceSync(`:host { --_brand-accent: ${accent}; }`);
  }

  /** Called when the store's session or settings change; re-renders by default. */
  protected storeChanged(): void {
    this.requestUpdate();
  }

  #subscribe(): void {
    const store = this.store;
    if (store === this.#subscribed) return;
    this.#subscribed?.removeEventListener('change', this.#onStoreChange);
    store.addEventListener('change', this.#onStoreChange);
    this.#subscribed = store;
    store.loadCenter().catch(() => {
      // Elements still work with the browser's locale; data requests report their own errors.
    });
    if (this.hasUpdated) this.requestUpdate();
  }
}
