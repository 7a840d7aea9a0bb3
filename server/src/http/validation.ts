import type { Context } from 'hono';
import type { ValidationTargets } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type * as z from 'zod';
import { ApiError, errorResponse } from './errors.ts';

/**
 * A union's own message is zod's generic "Invalid input". For `'' | email` the useful message is
 * the one from the branch that got furthest: skip branches that failed on the type or on a
 * literal value, and use the first remaining message.
 */
function readableMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const specific = issue.errors.flat().find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value');
  return specific?.message ?? issue.message;
}

/**
 * Field messages keyed by dot path (`address.city`), the first message per field.
 * Unknown keys are reported on the key itself so a form can point at it.
 */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...base, key].join('.')] ??= 'Unknown field.';
      continue;
    }
    const path = base.join('.');
    if (path !== '') fields[path] ??= readableMessage(issue);
  }
  return fields;
}

/** The failure answer every validated input shares. */
export function invalidRequest(error: z.core.$ZodError): ApiError {
  const fields = fieldErrors(error);
  const first = error.issues[0];
  const whole = first && first.path.length === 0 && first.code !== 'unrecognized_keys';
  const message = whole ? first.message : 'Some fields need attention.';
  return new ApiError('invalid_request', message, Object.keys(fields).length > 0 ? { fields } : {});
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * `zValidator` with the one shared hook: a failed parse answers
 * `{ error: { code: 'invalid_request', message, fields } }`.
 * For JSON bodies it first insists on a JSON content type: Hono's validator silently reads
 * any other content type as `{}`, which would turn a form post into a confusing "field required".
 */
export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c: Context) => {
    if (target === 'json') {
      const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
      if (!JSON_MEDIA_TYPE.test(mediaType)) {
        return errorResponse(c, new ApiError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.'));
      }
    }
    if (!result.success) return errorResponse(c, invalidRequest(result.error));
  });
}
