/**
 * MSW fixtures and handlers for the public account routes: sign-up and password reset. Payloads
 * go through the contract schemas, as in api-mock.ts, so they cannot drift from the server.
 */
import { ErrorBody, PasswordResetAccepted, SignUpOptions, SignUpResponse } from '@rp/contract';
import { apiPath, http, HttpResponse, reply, worker } from './api-mock.js';

export const accountFixtures = {
  options: SignUpOptions.parse({
    approval: 'review',
    programs: [
      { id: 1, name: 'Coffee Subscriptions', description: 'Earn on every subscription your readers start.' },
      { id: 2, name: 'Wholesale Leads', description: 'Introduce cafés and offices to our wholesale team.' },
    ],
    passwordMinLength: 12,
  }),
  pending: SignUpResponse.parse({
    partnerCode: 'sam-r',
    status: 'pending',
    message:
      'Thanks for signing up! Your partner code is "sam-r": it is also your username. ' +
      'The program manager reviews new partners first; you can sign in once your account is approved.',
  }),
  active: SignUpResponse.parse({
    partnerCode: 'sam-r',
    status: 'active',
    message: 'Welcome aboard! Your partner code is "sam-r": it is also your username. You can sign in now with it and your password.',
  }),
  resetAccepted: PasswordResetAccepted.parse({
    message:
      'If an account matches, we sent a link to its email address to choose a new password. The link works once, for 30 minutes.',
  }),
};

/** The account routes answering with the fixtures: options, a pending sign-up, an accepted reset, a changed password. */
export const accountHandlers = [
  http.get(apiPath('/auth/sign-up'), () => reply(SignUpOptions, accountFixtures.options)),
  http.post(apiPath('/auth/sign-up'), () => reply(SignUpResponse, accountFixtures.pending, { status: 201 })),
  http.post(apiPath('/auth/password-reset'), () => reply(PasswordResetAccepted, accountFixtures.resetAccepted, { status: 202 })),
  http.post(apiPath('/auth/password-reset/confirm'), () => new HttpResponse(null, { status: 204 })),
];

/** Adds the account routes to the current handlers; call after `resetApi()`. */
export function useAccountsApi(): void {
  worker.use(...accountHandlers);
}

/** A 429 as the server sends it: the error body with `retryAfterSeconds`, and a `Retry-After` header. */
export function replyThrottled(message: string, retryAfterSeconds: number) {
  const body = ErrorBody.parse({ error: { code: 'throttled', message, retryAfterSeconds } });
  return HttpResponse.json(body, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
}
