import { Hono } from 'hono';
import { ProfileUpdate } from '@rp/contract';
import { centerForPartner, readSettings } from '../domain/center.ts';
import { readProfile, updateProfile } from '../domain/partners.ts';
import { commissionStructure, listPrograms } from '../domain/programs.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { requirePartner } from '../http/guards.ts';
import { valid } from '../http/validation.ts';
import { linkRoutes } from './links.ts';
import { reportRoutes } from './reports.ts';
import { resourceRoutes } from './resources.ts';

/**
 * The signed-in partner's own center. Every query takes the partner id from the session,
 * never from the request, so one partner cannot name another's data.
 */
export function partnerRoutes(deps: Deps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .use('*', requirePartner(deps))
    .get('/center', (c) => c.json(centerForPartner(readSettings(db))))
    .get('/profile', (c) => c.json(readProfile(db, c.get('session').partnerId)))
    .patch('/profile', valid('json', ProfileUpdate), (c) =>
      c.json(updateProfile(db, c.get('session').partnerId, c.req.valid('json'), now())),
    )
    .get('/programs', (c) => c.json({ programs: listPrograms(db, c.get('session').partnerId) }))
    .get('/commission-structure', (c) => c.json(commissionStructure(db, c.get('session').partnerId)))
    .route('/', linkRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/', resourceRoutes(deps));
}
