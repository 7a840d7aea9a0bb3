import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
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

const INCLUDE = /<!--\s*include:\s*([a-z][a-z-]*)(?:\s+nav=([a-z][a-z-]*))?\s*-->/g;
const NAV_ITEM = /<a\s([^>]*?)\s*data-nav="([a-z-]+)"([^>]*)>/g;
const YEAR = /<!--\s*year\s*-->/g;

/**
 * The demo pages share their header and footer: `<!-- include: header nav=partners -->` is
 * replaced by demo/partials/header.html, whose links carry `data-nav="…"`; the one named by
 * `nav=` gets `aria-current` ("page" when it links to this very page, else "true": the current
 * section). `<!-- year -->` becomes the current year, so the © line never goes stale. Plain
 * HTML out: the pages need no script to show or navigate.
 */
export function expandDemoPage(
  html: string,
  readPartial: (name: string) => string,
  pagePath: string,
  year = new Date().getFullYear(),
): string {
  const page = pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
  const withIncludes = html.replace(INCLUDE, (_, name: string, nav: string | undefined) =>
    readPartial(name).trim().replace(NAV_ITEM, (_a, before: string, id: string, after: string) => {
      const attributes = `${before}${after}`;
      if (id !== nav) return `<a ${attributes}>`;
      const href = /href="([^"#?]*)/.exec(attributes)?.[1];
      return `<a ${attributes} aria-current="${href === page ? 'page' : 'true'}">`;
    }),
  );
  return withIncludes.replace(YEAR, String(year));
}

/** The demo's .html pages, expanded; anything else goes on to serveStatic. */
function demoPages(demoDir: string): MiddlewareHandler {
  const root = resolve(demoDir);
  const partials = join(root, 'partials');
  const readPartial = (name: string): string => {
    const file = join(partials, `${name}.html`);
    if (!existsSync(file)) throw new Error(`demo page: no partial ${file}`);
    return readFileSync(file, 'utf8');
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (path.endsWith('/')) path += 'index.html';
    if (!path.endsWith('.html') || path.includes('\0')) return next();
    const file = resolve(root, `.${path}`);
    // Partials are pieces, not pages; nothing outside demo/ is ever read.
    if (!file.startsWith(root + sep) || file.startsWith(partials + sep)) return c.text('Not found', 404);
    if (!existsSync(file) || !statSync(file).isFile()) return next();
    return c.html(expandDemoPage(readFileSync(file, 'utf8'), readPartial, path));
  };
}

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
  const pages = demoPages(roots.demoDir);
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : pages(c, next)));
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : demo(c, next)));
}
