import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorStatus, type ErrorBody, type ErrorCode } from '@rp/contract';

/**
 * An error meant for the client. Thrown anywhere in a request; `app.onError` turns it into
 * the one error shape with the status that goes with its code.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, extra: ApiError['extra'] = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

export function errorResponse(c: Context, error: ApiError): Response {
  if (error.extra.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.extra.retryAfterSeconds));
  return c.json(errorBody(error.code, error.message, error.extra), error.status);
}
