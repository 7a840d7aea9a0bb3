import * as z from 'zod';

/** Every error code the API answers with, and the HTTP status that goes with it. */
export const errorStatus = {
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  unsupported_media_type: 415,
  throttled: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const ErrorCode = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

/**
 * The one error shape: `{ "error": { "code", "message", "fields"? } }`.
 * `fields` maps a field path (dot-separated, e.g. `address.city`) to a message a person can read.
 */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: ErrorCode,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    retryAfterSeconds: z.int().nonnegative().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
