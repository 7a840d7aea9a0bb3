import type { AdminSignInResponse, AdminUser } from '@rp/contract';
import { pageWideStore, SessionStore } from '../core/session-store.js';

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
export class AdminStore extends SessionStore<StoredAdminSession> {
  constructor(apiBase: string) {
    super(apiBase, 'session', 'rp-admin-session:', '/auth/admin/sign-out');
  }

  /** Signs in; throws `ApiError` with the server's message on failure. */
  async signIn(email: string, password: string): Promise<AdminSignInResponse> {
    const answer = await this.client.post<AdminSignInResponse>('/auth/admin/sign-in', { body: { email, password } });
    this.started({ token: answer.token, expiresAt: answer.expiresAt, admin: answer.admin });
    return answer;
  }

  // Ended while the tab was away: the sign-in form says so instead of a bare form.
  protected override restoredExpired(): void {
    this.lastSignOutReason = 'expired';
  }
}

/** The page-wide admin store for an API base: every admin element for one API shares one sign-in. */
export function adminStoreFor(apiBase: string): AdminStore {
  return pageWideStore('rp-admin-stores', apiBase, (base) => new AdminStore(base));
}
