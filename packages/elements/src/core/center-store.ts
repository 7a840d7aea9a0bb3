import type { CenterPublic, SessionPartner, SignInResponse } from '@rp/contract';
import { pageWideStore, SessionStore, type SessionPersistence } from './session-store.js';

export type { SessionPersistence, SignOutReason } from './session-store.js';

export interface StoredSession {
  token: string;
  expiresAt: string;
  partner: SessionPartner;
}

/**
 * The state every element on a page shares for one API: the client, the partner's session and
 * the center's public settings. `<rp-center>` provides one through context; elements standing
 * alone get the page-wide one for their `api-base` from `storeFor()`, so they share a sign-in too.
 *
 * Fires `change` (a plain Event) whenever the session or the center settings change.
 */
export class CenterStore extends SessionStore<StoredSession> {
  #center: CenterPublic | null = null;
  #centerRequest: Promise<CenterPublic> | null = null;

  constructor(apiBase: string, persistence: SessionPersistence = 'session') {
    super(apiBase, persistence, 'rp-session:', '/auth/sign-out');
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
        this.changed();
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
    this.started({ token: answer.token, expiresAt: answer.expiresAt, partner: answer.partner });
    return answer;
  }
}

/** The page-wide store for an API base, so standalone elements share one sign-in. */
export function storeFor(apiBase: string, persistence: SessionPersistence = 'session'): CenterStore {
  return pageWideStore('rp-center-stores', apiBase, (base) => new CenterStore(base, persistence));
}
