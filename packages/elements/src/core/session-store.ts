import { ApiClient } from './api-client.js';

/** Where a session is kept across reloads. `none` keeps it in memory only. */
export type SessionPersistence = 'session' | 'local' | 'none';

/** Why a session ended. */
export type SignOutReason = 'signed-out' | 'expired';

/**
 * One signed-in session for one API, kept across reloads: its token, the client that sends it,
 * and a `change` event (a plain Event) when it starts or ends. Base of the partner's
 * `CenterStore` and the merchant's `AdminStore`; each keeps its own storage key, so a token is
 * only ever sent to its own routes.
 */
export class SessionStore<S extends { token: string; expiresAt: string }> extends EventTarget {
  readonly client: ApiClient;
  readonly #key: string;
  #session: S | null = null;
  /** Why the last session ended, so a sign-in form can say "your session expired". */
  lastSignOutReason: SignOutReason | null = null;

  constructor(
    readonly apiBase: string,
    readonly persistence: SessionPersistence,
    /** The storage key's prefix, before the API base. */
    keyPrefix: string,
    private readonly signOutPath: string,
  ) {
    super();
    this.#key = keyPrefix + apiBase;
    this.client = new ApiClient(apiBase, () => this.#session?.token ?? null, () => this.clear('expired'));
    this.#session = this.#restore();
  }

  get session(): S | null {
    return this.#session;
  }

  get signedIn(): boolean {
    return this.#session !== null;
  }

  /** Revokes the session on the server (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    if (!this.#session) return;
    try {
      await this.client.post<void>(this.signOutPath);
    } catch {
      // The token is forgotten locally whatever the server said; an unreachable server cannot keep us signed in.
    }
    this.clear('signed-out');
  }

  /** Forgets the session without asking the server (used when the server rejected the token). */
  clear(reason: SignOutReason): void {
    if (!this.#session) return;
    this.lastSignOutReason = reason;
    this.started(null);
  }

  /** Keeps `session` (or forgets it, given null) and says so. */
  protected started(session: S | null): void {
    this.#session = session;
    this.#persist();
    this.changed();
  }

  /** Called when the stored session had already expired (its stale entry is removed): nothing by default. */
  protected restoredExpired(): void {}

  protected changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  #storage(): Storage | null {
    try {
      if (this.persistence === 'session') return globalThis.sessionStorage ?? null;
      if (this.persistence === 'local') return globalThis.localStorage ?? null;
    } catch {
      // Storage can be blocked (sandboxed iframes, privacy settings); fall back to memory.
    }
    return null;
  }

  #restore(): S | null {
    try {
      const raw = this.#storage()?.getItem(this.#key);
      if (!raw) return null;
      const session = JSON.parse(raw) as S;
      if (typeof session.token !== 'string') return null;
      if (Date.parse(session.expiresAt) <= Date.now()) {
        this.#storage()?.removeItem(this.#key);
        this.restoredExpired();
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
}

/**
 * The page-wide store of one kind for an API base, made on first use. Kept on globalThis: a page
 * may load two of our bundles (the standalone sign-in on one part of the page, the full set
 * elsewhere), each with its own copy of this module; they must still share one store, and so
 * one sign-in, per API.
 */
export function pageWideStore<T>(kind: string, apiBase: string, make: (base: string) => T): T {
  const registry = globalThis as unknown as Record<symbol, Map<string, T> | undefined>;
  const stores = (registry[Symbol.for(kind)] ??= new Map<string, T>());
  const base = new URL(apiBase, document.baseURI).href.replace(/\/$/, '');
  let store = stores.get(base);
  if (!store) stores.set(base, (store = make(base)));
  return store;
}
