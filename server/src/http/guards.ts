import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import { checkAdminKey } from '../domain/admin-keys.ts';
import { findSession } from '../domain/sessions.ts';
import type { AppEnv, Deps } from './context.ts';
import { ApiError } from './errors.ts';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** Partner routes: a live session token, or 401. The partner id comes only from the session. */
export function requirePartner({ db, config, now }: Deps) {
  const policy = { maxHours: config.sessionMaxHours, idleMinutes: config.sessionIdleMinutes };
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
 * Admin routes: an admin key as a bearer token — the configured key (RP_ADMIN_KEY, the
 * bootstrap) or an unrevoked key stored in `admin_keys` (looked up by its sha256). For the
 * configured key both sides are hashed first so the comparison is constant-time whatever the lengths.
 */
export function requireAdmin({ config, db, now }: Deps): MiddlewareHandler {
  const expected = sha256(config.adminKey);
  return async (c, next) => {
    const token = bearerToken(c);
    if (!token || !(timingSafeEqual(sha256(token), expected) || checkAdminKey(db, token, now()))) {
      throw new ApiError('unauthorized', 'A valid admin API key is required.');
    }
    await next();
  };
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
