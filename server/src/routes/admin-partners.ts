import { Hono } from 'hono';
import * as z from 'zod';
import { AdminEnrollmentCreate, AdminPartnerCreate, AdminPartnerQuery } from '@rp/contract';
import {
  addEnrollment,
  approvalMail,
  changeStatus,
  createAdminPartner,
  listAdminPartners,
  partnerByCode,
  readAdminPartner,
  removeEnrollment,
  resetPassword,
} from '../domain/admin-partners.ts';
import { readSettings } from '../domain/center.ts';
import { sendInBackground } from '../domain/mailer.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

const CodeParam = z.object({ code: z.string().min(1).max(40) });
const EnrollmentParam = CodeParam.extend({ programId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** `/api/admin/partners`: mounted inside `adminRoutes`, behind its guard. */
export function adminPartnerRoutes({ db, now, mailer, config }: Deps) {
  return new Hono<AppEnv>()
    .get('/partners', valid('query', AdminPartnerQuery), (c) => c.json(listAdminPartners(db, c.req.valid('query'))))
    .post('/partners', valid('json', AdminPartnerCreate), async (c) => c.json(await createAdminPartner(db, c.req.valid('json'), now()), 201))
    .get('/partners/:code', valid('param', CodeParam), (c) => c.json(readAdminPartner(db, partnerByCode(db, c.req.valid('param').code).id, now())))
    .post('/partners/:code/approve', valid('param', CodeParam), (c) => {
      const partner = changeStatus(db, c.req.valid('param').code, 'approve', now());
      // Sign-up told them to wait for this; the mail goes after the change is committed.
      const { name, code, email } = partner.profile;
      sendInBackground(mailer, approvalMail(config.publicUrl, readSettings(db).name, { name, code, email }));
      return c.json(partner);
    })
    .post('/partners/:code/suspend', valid('param', CodeParam), (c) => c.json(changeStatus(db, c.req.valid('param').code, 'suspend', now())))
    .post('/partners/:code/reactivate', valid('param', CodeParam), (c) => c.json(changeStatus(db, c.req.valid('param').code, 'reactivate', now())))
    .post('/partners/:code/reset-password', valid('param', CodeParam), async (c) => c.json(await resetPassword(db, c.req.valid('param').code, now())))
    .post('/partners/:code/enrollments', valid('param', CodeParam), valid('json', AdminEnrollmentCreate), (c) =>
      c.json(addEnrollment(db, c.req.valid('param').code, c.req.valid('json').programId, now()), 201),
    )
    .delete('/partners/:code/enrollments/:programId', valid('param', EnrollmentParam), (c) => {
      const { code, programId } = c.req.valid('param');
      removeEnrollment(db, code, programId);
      return c.body(null, 204);
    });
}
