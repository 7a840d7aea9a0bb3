/**
 * A small in-memory admin API for the partner elements' tests: partners (list with search, status
 * and keyset cursor, detail, create, status changes, password reset, enrollments), programs,
 * payouts with Idempotency-Key replay, and coupons. Every request body is parsed by the contract
 * and every answer goes through `reply()`, so the mock cannot drift from the server.
 */
import {
  AdminEnrollmentCreate,
  AdminPartner,
  AdminPartnerCreate,
  AdminPartnerCreated,
  AdminPartnerPage,
  AdminPasswordReset,
  AdminProgramList,
  Coupon,
  CouponCreate,
  CouponList,
  CouponListQuery,
  PayoutCreate,
  PayoutResult,
  type AdminPartnerSummary,
  type AdminProgram,
  type PartnerStatus,
} from '@rp/contract';
import { http, HttpResponse, reply, replyError, worker } from './api-mock.js';
import { seeRequest, type SeenRequests } from './admin-mock.js';

export type { SeenRequest } from './admin-mock.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const address = { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

function partner(
  code: string,
  name: string,
  email: string,
  status: PartnerStatus,
  joinedAt: string,
  balance: [available: number, pending: number],
  programIds: number[] = [],
): AdminPartner {
  return AdminPartner.parse({
    profile: {
      code,
      name,
      email,
      status,
      company: '',
      phone: '',
      website: '',
      address,
      payoutEmail: '',
      joinedAt,
      updatedAt: joinedAt,
    },
    enrollments: programIds.map((id) => ({
      programId: id,
      programName: adminPartnerFixtures.programs.programs.find((p) => p.id === id)!.name,
      enrolledAt: joinedAt,
    })),
    balance: { available: usd(balance[0]), pending: usd(balance[1]), total: usd(balance[0] + balance[1]) },
  });
}

