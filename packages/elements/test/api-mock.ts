/**
 * MSW for element tests. Every payload a handler answers with is parsed by the contract's schema
 * first, so a fixture that drifts from the server's contract fails the test that uses it.
 */
import { setupWorker } from 'msw/browser';
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import type * as z from 'zod';
import {
  CenterForPartner,
  CenterPublic,
  CommissionStructure,
  ErrorBody,
  Profile,
  ProgramList,
  SessionInfo,
  SignInResponse,
  errorStatus,
  type ErrorCode,
} from '@rp/contract';

export { http, HttpResponse, delay };

export const worker = setupWorker();
await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' });

/** Answers with `payload` after checking it against `schema`. */
export function reply<S extends z.ZodType>(schema: S, payload: z.input<S>, init?: { status?: number }) {
  return HttpResponse.json(schema.parse(payload) as never, init);
}

/** Answers with the contract's error shape. */
export function replyError(code: ErrorCode, message: string, fields?: Record<string, string>) {
  const body = ErrorBody.parse({ error: fields ? { code, message, fields } : { code, message } });
  return HttpResponse.json(body, { status: errorStatus[code] });
}

/**
 * Matches `<any api base>/path` exactly: the base is one segment starting with `api`
 * (see `freshApiBase`), so `/center` does not also catch `/partner/center`.
 */
export function apiPath(path: string): RegExp {
  return new RegExp(`/api[^/]*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

let counter = 0;
/**
 * A fresh API base per test, so the page-wide session stores of earlier tests do not leak in.
 * Handlers match any such base through `apiPath()`.
 */
export function freshApiBase(): string {
  counter += 1;
  return `/api-test-${counter}-${Date.now()}`;
}

export const fixtures = {
  center: CenterPublic.parse({
    name: 'Northwind Coffee Partners',
    currency: 'USD',
    locale: 'en-US',
    branding: { accentColor: '#2457d6', logoUrl: null },
  }),
  partnerCenter: CenterForPartner.parse({
    name: 'Northwind Coffee Partners',
    currency: 'USD',
    locale: 'en-US',
    branding: { accentColor: '#2457d6', logoUrl: null },
    welcomeMessage: 'Welcome to our partner program!\n\nShare your links and earn on every order.',
    menu: [
      { id: 'welcome', category: 'home', label: null },
      { id: 'profile', category: 'home', label: null },
      { id: 'programs', category: 'home', label: null },
      { id: 'commission-structure', category: 'home', label: null },
      { id: 'links', category: 'resources', label: null },
      { id: 'banners', category: 'resources', label: null },
      { id: 'email-copy', category: 'resources', label: null },
      { id: 'resource-pages', category: 'resources', label: null },
      { id: 'commissions', category: 'reports', label: null },
      { id: 'leads', category: 'reports', label: null },
      { id: 'sales', category: 'reports', label: null },
      { id: 'ledger', category: 'reports', label: null },
    ],
  }),
  signIn: SignInResponse.parse({
    token: 'test-token-0123456789abcdef0123456789abcdef',
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 7200,
    partner: { code: 'demo', name: 'Dana Demo' },
  }),
  session: SessionInfo.parse({
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 7200,
    partner: { code: 'demo', name: 'Dana Demo' },
  }),
  profile: Profile.parse({
    code: 'demo',
    status: 'active',
    name: 'Dana Demo',
    email: 'dana@example.com',
    company: 'Demo Media LLC',
    phone: '+1 555 0100',
    website: 'https://dana.example.com',
    address: { line1: '1 Main St', line2: '', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
    payoutEmail: '',
    joinedAt: '2025-03-01T12:00:00.000Z',
    updatedAt: '2026-10-01T12:00:00.000Z',
  }),
  programs: ProgramList.parse({
    programs: [
      {
        id: 1,
        name: 'Coffee Subscriptions',
        description: 'Earn on every subscription your readers start.',
        currency: 'USD',
        attributionWindowDays: 30,
        holdDays: 30,
        enrolledAt: '2025-03-01T12:00:00.000Z',
      },
      {
        id: 2,
        name: 'Wholesale Leads',
        description: 'Introduce cafés and offices to our wholesale team.',
        currency: 'USD',
        attributionWindowDays: 60,
        holdDays: 14,
        enrolledAt: '2025-04-01T12:00:00.000Z',
      },
    ],
  }),
  commissionStructure: CommissionStructure.parse({
    programs: [
      {
        programId: 1,
        programName: 'Coffee Subscriptions',
        currency: 'USD',
        attributionWindowDays: 30,
        holdDays: 30,
        rules: [
          { id: 1, type: 'percent_of_sale', basisPoints: 1250, productSku: null, note: '', recurringMonths: 12 },
          { id: 2, type: 'flat_per_sale', amount: { amount: 2500, currency: 'USD' }, productSku: 'GRINDER-PRO', note: 'Grinder bundle', recurringMonths: null },
        ],
      },
      {
        programId: 2,
        programName: 'Wholesale Leads',
        currency: 'USD',
        attributionWindowDays: 60,
        holdDays: 14,
        rules: [{ id: 3, type: 'flat_per_lead', amount: { amount: 1500, currency: 'USD' }, productSku: null, note: '' }],
      },
    ],
  }),
};

/** Handlers answering every partner route with the fixtures above; tests override with `worker.use()`. */
export const defaultHandlers: HttpHandler[] = [
  http.get(apiPath('/center'), () => reply(CenterPublic, fixtures.center)),
  http.post(apiPath('/auth/sign-in'), () => reply(SignInResponse, fixtures.signIn)),
  http.post(apiPath('/auth/sign-out'), () => new HttpResponse(null, { status: 204 })),
  http.get(apiPath('/auth/session'), () => reply(SessionInfo, fixtures.session)),
  http.get(apiPath('/partner/center'), () => reply(CenterForPartner, fixtures.partnerCenter)),
  http.get(apiPath('/partner/profile'), () => reply(Profile, fixtures.profile)),
  http.get(apiPath('/partner/programs'), () => reply(ProgramList, fixtures.programs)),
  http.get(apiPath('/partner/commission-structure'), () => reply(CommissionStructure, fixtures.commissionStructure)),
];

/** Resets handlers to the defaults; call in `beforeEach`. */
export function resetApi(): void {
  worker.resetHandlers(...defaultHandlers);
}
resetApi();
