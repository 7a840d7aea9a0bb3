import type { ErrorBody } from '@rp/contract';
import { ApiError } from '../../core/api-client.js';
import type { AdminStore } from '../admin-store.js';

/**
 * POSTs an admin call that carries an `Idempotency-Key` (payouts, coupons): the server answers a
 * retry with the same key and body exactly as the first call, and records nothing twice.
 *
 * `ApiClient` has no way to add a header, so this is its request with one more header; errors
 * come out the same (`ApiError`, `network` when the server could not be reached, and a 401 ends
 * the admin session).
 */
export async function idempotentPost<T>(store: AdminStore, path: string, body: unknown, key: string, signal?: AbortSignal): Promise<T> {
  const token = store.session?.token ?? null;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'idempotency-key': key,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(store.client.base.replace(/\/$/, '') + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: signal ?? null,
      credentials: 'omit',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const error = (payload as Partial<ErrorBody> | null)?.error;
  if (response.status === 401 && token) store.clear('expired');
  throw new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? `The server answered ${response.status}.`,
    error?.fields ?? {},
    error?.retryAfterSeconds,
  );
}
