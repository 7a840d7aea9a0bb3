import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  BannerCreate,
  BannerUpdate,
  EmailCopyCreate,
  EmailCopyUpdate,
  MAX_MEDIA_BYTES,
  ResourcePageCreate,
  ResourcePageUpdate,
} from '@rp/contract';
import { createBanner, deleteBanner, listAdminBanners, updateBanner } from '../domain/banners.ts';
import { createEmail, deleteEmail, listAdminEmails, updateEmail } from '../domain/email-copy.ts';
import { storeMedia } from '../domain/media.ts';
import { createPage, deletePage, listAdminPages, updatePage } from '../domain/resource-pages.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { valid } from '../http/validation.ts';
import { IdParam } from './destinations.ts';

/** The one API path whose body may be larger than the API's default limit (see app.ts). */
export const MEDIA_UPLOAD_PATH = '/api/admin/media';

/** Multipart framing around a 2 MB image: boundaries and part headers. */
const MULTIPART_SLACK = 16 * 1024;

const tooLarge = () => new ApiError('payload_too_large', `Images may be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`);

/** The uploaded bytes: the `file` field of a multipart form, or else the raw body. */
async function uploadedBytes(c: { req: { header(name: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer>; parseBody(): Promise<Record<string, unknown>> } }): Promise<Buffer> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('invalid_request', 'The form could not be read; send the image in a field named "file".');
    }
    const file = form['file'];
    if (!(file instanceof File)) throw new ApiError('invalid_request', 'Send the image in a form field named "file".', { fields: { file: 'Choose an image.' } });
    return Buffer.from(await file.arrayBuffer());
  }
  return Buffer.from(await c.req.arrayBuffer());
}

/**
 * The merchant's resources: resource pages, email copy, banners and their image uploads. Mounted
 * inside `adminRoutes`, behind its admin-key guard (so at /api/admin/...).
 */
export function adminResourceRoutes({ db, config, now }: Deps) {
  return new Hono<AppEnv>()
    .get('/resource-pages', (c) => c.json({ pages: listAdminPages(db) }))
    .post('/resource-pages', valid('json', ResourcePageCreate), (c) => c.json(createPage(db, c.req.valid('json'), now()), 201))
    .patch('/resource-pages/:id', valid('param', IdParam), valid('json', ResourcePageUpdate), (c) =>
      c.json(updatePage(db, c.req.valid('param').id, c.req.valid('json'), now())),
    )
    .delete('/resource-pages/:id', valid('param', IdParam), (c) => {
      deletePage(db, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .get('/email-copy', (c) => c.json({ emails: listAdminEmails(db) }))
    .post('/email-copy', valid('json', EmailCopyCreate), (c) => c.json(createEmail(db, c.req.valid('json'), now()), 201))
    .patch('/email-copy/:id', valid('param', IdParam), valid('json', EmailCopyUpdate), (c) =>
      c.json(updateEmail(db, c.req.valid('param').id, c.req.valid('json'), now())),
    )
    .delete('/email-copy/:id', valid('param', IdParam), (c) => {
      deleteEmail(db, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .post(
      '/media',
      bodyLimit({ maxSize: MAX_MEDIA_BYTES + MULTIPART_SLACK, onError: () => { throw tooLarge(); } }),
      async (c) => c.json(storeMedia(config, await uploadedBytes(c)), 201),
    )
    .get('/banners', (c) => c.json({ banners: listAdminBanners(db, config) }))
    .post('/banners', valid('json', BannerCreate), (c) => c.json(createBanner(db, config, c.req.valid('json'), now()), 201))
    .patch('/banners/:id', valid('param', IdParam), valid('json', BannerUpdate), (c) =>
      c.json(updateBanner(db, config, c.req.valid('param').id, c.req.valid('json'), now())),
    )
    .delete('/banners/:id', valid('param', IdParam), (c) => {
      deleteBanner(db, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
