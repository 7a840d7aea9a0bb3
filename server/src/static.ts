import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
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

/** What answers a request: a Hono app's fetch. */
export type SiteHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * The elements bundle at /rp/* and the demo site at /, so one process is the whole demo. A
 * site of its own that the app asks only for the paths none of its routes answer (see
 * `createApp`'s `site`): its middleware then never runs on the API, the redirect or media, and
 * the redirect keeps Hono's one-handler fast path.
 */
export function staticSite(roots: StaticRoots = defaultStaticRoots): SiteHandler {
  const site = new Hono();
  // Created on first use: the bundle may be built after the server started.
  let elements: MiddlewareHandler | undefined;
  site.use('*', securityHeaders);
  site.use('/rp/*', (c, next) => {
    if (!existsSync(roots.elementsDir)) return next();
    elements ??= serveStatic({ root: roots.elementsDir, rewriteRequestPath: (path) => path.replace(/^\/rp/, '') });
    return elements(c, next);
  });
  site.get('/rp/*', (c) =>
    existsSync(roots.elementsDir)
      ? c.text('Not found', 404)
      : c.text('The elements bundle is not built. Run `npm run build` at the repository root.', 404),
  );
  site.use('*', demoPages(roots.demoDir));
  site.use('*', serveStatic({ root: roots.demoDir }));
  site.notFound((c) => c.text('Not found', 404));
  site.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.text('Something went wrong on our side.', 500);
  });
  return site.fetch;
}
