import { Hono } from 'hono';
import { CenterSettingsUpdate } from '@rp/contract';
import { readSettings, updateSettings } from '../domain/center.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAdmin } from '../http/guards.ts';
import { valid } from '../http/validation.ts';
import { adminKeyRoutes } from './admin-keys.ts';
import { adminPartnerRoutes } from './admin-partners.ts';
import { adminResourceRoutes } from './admin-resources.ts';
import { adminProgramRoutes } from './admin-programs.ts';
import { conversionRoutes } from './conversions.ts';
import { destinationRoutes } from './destinations.ts';

/** The merchant's configuration, behind the admin API key. */
export function adminRoutes(deps: Deps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .use('*', requireAdmin(deps))
    .get('/settings', (c) => c.json(readSettings(db)))
    .patch('/settings', valid('json', CenterSettingsUpdate), (c) => c.json(updateSettings(db, c.req.valid('json'), now())))
    .route('/', destinationRoutes(deps))
    .route('/', conversionRoutes(deps))
    .route('/', adminResourceRoutes(deps))
    .route('/', adminKeyRoutes(deps))
    .route('/', adminPartnerRoutes(deps))
    .route('/', adminProgramRoutes(deps));
}
