import type { CenterPublic, SessionPartner, SignInResponse } from '@rp/contract';
import { ApiClient } from './api-client.js';

/** Where a session is kept across reloads. `none` keeps it in memory only. */
export type SessionPersistence = 'session' | 'local' | 'none';

export interface StoredSession {
  token: string;
  expiresAt: string;
  partner: SessionPartner;
}

/** Why a session ended. */
export type SignOutReason = 'signed-out' | 'expired';

/**
 * The state every element on a page shares for one API: the client, the partner's session and
 * the center's public settings. `<rp-center>` provides one through context; elements standing
 * alone get the page-wide one for their `api-base` from `storeFor()`, so they share a sign-in too.
 *
 * Fires `change` (a plain Event) whenever the session or the center settings change.
 */
export class CenterStore extends EventTarget {
  readonly client: ApiClient;
  #session: StoredSession | null = null;
  #center: CenterPublic | null = null;
  #centerRequest: Promise<CenterPublic> | null = null;

  constructor(
    readonly apiBase: string,
    readonly persistence: SessionPersistence = 'session',
  ) {
    super();
    this.client = new ApiClient(apiBase, () => this.#session?.token ?? null, () => this.clear('expired'));
    this.#session = this.#restore();
  }

  get session(): StoredSession | null {
    return this.#session;
  }

  get signedIn(): boolean {
    return this.#session !== null;
  }

  /** The center's public settings (name, locale, currency, branding), once loaded. */
  get center(): CenterPublic | null {
    return this.#center;
  }

  /** Loads the public settings once; later calls share the first request. */
  loadCenter(): Promise<CenterPublic> {
    this.#centerRequest ??= this.client.get<CenterPublic>('/center').then(
      (center) => {
        this.#center = center;
        this.#changed();
        return center;
      },
      (error: unknown) => {
        this.#centerRequest = null;
        throw error;
      },
    );
    return this.#centerRequest;
  }

  /** Signs in; throws `ApiError` with the server's message on failure. */
  async signIn(code: string, password: string): Promise<SignInResponse> {
    const answer = await this.client.post<SignInResponse>('/auth/sign-in', { body: { code, password } });
    this.#session = { token: answer.token, expiresAt: answer.expiresAt, partner: answer.partner };
    this.#persist();
    this.#changed();
    return answer;
  }

  /** Revokes the session on the server (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    if (!this.#session) return;
    try {
      await this.client.post<void>('/auth/sign-out');
    } catch {
      // The token is forgotten locally whatever the server said; an unreachable server cannot keep us signed in.
    }
    this.clear('signed-out');
  }

  /** Forgets the session without asking the server (used when the server rejected the token). */
  clear(reason: SignOutReason): void {
    if (!this.#session) return;
    this.#session = null;
    this.lastSignOutReason = reason;
    this.#persist();
    this.#changed();
  }

  /** Why the last session ended, so a sign-in form can say "your session expired". */
  lastSignOutReason: SignOutReason | null = null;

  #storage(): Storage | null {
    try {
      if (this.persistence === 'session') return globalThis.sessionStorage ?? null;
      if (this.persistence === 'local') return globalThis.localStorage ?? null;
    } catch {
      // Storage can be blocked (sandboxed iframes, privacy settings); fall back to memory.
    }
    return null;
  }

  get #key(): string {
    return `rp-session:${this.apiBase}`;
  }

  #restore(): StoredSession | null {
    const raw = this.#storage()?.getItem(this.#key);
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as StoredSession;
      if (typeof session.token !== 'string' || Date.parse(session.expiresAt) <= Date.now()) return null;
      return session;
    } catch {
      return null;
    }
  }

  #persist(): void {
    const storage = this.#storage();
    if (!storage) return;
    try {
      if (this.#session) storage.setItem(this.#key, JSON.stringify(this.#session));
      else storage.removeItem(this.#key);
    } catch {
      // Quota or privacy errors: the session still works for this page.
    }
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

// Kept on globalThis: a page may load two of our bundles (the standalone sign-in on one part of
// the page, the full set elsewhere), each with its own copy of this module; they must still share
// one store, and so one sign-in, per API.
const registryKey = Symbol.for('rp-center-stores');
const registry = globalThis as { [registryKey]?: Map<string, CenterStore> };
const stores = (registry[registryKey] ??= new Map<string, CenterStore>());

/** The page-wide store for an API base, so standalone elements share one sign-in. */
export function storeFor(apiBase: string, persistence: SessionPersistence = 'session'): CenterStore {
  const base = new URL(apiBase, document.baseURI).href.replace(/\/$/, '');
  let store = stores.get(base);
  if (!store) {
    store = new CenterStore(base, persistence);
    stores.set(base, store);
  }
  return store;
}
