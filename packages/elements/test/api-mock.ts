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
  Balance,
  ClickPage,
  CommissionPage,
  DestinationList,
  LeadPage,
  LedgerPage,
  LinkList,
  SalePage,
  Summary,
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

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Fixtures of links, reports, ledger and summary (tracking and money). */
export const moneyFixtures = {
  destinations: DestinationList.parse({
    destinations: [
      { id: 1, name: 'Shop', url: 'https://shop.example.com/', description: 'The whole coffee shop.', allowSubpaths: true },
      { id: 2, name: 'Spring sale', url: 'https://shop.example.com/sale/spring', description: 'This season\'s offers only.', allowSubpaths: false },
    ],
  }),
  links: LinkList.parse({
    links: [
      {
        id: 7,
        slug: 'k3x9q2',
        url: 'https://go.example.com/r/k3x9q2',
        destinationId: 1,
        destinationName: 'Shop',
        targetUrl: 'https://shop.example.com/espresso',
        campaign: 'newsletter',
        clicks: 1234,
        createdAt: '2026-10-02T12:00:00.000Z',
      },
    ],
  }),
  balance: Balance.parse({ available: usd(12050), pending: usd(4500), total: usd(16550) }),
  summary: Summary.parse({
    balance: { available: usd(12050), pending: usd(4500), total: usd(16550) },
    earnedThisMonth: usd(8725),
    from: '2026-10-26',
    to: '2026-10-30',
    funnel: { clicks: 200, leads: 9, sales: 3 },
    daily: [
      { day: '2026-10-26', clicks: 30, leads: 1, sales: 0 },
      { day: '2026-10-27', clicks: 55, leads: 3, sales: 1 },
      { day: '2026-10-28', clicks: 80, leads: 4, sales: 2 },
      { day: '2026-10-29', clicks: 0, leads: 0, sales: 0 },
      { day: '2026-10-30', clicks: 35, leads: 1, sales: 0 },
    ],
  }),
  ledger: LedgerPage.parse({
    currency: 'USD',
    openingBalance: usd(10000),
    closingBalance: usd(16550),
    entries: [
      {
        id: 3,
        type: 'earned',
        amount: usd(4500),
        status: 'pending',
        availableAt: '2026-11-30T12:00:00.000Z',
        description: 'Commission on order ORD-1002',
        cause: { kind: 'sale', reference: 'ORD-1002' },
        programName: 'Coffee Subscriptions',
        balance: usd(16550),
        createdAt: '2026-10-31T12:00:00.000Z',
      },
      {
        id: 2,
        type: 'paid_out',
        amount: usd(-2000),
        status: 'available',
        availableAt: '2026-10-15T12:00:00.000Z',
        description: 'Payout',
        cause: { kind: 'payout', reference: 'PAY-77' },
        programName: null,
        balance: usd(12050),
        createdAt: '2026-10-15T12:00:00.000Z',
      },
      {
        id: 1,
        type: 'earned',
        amount: usd(4050),
        status: 'available',
        availableAt: '2026-10-01T12:00:00.000Z',
        description: 'Commission on order ORD-1001',
        cause: { kind: 'sale', reference: 'ORD-1001' },
        programName: 'Coffee Subscriptions',
        balance: usd(14050),
        createdAt: '2026-09-01T12:00:00.000Z',
      },
    ],
    nextCursor: null,
  }),
  commissions: CommissionPage.parse({
    rows: [
      {
        id: 11,
        createdAt: '2026-10-05T12:00:00.000Z',
        programName: 'Coffee Subscriptions',
        source: 'sale',
        reference: 'ORD-1001',
        amount: usd(4050),
        reversed: usd(1000),
        status: 'available',
        availableAt: '2026-11-04T12:00:00.000Z',
      },
      {
        id: 12,
        createdAt: '2026-10-06T12:00:00.000Z',
        programName: 'Wholesale Leads',
        source: 'lead',
        reference: 'LEAD-9',
        amount: usd(1500),
        reversed: usd(0),
        status: 'pending',
        availableAt: '2026-10-20T12:00:00.000Z',
      },
    ],
    nextCursor: null,
  }),
  leads: LeadPage.parse({
    rows: [
      {
        id: 21,
        createdAt: '2026-10-07T12:00:00.000Z',
        programName: 'Wholesale Leads',
        leadId: 'LEAD-9',
        contact: 'd•••@example.com',
        status: 'converted',
      },
      { id: 22, createdAt: '2026-10-08T12:00:00.000Z', programName: 'Wholesale Leads', leadId: 'LEAD-10', contact: 'Sam S.', status: 'new' },
    ],
    nextCursor: null,
  }),
  sales: SalePage.parse({
    rows: [
      {
        id: 31,
        createdAt: '2026-10-09T12:00:00.000Z',
        programName: 'Coffee Subscriptions',
        orderId: 'ORD-1001',
        amount: usd(32400),
        refunded: usd(8000),
        commission: usd(3050),
        status: 'available',
      },
    ],
    nextCursor: null,
  }),
  clicks: ClickPage.parse({
    rows: [
      { day: '2026-10-28', linkId: 7, slug: 'k3x9q2', destinationName: 'Shop', campaign: 'newsletter', clicks: 80 },
      { day: '2026-10-27', linkId: 7, slug: 'k3x9q2', destinationName: 'Shop', campaign: '', clicks: 1055 },
    ],
    nextCursor: null,
  }),
};

defaultHandlers.push(
  http.get(apiPath('/partner/destinations'), () => reply(DestinationList, moneyFixtures.destinations)),
  http.get(apiPath('/partner/links'), () => reply(LinkList, moneyFixtures.links)),
  http.get(apiPath('/partner/balance'), () => reply(Balance, moneyFixtures.balance)),
  http.get(apiPath('/partner/summary'), () => reply(Summary, moneyFixtures.summary)),
  http.get(apiPath('/partner/ledger'), () => reply(LedgerPage, moneyFixtures.ledger)),
  http.get(apiPath('/partner/reports/commissions'), () => reply(CommissionPage, moneyFixtures.commissions)),
  http.get(apiPath('/partner/reports/leads'), () => reply(LeadPage, moneyFixtures.leads)),
  http.get(apiPath('/partner/reports/sales'), () => reply(SalePage, moneyFixtures.sales)),
  http.get(apiPath('/partner/reports/clicks'), () => reply(ClickPage, moneyFixtures.clicks)),
);

/** Resets handlers to the defaults; call in `beforeEach`. */
export function resetApi(): void {
  worker.resetHandlers(...defaultHandlers);
}
resetApi();
