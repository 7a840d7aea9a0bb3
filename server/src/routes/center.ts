import { Hono } from 'hono';
import { centerPublic, readSettings } from '../domain/center.ts';
import type { AppEnv, Deps } from '../http/context.ts';

/** Public: what the sign-in card shows before anyone signs in. */
export function centerRoutes({ db }: Deps) {
  return new Hono<AppEnv>().get('/center', (c) => c.json(centerPublic(readSettings(db))));
}
