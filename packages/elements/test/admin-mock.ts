/**
 * Fixtures and handlers of the back office's own routes (settings, outbox) for admin element
 * tests, and what the in-memory admin APIs (partners, programs) share: the log of the requests
 * they saw, routes that fail as if offline, the contract's refusals. Payloads go through
 * `reply()`, so they are parsed by the contract like every mock.
 */
import { CenterSettings, ErrorBody, OutboxList, type MenuEntry } from '@rp/contract';
import { apiPath, http, HttpResponse, reply, replyError } from './api-mock.js';

const menu: MenuEntry[] = [
  { id: 'welcome', visible: true, label: null },
  { id: 'profile', visible: true, label: null },
  { id: 'programs', visible: true, label: null },
  { id: 'commission-structure', visible: true, label: null },
  { id: 'links', visible: true, label: 'Share links' },
  { id: 'banners', visible: true, label: null },
  { id: 'email-copy', visible: false, label: null },
  { id: 'resource-pages', visible: true, label: null },
  { id: 'commissions', visible: true, label: null },
  { id: 'leads', visible: true, label: null },
  { id: 'sales', visible: true, label: null },
  { id: 'ledger', visible: true, label: null },
];

export const adminMockFixtures = {
  settings: CenterSettings.parse({
    name: 'Northwind Coffee Partners',
    welcomeMessage: 'Welcome to our partner program!\n\nShare your links and earn on every order.',
    currency: 'USD',
    locale: 'en-US',
    branding: { accentColor: '#2457d6', logoUrl: null },
    signUpApproval: 'review',
    menu,
  }),
  outbox: OutboxList.parse({
    messages: [
      {
        id: 3,
        to: 'dana@example.com',
        subject: 'Reset your Northwind partner password',
        text:
          'Hello Dana,\n\nSomeone asked to reset the password of partner code demo.\n' +
          'Choose a new password here: https://partners.example.com/reset.html#token=abc123.\n\n' +
          'The link works once, for one hour. If you did not ask, ignore this mail.',
        html: null,
        createdAt: '2026-11-02T09:30:00.000Z',
        sentAt: null,
      },
      {
        id: 2,
        to: 'sam@example.com',
        subject: 'Your partner account is waiting for approval',
        text: 'Hello Sam,\n\nThanks for signing up. We will review your application shortly.',
        html: null,
        createdAt: '2026-11-01T15:00:00.000Z',
        sentAt: null,
      },
      {
        id: 1,
        to: 'lee@example.com',
        subject: 'Welcome to Northwind partners',
        text: 'Hello Lee,\n\nYour partner code is lee. Sign in at https://partners.example.com/signin.html',
        html: '<p>Hello Lee</p>',
        createdAt: '2026-10-30T08:00:00.000Z',
        sentAt: '2026-10-30T08:00:05.000Z',
      },
    ],
  }),
};

export const adminPaths = {
  settings: '/admin/settings',
  outbox: '/admin/outbox',
} as const;

/** GET settings and outbox, answered from the fixtures above. */
export const adminDataHandlers = [
  http.get(apiPath(adminPaths.settings), () => reply(CenterSettings, adminMockFixtures.settings)),
  http.get(apiPath(adminPaths.outbox), () => reply(OutboxList, adminMockFixtures.outbox)),
];

/** A 429 as the server sends it: `Retry-After` header and `retryAfterSeconds` in the body. */
export function replyThrottled(message: string, retryAfterSeconds: number) {
  const body = ErrorBody.parse({ error: { code: 'throttled', message, retryAfterSeconds } });
  return HttpResponse.json(body, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
}

/** One request an in-memory admin API saw. */
export interface SeenRequest {
  method: string;
  /** Without the API base: `/admin/partners/demo`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  idempotencyKey: string | null;
}

/** The requests an in-memory admin API saw, and its routes that fail as if the server could not be reached. */
export interface SeenRequests {
  requests: SeenRequest[];
  /** Routes as `route` names them ("POST /admin/payouts", "PATCH /admin/programs/:id"): each fails once. */
  offline: Set<string>;
}

/**
 * Notes `request` in `api.requests`, its JSON body parsed; `'offline'` when its route (the method
 * and the path as `route` writes it) is in `api.offline`, which it then leaves.
 */
export async function seeRequest(api: SeenRequests, request: Request, route: (path: string) => string = (path) => path): Promise<SeenRequest | 'offline'> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api[^/]*/, '');
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  const seen: SeenRequest = {
    method: request.method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: text ? JSON.parse(text) : undefined,
    idempotencyKey: request.headers.get('idempotency-key'),
  };
  api.requests.push(seen);
  return api.offline.delete(`${request.method} ${route(path)}`) ? 'offline' : seen;
}

/** The server's answer to a body the contract refuses: each issue's message at its field path. */
export function replyIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  return replyError('invalid_request', 'Some fields need attention.', Object.fromEntries(issues.map((i) => [i.path.map(String).join('.'), i.message])));
}
