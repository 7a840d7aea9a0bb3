import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { ensureSettings } from './domain/center.ts';
import { ClickRecorder } from './domain/clicks.ts';
import { createMailer, type Mailer } from './domain/mailer.ts';
import type { AppEnv, Deps } from './http/context.ts';
import { ApiError, errorResponse } from './http/errors.ts';
import { accountRoutes, outboxRoutes } from './routes/accounts.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminAuthRoutes } from './routes/admin-auth.ts';
import { MEDIA_UPLOAD_PATH } from './routes/admin-resources.ts';
import { authRoutes } from './routes/auth.ts';
import { centerRoutes } from './routes/center.ts';
import { partnerRoutes } from './routes/partner.ts';
import { redirectRoutes } from './routes/redirect.ts';
import { mediaFileRoutes } from './routes/resources.ts';
import type { SiteHandler } from './static.ts';

/** Largest request body accepted; every body of this API is a small JSON document. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface AppOptions {
  db: Db;
  config: Config;
  /** Clock in epoch ms; defaults to Date.now. */
  now?: () => number;
  /** Batches the redirect's clicks; made here if not given. Whoever closes the database calls its close() first. */
  clicks?: ClickRecorder;
  /** Defaults to the configured one: SMTP when RP_SMTP_URL is set, else the outbox table. */
  mailer?: Mailer;
  /**
   * Answers every path outside /api that no route answers: the demo site and the elements
   * bundle (see staticSite). Unset: a plain 404. A fallback rather than `*` middleware, so
   * nothing else runs in front of the redirect.
   */
  site?: SiteHandler;
}

/** The API as a Hono app. Everything it uses comes in through `options`. */
export function createApp({ db, config, now = Date.now, clicks = new ClickRecorder(db), mailer, site }: AppOptions) {
  const deps: Deps = { db, config, now, clicks, mailer: mailer ?? createMailer(config, db, now) };
  ensureSettings(db, config, now());

  const app = new Hono<AppEnv>();

  // Widgets run on the merchant's origin; only the configured origins may call the API.
  // Bearer tokens, not cookies, so no credentials mode is needed.
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store'); // answers are per partner; no shared cache may keep them
  });
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, new ApiError('payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB.`)),
  });
  // The image upload sets its own, larger limit (after the admin check); every other body is small JSON.
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && c.req.path === MEDIA_UPLOAD_PATH ? next() : apiBodyLimit(c, next)));

  const api = new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .route('/', centerRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/auth', accountRoutes(deps))
    .route('/auth/admin', adminAuthRoutes(deps))
    .route('/partner', partnerRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/admin', outboxRoutes(deps));
  app.route('/api', api);
  // The links partners share: public, outside /api (no CORS, no JSON errors), kept lean.
  app.route('/r', redirectRoutes(deps));
  // Uploaded banner images: public, served with their real type and nosniff.
  app.route('/media', mediaFileRoutes(deps));

  app.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return errorResponse(c, new ApiError('not_found', `No route ${c.req.method} ${c.req.path}.`));
    }
    return site ? site(c.req.raw, c.env) : c.text('Not found', 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      // Hono's validator throws a 400 HTTPException for a body that is not JSON.
      if (err.status === 400) return errorResponse(c, new ApiError('invalid_json', 'The request body is not valid JSON.'));
      if (err.status === 413) return errorResponse(c, new ApiError('payload_too_large', 'The request body is too large.'));
      if (err.status === 404) return errorResponse(c, new ApiError('not_found', 'Not found.'));
    }
    // Anything else is our bug: log the detail, tell the client nothing about internals.
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return errorResponse(c, new ApiError('internal', 'Something went wrong on our side. Please try again.'));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
