import { Hono } from 'hono';
import * as z from 'zod';
import { AdminProgramCreate, AdminProgramUpdate, CommissionRuleCreate, CommissionRuleUpdate } from '@rp/contract';
import {
  addRule,
  createAdminProgram,
  deleteRule,
  listAdminPrograms,
  readAdminProgram,
  updateAdminProgram,
  updateRule,
} from '../domain/admin-programs.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ProgramParam = z.object({ id });
const RuleParam = z.object({ id, ruleId: id });

/** `/api/admin/programs`: mounted inside `adminRoutes`, behind its guard. */
export function adminProgramRoutes({ db, now }: Deps) {
  return new Hono<AppEnv>()
    .get('/programs', (c) => c.json({ programs: listAdminPrograms(db) }))
    .post('/programs', valid('json', AdminProgramCreate), (c) => c.json(createAdminProgram(db, c.req.valid('json'), now()), 201))
    .get('/programs/:id', valid('param', ProgramParam), (c) => c.json(readAdminProgram(db, c.req.valid('param').id)))
    .patch('/programs/:id', valid('param', ProgramParam), valid('json', AdminProgramUpdate), (c) =>
      c.json(updateAdminProgram(db, c.req.valid('param').id, c.req.valid('json'), now())),
    )
    .post('/programs/:id/rules', valid('param', ProgramParam), valid('json', CommissionRuleCreate), (c) =>
      c.json(addRule(db, c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .patch('/programs/:id/rules/:ruleId', valid('param', RuleParam), valid('json', CommissionRuleUpdate), (c) => {
      const { id: programId, ruleId } = c.req.valid('param');
      return c.json(updateRule(db, programId, ruleId, c.req.valid('json')));
    })
    .delete('/programs/:id/rules/:ruleId', valid('param', RuleParam), (c) => {
      const { id: programId, ruleId } = c.req.valid('param');
      deleteRule(db, programId, ruleId);
      return c.body(null, 204);
    });
}
