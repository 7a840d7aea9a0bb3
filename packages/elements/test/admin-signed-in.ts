/** Admin element tests: an admin session through the mocked sign-in route. */
import { AdminSessionInfo, AdminSignInResponse, adminSessionPaths } from '@rp/contract';
import { adminStoreFor, type AdminStore } from '../src/admin/admin-store.js';
import { apiPath, http, HttpResponse, reply, worker } from './api-mock.js';

export const adminFixtures = {
  signIn: AdminSignInResponse.parse({
    token: 'admin-session-token-0123456789abcdef0123456789',
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 1800,
    admin: { email: 'owner@example.com', name: 'Olivia Owner' },
  }),
  session: AdminSessionInfo.parse({
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 1800,
    admin: { email: 'owner@example.com', name: 'Olivia Owner' },
  }),
};

/** The admin session routes, answered from the fixtures above. */
export const adminSessionHandlers = [
  http.post(apiPath(adminSessionPaths.signIn), () => reply(AdminSignInResponse, adminFixtures.signIn)),
  http.post(apiPath(adminSessionPaths.signOut), () => new HttpResponse(null, { status: 204 })),
  http.get(apiPath(adminSessionPaths.session), () => reply(AdminSessionInfo, adminFixtures.session)),
];

/** Signs the page-wide admin store for `apiBase` in through the mocked API. */
export async function adminSignedIn(apiBase: string): Promise<AdminStore> {
  worker.use(...adminSessionHandlers);
  const store = adminStoreFor(apiBase);
  await store.signIn('owner@example.com', 'correct horse battery');
  return store;
}
