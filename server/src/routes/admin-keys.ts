import { Hono } from 'hono';
import * as z from 'zod';
import { AdminKeyCreate } from '@rp/contract';
import { createAdminKey, listAdminKeys, revokeAdminKey } from '../domain/admin-keys.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { valid } from '../http/validation.ts';

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** `/api/admin/keys`: mounted inside `adminRoutes`, behind its guard. */
export function adminKeyRoutes({ db, now }: Deps) {
  return new Hono<AppEnv>()
    .get('/keys', (c) => c.json({ keys: listAdminKeys(db) }))
    .post('/keys', valid('json', AdminKeyCreate), (c) => c.json(createAdminKey(db, c.req.valid('json').name, now()), 201))
    .delete('/keys/:id', valid('param', IdParam), (c) => {
      if (!revokeAdminKey(db, c.req.valid('param').id, now())) throw new ApiError('not_found', 'No such admin key.');
      return c.body(null, 204);
    });
}
