import { msg } from '@lit/localize';
import type { ErrorBody } from '@rp/contract';
import { ApiError } from '../core/api-client.js';
import type { CenterStore } from '../core/center-store.js';

/**
 * Fetches a CSV export with the session's bearer token and saves it under `filename`.
 * A plain `<a href download>` cannot carry the token, so the file goes through a Blob URL.
 */
export async function downloadCsv(store: CenterStore, path: string, filename: string): Promise<void> {
  const token = store.session?.token;
  let response: Response;
  try {
    response = await fetch(store.client.base.replace(/\/$/, '') + path, {
      headers: token ? { accept: 'text/csv', authorization: `Bearer ${token}` } : { accept: 'text/csv' },
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'network', msg('Could not reach the server. Check your connection and try again.'));
  }
  if (!response.ok) {
    if (response.status === 401 && token) store.clear('expired');
    const error = ((await response.json().catch(() => null)) as Partial<ErrorBody> | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? msg('The download failed. Try again.'));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Give the browser time to start saving before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
