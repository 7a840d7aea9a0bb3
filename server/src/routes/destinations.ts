import { Hono } from 'hono';
import * as z from 'zod';
import { DestinationCreate, DestinationUpdate } from '@rp/contract';
import { createDestination, listAdminDestinations, updateDestination } from '../domain/destinations.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

/** A positive integer id in the path; anything else (`abc`, `1.5`, `-1`, 20 digits) answers 400, never 500. */
export const IdParam = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'Use a positive whole number.')
    .transform(Number),
});

/**
 * The link destinations the merchant approves. Mounted inside `adminRoutes`, behind its admin-key
 * guard (so at /api/admin/destinations).
 */
export function destinationRoutes({ db, now }: Deps) {
  return new Hono<AppEnv>()
    .get('/destinations', (c) => c.json({ destinations: listAdminDestinations(db) }))
    .post('/destinations', valid('json', DestinationCreate), (c) => c.json(createDestination(db, c.req.valid('json'), now()), 201))
    .patch('/destinations/:id', valid('param', IdParam), valid('json', DestinationUpdate), (c) =>
      c.json(updateDestination(db, c.req.valid('param').id, c.req.valid('json'))),
    );
}
