import { Hono } from 'hono';
import * as z from 'zod';
import { PageSlug } from '@rp/contract';
import { bannersForPartner } from '../domain/banners.ts';
import { emailsForPartner } from '../domain/email-copy.ts';
import { readMedia } from '../domain/media.ts';
import { listPublishedPages, readPublishedPage } from '../domain/resource-pages.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

const SlugParam = z.strictObject({ slug: PageSlug });

/**
 * The partner's promotional resources. Mounted inside `partnerRoutes`, behind its session guard
 * (so at /api/partner/...). Links in banners and email copy are the signed-in partner's own,
 * found by the partner id of the session.
 */
export function resourceRoutes({ db, config, now }: Deps) {
  const options = () => ({ publicUrl: config.publicUrl, now: now() });
  return new Hono<AppEnv>()
    .get('/resource-pages', (c) => c.json({ pages: listPublishedPages(db) }))
    .get('/resource-pages/:slug', valid('param', SlugParam), (c) => c.json(readPublishedPage(db, c.req.valid('param').slug, config.publicUrl)))
    .get('/email-copy', (c) => c.json({ emails: emailsForPartner(db, c.get('session').partnerId, options()) }))
    .get('/banners', (c) => c.json({ banners: bannersForPartner(db, c.get('session').partnerId, options()) }));
}

/**
 * Uploaded images at /media/<name>: public (they end up on partners' sites), with their real type,
 * `nosniff`, a sandboxing CSP in case one is ever opened as a document, and a long cache (names are
 * random and never reused).
 */
export function mediaFileRoutes({ config }: Deps) {
  return new Hono().get('/:name', (c) => {
    const file = readMedia(config, c.req.param('name'));
    if (!file) return c.text('Not found', 404);
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.type,
      'Content-Length': String(file.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
