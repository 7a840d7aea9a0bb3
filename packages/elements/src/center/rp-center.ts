import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { provide } from '@lit/context';
import { centerContext } from '../core/context.js';
import { storeFor, type CenterStore, type SessionPersistence } from '../core/center-store.js';
import { DEFAULT_API_BASE, RpElement } from '../core/rp-element.js';
import '../portal/rp-portal.js';

/**
 * Provides one API client and one session to every `rp-*` element inside it, through
 * `@lit/context`: one sign-in serves them all and signing out clears them all. With no child
 * elements it shows the whole center (`<rp-portal>`).
 *
 * @summary Shares the API and session with the elements inside; the whole center when empty.
 *
 * @slot - The `rp-*` elements (and any other content) that share this center's session.
 *
 * @csspart portal - The `<rp-portal>` shown when the element has no children.
 *
 * @customElement rp-center
 */
@localized()
export class RpCenter extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** Base URL of the API (default `/api`). */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** Where the session is kept across reloads: `session` (default), `local` or `none`. */
  @property({ attribute: 'session-storage' }) sessionPersistence: SessionPersistence = 'session';

  /** The store provided to descendants. */
  @provide({ context: centerContext }) store!: CenterStore;

  @state() protected hasChildren = false;

  readonly #observer = new MutationObserver(() => this.#checkChildren());

  override connectedCallback(): void {
    this.store = this.#storeNow();
    this.#checkChildren();
    super.connectedCallback();
    this.#observer.observe(this, { childList: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const store = this.#storeNow();
    if (store !== this.store) this.store = store;
  }

  protected override render(): TemplateResult {
    if (this.hasChildren) return html`<slot></slot>`;
    return html`<rp-portal
      part="portal"
      api-base=${this.apiBase ?? nothing}
      session-storage=${this.sessionPersistence}
      exportparts="signin, header, brand, logo, account, sign-out, sidebar, nav, main, section-heading, panel, loading, error, retry"
    ></rp-portal>`;
  }

  #storeNow(): CenterStore {
    return storeFor(this.apiBase ?? DEFAULT_API_BASE, this.sessionPersistence);
  }

  #checkChildren(): void {
    this.hasChildren = this.children.length > 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-center': RpCenter;
  }
}

RpElement.define('rp-center', RpCenter);
