/**
 * A small in-memory admin API of programs and commission rules for `<rp-admin-programs>` tests.
 * Request bodies are parsed by the contract's schemas (so the element cannot send what the
 * server would refuse) and answers go through `reply()`.
 */
import {
  AdminProgram,
  AdminProgramCreate,
  AdminProgramList,
  AdminProgramUpdate,
  CommissionRule,
  CommissionRuleCreate,
  CommissionRuleUpdate,
} from '@rp/contract';
import { http, HttpResponse, reply, replyError, worker } from './api-mock.js';
import { replyIssues, seeRequest, type SeenRequests } from './admin-mock.js';
import { adminPartnerFixtures } from './admin-partners-mock.js';

export interface AdminProgramsApi extends SeenRequests {
  programs: AdminProgram[];
}

const PROGRAMS = /\/api[^/]*\/admin\/programs(?:\/(\d+))?(?:\/rules)?(?:\/(\d+))?$/;

/** General rules first, then per-product overrides by SKU, each by id (as the server lists them). */
const ordered = (rules: CommissionRule[]) =>
  [...rules].sort((a, b) => Number(a.productSku !== null) - Number(b.productSku !== null) || compare(a.productSku ?? '', b.productSku ?? '') || a.id - b.id);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Installs the in-memory programs API (after `adminSignedIn()`); returns its state. */
export function useAdminProgramsApi(programs: AdminProgram[] = adminPartnerFixtures.programs.programs): AdminProgramsApi {
  const api: AdminProgramsApi = { programs: structuredClone(programs), requests: [], offline: new Set() };
  let nextRuleId = 100;

  worker.use(
    http.all(PROGRAMS, async ({ request }) => {
      const seen = await seeRequest(api, request, (path) => path.replace(/\/programs\/\d+/, '/programs/:id').replace(/\/rules\/\d+/, '/rules/:ruleId'));
      if (seen === 'offline') return HttpResponse.error();
      const { path, body } = seen;

      const [, programId, ruleId] = PROGRAMS.exec(new URL(request.url).pathname)!;
      const program = api.programs.find((p) => p.id === Number(programId));
      if (programId && !program) return replyError('not_found', `No program ${programId}.`);
      const isRules = path.includes('/rules');

      if (!programId) {
        if (request.method === 'GET') return reply(AdminProgramList, { programs: api.programs });
        const parsed = AdminProgramCreate.safeParse(body);
        if (!parsed.success) return replyIssues(parsed.error.issues);
        const created = AdminProgram.parse({
          ...parsed.data,
          id: Math.max(0, ...api.programs.map((p) => p.id)) + 1,
          archived: false,
          createdAt: '2026-11-02T12:00:00.000Z',
          enrolledPartners: 0,
          rules: [],
        });
        api.programs.push(created);
        return reply(AdminProgram, created, { status: 201 });
      }
      if (!isRules) {
        if (request.method === 'GET') return reply(AdminProgram, program!);
        const parsed = AdminProgramUpdate.safeParse(body);
        if (!parsed.success) return replyIssues(parsed.error.issues);
        Object.assign(program!, parsed.data);
        return reply(AdminProgram, program!);
      }
      if (!ruleId) {
        const parsed = CommissionRuleCreate.safeParse(body);
        if (!parsed.success) return replyIssues(parsed.error.issues);
        const rule = CommissionRule.parse({ ...parsed.data, id: nextRuleId++ });
        program!.rules = ordered([...program!.rules, rule]);
        return reply(CommissionRule, rule, { status: 201 });
      }
      const index = program!.rules.findIndex((r) => r.id === Number(ruleId));
      if (index < 0) return replyError('not_found', `Program ${programId} has no rule ${ruleId}.`);
      if (request.method === 'DELETE') {
        program!.rules = program!.rules.filter((r) => r.id !== Number(ruleId));
        return new HttpResponse(null, { status: 204 });
      }
      const update = CommissionRuleUpdate.parse(body);
      const { id, ...current } = program!.rules[index]!;
      const base = update.type !== undefined && update.type !== current.type ? { productSku: current.productSku, note: current.note } : current;
      const merged = CommissionRuleCreate.safeParse({ ...base, ...update });
      if (!merged.success) return replyIssues(merged.error.issues);
      const rule = CommissionRule.parse({ ...merged.data, id });
      program!.rules = ordered(program!.rules.map((r) => (r.id === id ? rule : r)));
      return reply(CommissionRule, rule);
    }),
  );
  return api;
}
