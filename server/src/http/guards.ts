import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Config } from '../config.ts';
import { checkAdminKey } from '../domain/admin-keys.ts';
import { findAdminSession, type ActiveAdminSession } from '../domain/admin-sessions.ts';
import type { SessionPolicy } from '../domain/session-store.ts';
import { findSession } from '../domain/sessions.ts';
import type { AppEnv, Deps } from './context.ts';
import { ApiError } from './errors.ts';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** Partner and admin sessions expire alike: RP_SESSION_MAX_HOURS and RP_SESSION_IDLE_MINUTES. */
export const sessionPolicy = (config: Config): SessionPolicy => ({
  maxHours: config.sessionMaxHours,
  idleMinutes: config.sessionIdleMinutes,
});

/**
 * Partner routes: a live partner session token, or 401. The partner id comes only from the
 * session. Admin keys and admin session tokens are not partner sessions, so they get 401 here.
 */
export function requirePartner({ db, config, now }: Deps) {
  const policy = sessionPolicy(config);
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c);
    const session = token ? findSession(db, token, policy, now()) : null;
    if (!session) throw new ApiError('unauthorized', 'Sign in to continue.');
    c.set('session', session);
    await next();
  });
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Admin routes: a bearer token that is an admin key — the configured key (RP_ADMIN_KEY, the
 * bootstrap) or an unrevoked key stored in `admin_keys` (looked up by its sha256) — or a live
 * admin session token (the back office's signed-in staff; the lookup records activity). For the
 * configured key both sides are hashed first so the comparison is constant-time whatever the
 * lengths. Partner session tokens live in another table, so they get 401 here.
 */
export function requireAdmin({ config, db, now }: Deps): MiddlewareHandler {
  const expected = sha256(config.adminKey);
  const policy = sessionPolicy(config);
  return async (c, next) => {
    const token = bearerToken(c);
    const admitted =
      token !== null &&
      (timingSafeEqual(sha256(token), expected) || checkAdminKey(db, token, now()) || findAdminSession(db, token, policy, now()) !== null);
    if (!admitted) throw new ApiError('unauthorized', 'Sign in to the back office, or send a valid admin API key.');
    await next();
  };
}

/**
 * The admin session routes (sign-out, who am I): a live admin session token, or 401. Admin keys
 * are not sessions. Sets `adminSession` for the handler.
 */
export function requireAdminSession({ db, config, now }: Deps) {
  const policy = sessionPolicy(config);
  return createMiddleware<{ Variables: { adminSession: ActiveAdminSession } }>(async (c, next) => {
    const token = bearerToken(c);
    const session = token ? findAdminSession(db, token, policy, now()) : null;
    if (!session) throw new ApiError('unauthorized', 'Sign in to continue.');
    c.set('adminSession', session);
    await next();
  });
}

/**
 * The client's address for throttling. Behind a trusted proxy the first X-Forwarded-For entry
 * (the proxy sees the socket, the client is in the header); otherwise the socket address, which
 * a client cannot forge. `app.request()` in tests has no socket: 'unknown'.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