export const adminPartnerFixtures = {
  programs: AdminProgramList.parse({
    programs: [
      {
        id: 1,
        name: 'Coffee Subscriptions',
        description: 'Earn on every subscription your readers start.',
        currency: 'USD',
        attributionWindowDays: 30,
        holdDays: 30,
        isOpen: true,
        archived: false,
        createdAt: '2025-01-10T12:00:00.000Z',
        enrolledPartners: 3,
        rules: [
          { id: 1, type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12, productSku: null, note: '' },
          { id: 2, type: 'flat_per_sale', amount: usd(2500), recurringMonths: null, productSku: 'GRINDER-PRO', note: 'Grinder bundle' },
        ],
      },
      {
        id: 2,
        name: 'Wholesale Referrals',
        description: 'Introduce cafés and offices to our wholesale team.',
        currency: 'USD',
        attributionWindowDays: 60,
        holdDays: 14,
        isOpen: false,
        archived: false,
        createdAt: '2025-02-10T12:00:00.000Z',
        enrolledPartners: 1,
        rules: [{ id: 3, type: 'flat_per_lead', amount: usd(1500), productSku: null, note: '' }],
      },
      {
        id: 3,
        name: 'Gift Cards',
        description: 'Last season’s gift cards.',
        currency: 'USD',
        attributionWindowDays: 30,
        holdDays: 0,
        isOpen: false,
        archived: true,
        createdAt: '2025-03-10T12:00:00.000Z',
        enrolledPartners: 0,
        rules: [],
      },
    ],
  }),
  /** Oldest first; the list answers newest first. */
  partners(): AdminPartner[] {
    const dana = partner('demo', 'Dana Demo', 'dana@example.com', 'active', '2025-03-01T12:00:00.000Z', [12050, 4500], [1, 2]);
    return [
      {
        ...dana,
        profile: {
          ...dana.profile,
          company: 'Demo Media LLC',
          phone: '+1 555 0100',
          website: 'https://dana.example.com',
          address: { ...address, line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
        },
      },
      partner('brewblog', 'Sam Okafor', 'sam@brewblog.example', 'active', '2025-05-12T12:00:00.000Z', [3075, 0], [1]),
      partner('latteletters', 'Lena Hartmann', 'lena@latteletters.example', 'suspended', '2025-08-20T12:00:00.000Z', [0, 0], [1]),
      partner('newroaster', 'Jordan Reyes', 'jordan@newroaster.example', 'pending', '2026-10-30T12:00:00.000Z', [0, 0]),
    ];
  },
  /** Coupon code → partner code. */
  coupons: [['DEMO-WELCOME', 'demo']] as [string, string][],
  generatedPassword: 'vX3k-Generated-Pass_0123',
  temporaryPassword: 'Tmp-9f8e7d6c5b4a3210',
};

export interface AdminPartnersApi extends SeenRequests {
  /** The partners, oldest first; tests may change them. */
  partners: AdminPartner[];
  programs: AdminProgram[];
  /** Coupon code → partner code. */
  coupons: Map<string, string>;
}

const COUPON_CREATED = '2026-11-02T12:00:00.000Z';
const PARTNER = /\/api[^/]*\/admin\/partners\/([^/]+)(?:\/([a-z-]+))?(?:\/(\d+))?$/;

const summary = (p: AdminPartner): AdminPartnerSummary => ({
  code: p.profile.code,
  name: p.profile.name,
  email: p.profile.email,
  status: p.profile.status,
  joinedAt: p.profile.joinedAt,
});

/** Installs the in-memory admin partner API (after `adminSignedIn()`); returns its state. */
export function useAdminPartnersApi(): AdminPartnersApi {
  const api: AdminPartnersApi = {
    partners: adminPartnerFixtures.partners(),
    programs: structuredClone(adminPartnerFixtures.programs.programs),
    requests: [],
    coupons: new Map(adminPartnerFixtures.coupons),
    offline: new Set(),
  };
  const payoutAnswers = new Map<string, { body: string; answer: PayoutResult }>();
  const find = (code: string) => api.partners.find((p) => p.profile.code === decodeURIComponent(code));

  const seen = (request: Request) => seeRequest(api, request, (path) => path.replace(/\/admin\/partners\/[^/]+/, '/admin/partners/:code'));

  const status = (p: AdminPartner, to: PartnerStatus) => {
    p.profile = { ...p.profile, status: to };
  };

  worker.use(
    http.get(/\/api[^/]*\/admin\/partners$/, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      const { search = '', status: wanted, cursor, limit = '50' } = seenRequest.query;
      const needle = search.trim().toLowerCase();
      const newestFirst = [...api.partners].reverse().filter(
        (p) =>
          (!wanted || p.profile.status === wanted) &&
          (!needle || [p.profile.code, p.profile.name, p.profile.email].some((v) => v.toLowerCase().includes(needle))),
      );
      const start = cursor ? Number(atob(cursor)) : 0;
      const page = newestFirst.slice(start, start + Number(limit));
      const next = start + page.length;
      return reply(AdminPartnerPage, {
        partners: page.map(summary),
        nextCursor: next < newestFirst.length ? btoa(String(next)) : null,
      });
    }),
    http.post(/\/api[^/]*\/admin\/partners$/, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      const input = AdminPartnerCreate.parse(seenRequest.body);
      if (input.code && find(input.code)) return replyError('conflict', `The code "${input.code}" is taken.`, { code: 'This code is taken.' });
      if (api.partners.some((p) => p.profile.email === input.email)) {
        return replyError('conflict', 'A partner with this email exists.', { email: 'A partner with this email exists.' });
      }
      const code = input.code ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const created = partner(code, input.name, input.email, input.status, '2026-11-02T12:00:00.000Z', [0, 0], input.programIds);
      api.partners.push(created);
      return reply(AdminPartnerCreated, { partner: created, password: input.password ? null : adminPartnerFixtures.generatedPassword }, { status: 201 });
    }),
    http.all(PARTNER, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      const [, code = '', action, programId] = PARTNER.exec(new URL(request.url).pathname)!;
      const p = find(code);
      if (!p) return replyError('not_found', `No partner with code "${decodeURIComponent(code)}".`);
      const route = `${request.method} ${action ?? ''}`;
      const transition = (from: PartnerStatus[], to: PartnerStatus, verb: string) => {
        if (!from.includes(p.profile.status)) return replyError('conflict', `Cannot ${verb} a partner who is ${p.profile.status}.`);
        status(p, to);
        return reply(AdminPartner, p);
      };
      switch (route) {
        case 'GET ':
          return reply(AdminPartner, p);
        case 'POST approve':
          return transition(['pending'], 'active', 'approve');
        case 'POST suspend':
          return transition(['pending', 'active'], 'suspended', 'suspend');
        case 'POST reactivate':
          return transition(['suspended'], 'active', 'reactivate');
        case 'POST reset-password':
          return reply(AdminPasswordReset, { temporaryPassword: adminPartnerFixtures.temporaryPassword });
        case 'POST enrollments': {
          const { programId: id } = AdminEnrollmentCreate.parse(seenRequest.body);
          const program = api.programs.find((pr) => pr.id === id);
          if (!program) return replyError('not_found', `No program ${id}.`, { programId: 'No such program.' });
          if (p.enrollments.some((e) => e.programId === id)) {
            return replyError('conflict', 'The partner is already enrolled in this program.', { programId: 'Already enrolled.' });
          }
          p.enrollments = [...p.enrollments, { programId: id, programName: program.name, enrolledAt: '2026-11-02T12:00:00.000Z' }];
          return reply(AdminPartner, p, { status: 201 });
        }
        case 'DELETE enrollments': {
          const before = p.enrollments.length;
          p.enrollments = p.enrollments.filter((e) => e.programId !== Number(programId));
          if (p.enrollments.length === before) return replyError('not_found', 'The partner is not enrolled in this program.');
          return new HttpResponse(null, { status: 204 });
        }
        default:
          return replyError('not_found', 'No such route.');
      }
    }),
    http.get(/\/api[^/]*\/admin\/programs$/, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      return reply(AdminProgramList, { programs: api.programs });
    }),
    http.post(/\/api[^/]*\/admin\/payouts$/, async ({ request }) => {
      const seenRequest = await seen(request);
      const key = seenRequest === 'offline' ? null : seenRequest.idempotencyKey;
      if (seenRequest === 'offline') return HttpResponse.error();
      if (!key) return replyError('invalid_request', 'Send an Idempotency-Key header.', { 'Idempotency-Key': 'Required.' });
      const input = PayoutCreate.parse(seenRequest.body);
      const bodyText = JSON.stringify(seenRequest.body);
      const stored = payoutAnswers.get(key);
      if (stored) {
        if (stored.body !== bodyText) return replyError('conflict', 'This Idempotency-Key was already used with a different request body.');
        return reply(PayoutResult, stored.answer, { status: 201 });
      }
      const p = find(input.partnerCode);
      if (!p) return replyError('not_found', `No partner with code "${input.partnerCode}".`);
      const available = p.balance.available.amount;
      if (input.amount.amount > available) {
        return replyError('unprocessable', 'The payout is more than the available balance.', { 'amount.amount': `At most ${available}.` });
      }
      p.balance = {
        available: usd(available - input.amount.amount),
        pending: p.balance.pending,
        total: usd(p.balance.total.amount - input.amount.amount),
      };
      const answer = PayoutResult.parse({
        id: payoutAnswers.size + 1,
        partnerCode: p.profile.code,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
        availableAfter: p.balance.available,
        createdAt: '2026-11-02T12:00:00.000Z',
      });
      payoutAnswers.set(key, { body: bodyText, answer });
      return reply(PayoutResult, answer, { status: 201 });
    }),
    http.get(/\/api[^/]*\/admin\/coupons$/, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      const { partnerCode } = CouponListQuery.parse(seenRequest.query);
      if (!find(partnerCode)) return replyError('not_found', `No partner with code "${partnerCode}".`);
      const coupons = [...api.coupons].filter(([, owner]) => owner === partnerCode);
      return reply(CouponList, { coupons: coupons.map(([code]) => ({ code, partnerCode, createdAt: COUPON_CREATED })) });
    }),
    http.post(/\/api[^/]*\/admin\/coupons$/, async ({ request }) => {
      const seenRequest = await seen(request);
      if (seenRequest === 'offline') return HttpResponse.error();
      if (!seenRequest.idempotencyKey) return replyError('invalid_request', 'Send an Idempotency-Key header.', { 'Idempotency-Key': 'Required.' });
      const input = CouponCreate.parse(seenRequest.body);
      if (api.coupons.has(input.code)) {
        return replyError('conflict', `The coupon code "${input.code}" is already assigned.`, { code: 'Already assigned.' });
      }
      api.coupons.set(input.code, input.partnerCode);
      return reply(Coupon, { code: input.code, partnerCode: input.partnerCode, createdAt: COUPON_CREATED }, { status: 201 });
    }),
  );
  return api;
}
