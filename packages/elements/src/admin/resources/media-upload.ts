import type { ErrorBody, MediaUpload } from '@rp/contract';
import { msg, str } from '@lit/localize';
import { ApiError } from '../../core/api-client.js';
import type { AdminStore } from '../admin-store.js';

// Copies of the contract's MEDIA_TYPES and MAX_MEDIA_BYTES: importing values from '@rp/contract'
// would bundle zod into the page. A test checks they still agree with the contract.
/** The image types `POST /admin/media` accepts. */
export const MEDIA_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
/** The largest image `POST /admin/media` accepts. */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;
export const MEDIA_PATH = '/admin/media';

/** A file size for people: "740 kB", "3.4 MB" (rounded up, so a file just over 2 MB never reads "2 MB"). */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? Math.ceil((bytes / (1024 * 1024)) * 10) / 10 : Math.max(1, bytes / 1024));
}

/**
 * A quick check before uploading, for a friendly message at once; the server checks the bytes
 * again (a renamed file passes here and is refused there). Null when the file may be sent.
 */
export function checkImageFile(file: File, locale: string): string | null {
  const name = file.name;
  if (file.type === 'image/svg+xml') {
    return msg(str`"${name}" is an SVG. Upload a PNG, JPEG, GIF or WebP image: SVG files can carry scripts, so they are not accepted.`);
  }
  if (!MEDIA_TYPES.includes(file.type)) return msg(str`"${name}" is not a PNG, JPEG, GIF or WebP image.`);
  if (file.size === 0) return msg(str`"${name}" is empty.`);
  if (file.size > MAX_MEDIA_BYTES) {
    const size = formatBytes(file.size, locale);
    return msg(str`"${name}" is ${size}; images may be at most 2 MB. Export it smaller, or as JPEG or WebP.`);
  }
  return null;
}

/**
 * Uploads an image as the raw request body with its own Content-Type (`POST /admin/media`),
 * with the admin session's token. Errors become `ApiError` the way `ApiClient` maps them, and a
 * refused token ends the session the same way.
 */
export async function uploadMedia(store: AdminStore, file: Blob, signal?: AbortSignal): Promise<MediaUpload> {
  const token = store.session?.token ?? null;
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(store.client.base.replace(/\/$/, '') + MEDIA_PATH, {
      method: 'POST',
      headers,
      body: file,
      signal: signal ?? null,
      credentials: 'omit',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', msg('Could not reach the server. Check your connection and try again.'));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as MediaUpload;
  const error = (payload as Partial<ErrorBody> | null)?.error;
  if (response.status === 401 && token) store.clear('expired');
  throw new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? msg(str`The server answered ${response.status}.`),
    error?.fields ?? {},
    error?.retryAfterSeconds,
  );
}
