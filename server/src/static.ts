import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { repoRoot } from './config.ts';

export interface StaticRoots {
  /** The built elements bundle, served at /rp/*. */
  elementsDir: string;
  /** The demo merchant site, served at /. */
  demoDir: string;
}

export const defaultStaticRoots: StaticRoots = {
  elementsDir: resolve(repoRoot, 'packages/elements/dist'),
  demoDir: resolve(repoRoot, 'demo'),
};

/**
 * A strict policy for the demo pages: proof that the elements need no inline script, no eval
 * and no inline styles (they use constructable stylesheets).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
};

/**
 * Serve the elements bundle at /rp/* and the demo site at /, so one process is the whole demo.
 * Mounted after the API routes; /api paths are never looked up on disk.
 */
export function mountStatic(app: Hono<any>, roots: StaticRoots = defaultStaticRoots): void {
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  // Created on first use: the bundle may be built after the server started.
  let elements: MiddlewareHandler | undefined;
  const demo = serveStatic({ root: roots.demoDir });

  app.use('/rp/*', securityHeaders, (c, next) => {
    if (!existsSync(roots.elementsDir)) return next();
    elements ??= serveStatic({ root: roots.elementsDir, rewriteRequestPath: (path) => path.replace(/^\/rp/, '') });
    return elements(c, next);
  });
  app.get('/rp/*', (c) =>
    existsSync(roots.elementsDir)
      ? c.text('Not found', 404)
      : c.text('The elements bundle is not built. Run `npm run build` at the repository root.', 404),
  );
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : securityHeaders(c, next)));
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : demo(c, next)));
}
