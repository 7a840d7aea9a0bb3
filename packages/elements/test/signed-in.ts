import { storeFor, type CenterStore } from '../src/core/center-store.js';
import { fixtures } from './api-mock.js';

/** Signs the page-wide store for `apiBase` in through the mocked API, as a partner would. */
export async function signedIn(apiBase: string): Promise<CenterStore> {
  const store = storeFor(apiBase, 'none');
  await store.signIn(fixtures.signIn.partner.code, 'demo-partner');
  return store;
}
