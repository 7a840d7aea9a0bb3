/**
 * Fixtures and handlers of the back office's own routes (settings, outbox) for admin element
 * tests. Payloads go through `reply()`, so they are parsed by the contract like every mock.
 */
import { CenterSettings, ErrorBody, OutboxList, type MenuEntry } from '@rp/contract';
import { apiPath, http, HttpResponse, reply } from './api-mock.js';

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
