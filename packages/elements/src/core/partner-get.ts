import { Task, initialState } from '@lit/task';
import type { RpElement } from './rp-element.js';

/**
 * A Task that GETs a partner route for the signed-in partner. It runs again when the store or the
 * session changes, cancels a superseded request, and stays idle while signed out (no request).
 */
export function partnerGet<T>(host: RpElement, path: string) {
  return new Task(host, {
    args: () => [host.store, host.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) => (token ? store.client.get<T>(path, { signal }) : initialState),
  });
}
