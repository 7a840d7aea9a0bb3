import type { CenterForPartner } from '@rp/contract';
import type { CenterStore } from './center-store.js';

interface Entry {
  token: string;
  request: Promise<CenterForPartner>;
}

const requests = new WeakMap<CenterStore, Entry>();

/**
 * `GET /partner/center` for the store's current session, shared by every element asking for it
 * (the portal and its menu make one request). A new session, a failed request or `reload`
 * fetches again.
 */
export function loadPartnerCenter(store: CenterStore, options: { reload?: boolean } = {}): Promise<CenterForPartner> {
  const token = store.session?.token;
  if (!token) return Promise.reject(new Error('Not signed in.'));
  let entry = requests.get(store);
  if (!entry || entry.token !== token || options.reload) {
    const request = store.client.get<CenterForPartner>('/partner/center');
    const created: Entry = { token, request };
    entry = created;
    requests.set(store, created);
    request.catch(() => {
      if (requests.get(store) === created) requests.delete(store);
    });
  }
  return entry.request;
}
