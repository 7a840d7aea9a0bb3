import type { AdminSignInResponse, AdminUser } from '@rp/contract';
import { ApiClient } from '../core/api-client.js';

// Paths written out, not imported: a value import from '@rp/contract' would bundle zod. The tests'
// mocks answer on the contract's adminSessionPaths, so a drift fails them.

export interface StoredAdminSession {
  token: string;
  expiresAt: string;
  admin: AdminUser;
}

/**
 * The merchant's back-office session for one API, shared by every admin element on the page.
 * Kept apart from the partner's `CenterStore` (its own storage key, its own token): an admin
 * token is never sent to partner routes, nor a partner token to admin routes. The session lives
 * in sessionStorage, so it ends with the tab.
 *
 * Fires `change` (a plain Event) when the session starts or ends.
 */
export class AdminStore extends EventTarget {
  readonly client: ApiClient;
  #session: StoredAdminSession | null;
  /** Why the last session ended, so the sign-in form can say "your session expired". */
  lastSignOutReason: 'signed-out' | 'expired' | null = null;

  constructor(readonly apiBase: string) {
    super();
    this.client = new ApiClient(apiBase, () => this.#session?.token ?? null, () => this.clear('expired'));
    this.#session = this.#restore();
  }

  get session(): StoredAdminSession | null {
    return this.#session;
  }

  get signedIn(): boolean {
    return this.#session !== null;
  }

  /** Signs in; throws `ApiError` with the server's message on failure. */
  async signIn(email: string, password: string): Promise<AdminSignInResponse> {
    const answer = await this.client.post<AdminSignInResponse>('/auth/admin/sign-in', { body: { email, password } });
    this.#session = { token: answer.token, expiresAt: answer.expiresAt, admin: answer.admin };
    this.#persist();
    this.#changed();
    return answer;
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    if (!this.#session) return;
    try {
      await this.client.post<void>('/auth/admin/sign-out');
    } catch {
      // Forgotten locally whatever the server said.
    }
    this.clear('signed-out');
  }

  /** Forgets the session without asking the server (used when the server rejected the token). */
  clear(reason: 'signed-out' | 'expired'): void {
    if (!this.#session) return;
    this.#session = null;
    this.lastSignOutReason = reason;
    this.#persist();
    this.#changed();
  }

  get #key(): string {
    return `rp-admin-session:${this.apiBase}`;
  }

  #storage(): Storage | null {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null; // blocked storage: the session still works for this page
    }
  }

  #restore(): StoredAdminSession | null {
    try {
      const raw = this.#storage()?.getItem(this.#key);
      if (!raw) return null;
      const session = JSON.parse(raw) as StoredAdminSession;
      if (typeof session.token !== 'string') return null;
      if (Date.parse(session.expiresAt) <= Date.now()) {
        // Ended while the tab was away: the sign-in form says so instead of a bare form.
        this.lastSignOutReason = 'expired';
        this.#storage()?.removeItem(this.#key);
        return null;
      }
      return session;
    } catch {
      return null;
    }
  }

  #persist(): void {
    try {
      const storage = this.#storage();
      if (this.#session) storage?.setItem(this.#key, JSON.stringify(this.#session));
      else storage?.removeItem(this.#key);
    } catch {
      // Quota or privacy errors: the session still works for this page.
    }
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

// Page-wide, like the partner stores: every admin element for one API shares one sign-in.
const registryKey = Symbol.for('rp-admin-stores');
const registry = globalThis as { [registryKey]?: Map<string, AdminStore> };
const stores = (registry[registryKey] ??= new Map<string, AdminStore>());

/** The page-wide admin store for an API base. */
export function adminStoreFor(apiBase: string): AdminStore {
  const base = new URL(apiBase, document.baseURI).href.replace(/\/$/, '');
  let store = stores.get(base);
  if (!store) {
    store = new AdminStore(base);
    stores.set(base, store);
  }
  return store;
}
