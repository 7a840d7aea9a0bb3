import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdminSignInRequest, AdminSignInResponse, adminSessionPaths } from '@rp/contract';
import { apiPath, freshApiBase, http, HttpResponse, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminSessionHandlers } from '../../../test/admin-signed-in.js';
import { replyThrottled } from '../../../test/admin-mock.js';
import { $, adminFixtures, adminSignedIn, focused, text } from '../../../test/admin-kit.js';
import { adminStoreFor } from '../admin-store.js';
import type { RpAdminSignin } from './rp-admin-signin.js';
import './rp-admin-signin.js';

async function render(apiBase: string): Promise<RpAdminSignin> {
  const el = await fixture<RpAdminSignin>(html`<rp-admin-signin api-base=${apiBase}></rp-admin-signin>`);
  await el.updateComplete;
  return el;
}

async function typeCredentials(el: RpAdminSignin, email = 'owner@example.com', password = 'correct horse battery'): Promise<void> {
  $<HTMLInputElement>(el, '#email').focus();
  await sendKeys({ type: email });
  $<HTMLInputElement>(el, '#password').focus();
  await sendKeys({ type: password });
}

const signInRoute = apiPath(adminSessionPaths.signIn);

describe('rp-admin-signin', () => {
  beforeEach(() => {
    resetApi();
    worker.use(...adminSessionHandlers);
  });

  it('renders labelled email and password fields with autocomplete hints and passes axe', async () => {
    const el = await render(freshApiBase());
    const email = $<HTMLInputElement>(el, '#email');
    const password = $<HTMLInputElement>(el, '#password');
    expect(text($(el, 'h2'))).to.equal('Back-office sign-in');
    expect(text($(el, 'label[for="email"]'))).to.equal('Email');
    expect(text($(el, 'label[for="password"]'))).to.equal('Password');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
    expect(el.matches(':state(signed-in)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('checks the fields with the browser constraints before sending anything', async () => {
    let requests = 0;
    worker.use(
      http.post(signInRoute, () => {
        requests += 1;
        return reply(AdminSignInResponse, adminFixtures.signIn);
      }),
    );
    const el = await render(freshApiBase());
    $<HTMLInputElement>(el, '#email').focus();
    await sendKeys({ type: 'not-an-email' });
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => $(el, '#email-error'), 'no field error');
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email').getAttribute('aria-describedby')).to.contain('email-error');
    expect($(el, '#password-error')).to.exist;
    expect(focused(el, '#email'), 'focus on #email').to.equal(true);
    expect(requests).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('signs in with Enter, is busy meanwhile, sends the credentials and fires rp-admin-signed-in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let body: unknown;
    worker.use(
      http.post(signInRoute, async ({ request }) => {
        body = AdminSignInRequest.parse(await request.json());
        await gate;
        return reply(AdminSignInResponse, adminFixtures.signIn);
      }),
    );
    const el = await render(freshApiBase());
    await typeCredentials(el, ' owner@example.com ', 'correct horse battery');
    const signedIn = oneEvent(document, 'rp-admin-signed-in');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLButtonElement>(el, '[part="submit"]').disabled, 'never pending');
    expect(text($(el, '[part="submit"]'))).to.equal('Signing in…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    release();
    const event = await signedIn;
    expect(event.detail).to.deep.equal({ admin: { email: 'owner@example.com', name: 'Olivia Owner' } });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(body).to.deep.equal({ email: 'owner@example.com', password: 'correct horse battery' });
    await el.updateComplete;
    expect(text($(el, '[part="status"]'))).to.equal('Signed in as Olivia Owner');
    expect(text($(el, '[part="account"]'))).to.contain('owner@example.com');
    expect(focused(el, '[part="status"]'), 'focus on [part="status"]').to.equal(true);
    expect(el.matches(':state(signed-in)')).to.equal(true);
    expect(el.store.session?.token).to.equal(adminFixtures.signIn.token);
    await expect(el).to.be.accessible();
  });

  it('shows a wrong password in a focused alert and clears the password', async () => {
    worker.use(http.post(signInRoute, () => replyError('invalid_credentials', 'That email and password do not match.')));
    const el = await render(freshApiBase());
    await typeCredentials(el, 'owner@example.com', 'wrong');
    await sendKeys({ press: 'Enter' });
    const error = $(el, '#error');
    await waitUntil(() => text(error).includes('do not match'), 'no error shown');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(focused(el, '#error'), 'focus on the error').to.equal(true);
    expect($<HTMLInputElement>(el, '#email').value).to.equal('owner@example.com');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
    expect($<HTMLButtonElement>(el, '[part="submit"]').disabled).to.equal(false);
    expect(el.store.signedIn).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when sign-in is throttled and for how long (Retry-After)', async () => {
    worker.use(http.post(signInRoute, () => replyThrottled('Too many sign-in attempts.', 540)));
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '#error')).includes('Too many'), 'no throttle message');
    expect(text($(el, '#error'))).to.equal('Too many sign-in attempts. Try again in 9 minutes.');
  });

  it('keeps the server text when it already says when to try again', async () => {
    worker.use(http.post(signInRoute, () => replyThrottled('Too many attempts. Try again in 15 minutes.', 900)));
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '#error')).includes('Too many'), 'no throttle message');
    expect(text($(el, '#error'))).to.equal('Too many attempts. Try again in 15 minutes.');
  });

  it("shows the server's field errors by their fields and keeps what was typed", async () => {
    worker.use(
      http.post(signInRoute, () => replyError('invalid_request', 'Some fields need attention.', { password: 'A password has at most 256 characters.' })),
    );
    const el = await render(freshApiBase());
    await typeCredentials(el, 'owner@example.com', 'typed');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#password-error'), 'no field error');
    expect(text($(el, '#password-error'))).to.equal('A password has at most 256 characters.');
    expect($(el, '#password').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('typed');
    expect(text($(el, '#error'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says so when the server cannot be reached', async () => {
    worker.use(http.post(signInRoute, () => HttpResponse.error()));
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '#error')).includes('Could not reach the server'), 'no network message');
  });

  it('toggles the password visibility with a pressed button', async () => {
    const el = await render(freshApiBase());
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#password').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.getAttribute('aria-label')).to.equal('Hide password');
  });

  it('says the session expired when the server refused the token', async () => {
    const apiBase = freshApiBase();
    const store = await adminSignedIn(apiBase);
    const el = await render(apiBase);
    expect($(el, '[part="status"]')).to.exist;
    worker.use(http.get(apiPath('/admin/settings'), () => replyError('unauthorized', 'Sign in again.')));
    await store.client.get('/admin/settings').catch(() => undefined);
    await el.updateComplete;
    expect(text($(el, '[part="notice"]'))).to.equal('Your session expired. Please sign in again.');
    expect(el.matches(':state(signed-in)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says the session expired when the stored session ran out while the tab was away', async () => {
    const apiBase = freshApiBase();
    const key = `rp-admin-session:${new URL(apiBase, document.baseURI).href}`;
    sessionStorage.setItem(key, JSON.stringify({ ...adminFixtures.signIn, expiresAt: '2020-01-01T00:00:00.000Z' }));
    const el = await render(apiBase);
    expect(el.store.signedIn).to.equal(false);
    expect(text($(el, '[part="notice"]'))).to.equal('Your session expired. Please sign in again.');
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('signs out on the server, fires rp-admin-signed-out and focuses the email field', async () => {
    const apiBase = freshApiBase();
    let signOuts = 0;
    await adminSignedIn(apiBase);
    worker.use(
      http.post(apiPath(adminSessionPaths.signOut), ({ request }) => {
        signOuts += request.headers.get('authorization') === `Bearer ${adminFixtures.signIn.token}` ? 1 : 0;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await render(apiBase);
    const signedOut = oneEvent(el, 'rp-admin-signed-out');
    $<HTMLButtonElement>(el, '[part="sign-out"]').click();
    const event = await signedOut;
    expect(event.detail).to.deep.equal({ reason: 'signed-out' });
    await el.updateComplete;
    expect(signOuts).to.equal(1);
    expect(adminStoreFor(apiBase).signedIn).to.equal(false);
    expect(focused(el, '#email'), 'focus on #email').to.equal(true);
    expect($(el, '[part="notice"]')).to.equal(null);
  });

  it('shares one session with every admin element of the same API', async () => {
    const apiBase = freshApiBase();
    const first = await render(apiBase);
    const second = await render(apiBase);
    await typeCredentials(first);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => second.shadowRoot!.querySelector('[part="status"]'), 'second never signed in');
    expect(text($(second, '[part="status"]'))).to.equal('Signed in as Olivia Owner');
  });
});
