import { msg } from '@lit/localize';
import type { ErrorBody, ErrorCode } from '@rp/contract';

/** An error the API answered with (or `network` when it could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    /** Field path (e.g. `address.city`) → message, for form errors. */
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A failed request's text for a person: the API's own message (already readable), else a generic one. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : msg('Something went wrong. Try again.');
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `{ 'idempotency-key': key }`. */
  headers?: Record<string, string>;
}

/**
 * A small fetch client shared by every element on the page. It adds the bearer token, turns
 * error bodies into `ApiError`, and tells its owner when the server no longer accepts the token.
 */
export class ApiClient {
  constructor(
    readonly base: string,
    private readonly getToken: () => string | null,
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, options);
  }

  patch<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, { body, signal, headers: extra }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    const token = this.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.base.replace(/\/$/, '') + path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
        credentials: 'omit',
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return payload as T;
    const error = (payload as Partial<ErrorBody> | null)?.error;
    if (response.status === 401 && token) this.onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? {},
      error?.retryAfterSeconds,
    );
  }
}
