import { html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { DEFAULT_API_BASE, RpElement } from '../core/rp-element.js';
import type { AdminUser } from '@rp/contract';
import { adminStoreFor, type AdminStore } from './admin-store.js';

/**
 * Base of every `rp-admin-*` element: finds the page-wide `AdminStore` for its `api-base` and
 * re-renders when the admin session starts or ends. Admin elements are for the merchant's own
 * back office; they never read the partner's session.
 */
export class RpAdminElement extends LitElement {
  static define = RpElement.define;

  /** Base URL of the API, e.g. `https://partners.example.com/api`. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  #subscribed: AdminStore | null = null;
  readonly #onStoreChange = () => this.storeChanged();

  get store(): AdminStore {
    return adminStoreFor(this.apiBase ?? DEFAULT_API_BASE);
  }

  /** The browser's locale for dates and money in the back office. */
  get locale(): string {
    return navigator.language || 'en-US';
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

  /** Called when the admin session starts or ends; re-renders by default. */
  protected storeChanged(): void {
    this.requestUpdate();
  }

  #subscribe(): void {
    const store = this.store;
    if (store === this.#subscribed) return;
    this.#subscribed?.removeEventListener('change', this.#onStoreChange);
    store.addEventListener('change', this.#onStoreChange);
    this.#subscribed = store;
    if (this.hasUpdated) this.requestUpdate();
  }
}

/**
 * A Task that GETs an admin route while an admin is signed in. It runs again when the store or
 * session changes (or on `task.run()` after a change), and stays idle while signed out.
 */
export function adminGet<T>(host: RpAdminElement, path: () => string) {
  return new Task(host, {
    args: () => [host.store, host.store.session?.token ?? null, path()] as const,
    task: async ([store, token, url], { signal }) => (token ? store.client.get<T>(url, { signal }) : initialState),
  });
}

/**
 * What an admin element shows until the merchant signs in (no request is made meanwhile).
 * Wraps a `signed-out` slot like the partner elements' states, so a page can replace the text.
 */
export function adminSignedOutState(): TemplateResult {
  return html`<div class="state signed-out" part="signed-out">
    <slot name="signed-out">${msg('Sign in to the back office to see this section.')}</slot>
  </div>`;
}

/**
 * Every event the admin elements fire, with its detail type. Other admin elements add theirs by
 * augmenting this interface (`declare module '../rp-admin-element.js' { interface RpAdminEventMap … }`).
 */
export interface RpAdminEventMap {
  'rp-admin-signed-in': CustomEvent<{ admin: AdminUser }>;
  'rp-admin-signed-out': CustomEvent<{ reason: 'signed-out' | 'expired' }>;
  'rp-admin-settings-saved': CustomEvent<{ changed: string[] }>;
}

type AdminDetailOf<K extends keyof RpAdminEventMap> = RpAdminEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires an `rp-admin-*` event that bubbles out of shadow roots (like `fire()` for the partner elements). */
export function adminFire<K extends keyof RpAdminEventMap>(target: EventTarget, type: K, detail: AdminDetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends RpAdminEventMap {}
}
