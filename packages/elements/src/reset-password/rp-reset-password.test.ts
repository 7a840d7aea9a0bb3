import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PasswordResetAccepted } from '@rp/contract';
import { freshApiBase, http, HttpResponse, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { accountFixtures, replyThrottled, useAccountsApi } from '../../test/accounts-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { storeFor } from '../core/center-store.js';
import type { RpResetPassword } from './rp-reset-password.js';
import './rp-reset-password.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const EXPIRED = 'This reset link has expired (links work for 30 minutes). Ask for a new one.';

async function render(options: { apiBase?: string; token?: string } = {}): Promise<RpResetPassword> {
  const apiBase = options.apiBase ?? freshApiBase();
  storeFor(apiBase, 'none');
  const el = await fixture<RpResetPassword>(
    options.token === undefined
      ? html`<rp-reset-password api-base=${apiBase} signin-url="/signin.html"></rp-reset-password>`
      : html`<rp-reset-password api-base=${apiBase} signin-url="/signin.html" token=${options.token}></rp-reset-password>`,
  );
  await el.updateComplete;
  return el;
}

/** Types into a field as a person would, replacing what it held. */
async function type(el: RpResetPassword, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

async function choose(el: RpResetPassword, password = 'harbor lights at dawn', again = password): Promise<void> {
  await type(el, 'password', password);
  await type(el, 'confirm', again);
  await sendKeys({ press: 'Enter' });
}

describe('rp-reset-password', () => {
  const start = location.href;
  beforeEach(() => {
    resetApi();
    useAccountsApi();
  });
  afterEach(() => history.replaceState(null, '', start));

  it('takes the token from the address, removes it from the address bar, and passes axe', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#token=tok-from-mail&lang=de`);
    const historyLength = history.length;
    let body: unknown;
    worker.use(
      http.post('*/auth/password-reset/confirm', async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await render();
    expect(location.hash).to.equal('#lang=de');
    expect(location.href).not.to.contain('tok-from-mail');
    expect(history.length).to.equal(historyLength);
    expect(text($(el, '[part="heading"]'))).to.equal('Choose a new password');
    expect($<HTMLInputElement>(el, '#password').autocomplete).to.equal('new-password');
    expect($<HTMLInputElement>(el, '#confirm').autocomplete).to.equal('new-password');
    expect(text($(el, 'label[for="password"]'))).to.equal('New password');
    expect(text($(el, 'label[for="confirm"]'))).to.equal('Type it again');
    await expect(el).to.be.accessible();
    await choose(el);
    await waitUntil(() => $(el, '[part="done"]'), 'never done');
    expect(body).to.deep.equal({ token: 'tok-from-mail', password: 'harbor lights at dawn' });
  });

  it('uses the token attribute over the address', async () => {
    history.replaceState(null, '', `${location.pathname}#token=from-address`);
    let body: unknown;
    worker.use(
      http.post('*/auth/password-reset/confirm', async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await render({ token: 'from-attribute' });
    await choose(el);
    await waitUntil(() => $(el, '[part="done"]'), 'never done');
    expect(body).to.deep.equal({ token: 'from-attribute', password: 'harbor lights at dawn' });
  });

  it('changes the password: pending state, confirmation with a sign-in link, local session cleared, rp-password-changed', async () => {
    const apiBase = freshApiBase();
    const store = await signedIn(apiBase);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.post('*/auth/password-reset/confirm', async () => {
        await gate;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await render({ apiBase, token: 'tok' });
    const changed = oneEvent(el, 'rp-password-changed');
    await choose(el);
    await waitUntil(() => $<HTMLButtonElement>(el, 'button[type="submit"]').disabled, 'never pending');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Changing your password…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    release();
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(text($(el, '#done'))).to.equal('Password changed');
    expect(text($(el, '[part="done"]'))).to.contain('You were signed out everywhere else');
    expect($(el, '[part="signin-link"]').getAttribute('href')).to.equal('/signin.html');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#done'));
    expect(store.signedIn).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('counts the new password as it is typed and shows or hides both fields', async () => {
    const el = await render({ token: 'tok' });
    await type(el, 'password', 'harbor');
    await el.updateComplete;
    expect(text($(el, '#password-hint .count'))).to.equal('6 of 12 characters.');
    await sendKeys({ type: ' lights!' });
    await el.updateComplete;
    expect(text($(el, '#password-hint .count'))).to.equal('14 characters: long enough.');
    $<HTMLButtonElement>(el, '[part="toggle"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#password').type).to.equal('text');
    expect($<HTMLInputElement>(el, '#confirm').type).to.equal('text');
  });

  it('stops a short password and two different passwords before sending anything', async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/password-reset/confirm', () => {
        requests += 1;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await render({ token: 'tok' });
    await choose(el, 'too short', 'too short');
    await el.updateComplete;
    expect($(el, '#password-error')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#password'));

    await choose(el, 'harbor lights at dawn', 'harbor lights at dusk');
    await el.updateComplete;
    expect($(el, '#password-error')).to.equal(null);
    expect(text($(el, '#confirm-error'))).to.equal('The two passwords differ. Type the same password twice.');
    expect($(el, '#confirm').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#confirm'));
    expect(requests).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it("shows the server's password message at the field and keeps what was typed", async () => {
    const common = 'This password is too common: it appears in lists of leaked passwords. Choose another.';
    worker.use(http.post('*/auth/password-reset/confirm', () => replyError('invalid_request', 'Some fields need attention.', { password: common })));
    const el = await render({ token: 'tok' });
    await choose(el, 'password1234');
    await waitUntil(() => $(el, '#password-error'), 'no field error');
    expect(text($(el, '#password-error'))).to.equal(common);
    expect($(el, '#password').getAttribute('aria-describedby')).to.equal('password-hint password-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#password'));
    expect($<HTMLInputElement>(el, '#password').value).to.equal('password1234');
    await expect(el).to.be.accessible();
  });

  it("on an expired link shows the server's message and asks for a new link, with the same answer for everyone", async () => {
    let body: unknown;
    worker.use(
      http.post('*/auth/password-reset/confirm', () => replyError('invalid_request', EXPIRED, { token: EXPIRED })),
      http.post('*/auth/password-reset', async ({ request }) => {
        body = await request.json();
        return reply(PasswordResetAccepted, accountFixtures.resetAccepted, { status: 202 });
      }),
    );
    const el = await render({ token: 'old' });
    await choose(el);
    await waitUntil(() => $(el, '[part="form-error"]'), 'no token message');
    const error = $(el, '[part="form-error"]');
    expect(text(error)).to.equal(EXPIRED);
    expect(error.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect(text($(el, '[part="heading"]'))).to.equal('Ask for a new link');
    expect($(el, '#password')).to.equal(null);
    await expect(el).to.be.accessible();

    await type(el, 'identifier', 'sam@example.com');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#sent'), 'no answer');
    expect(body).to.deep.equal({ identifier: 'sam@example.com' });
    expect(text($(el, '#sent'))).to.equal(accountFixtures.resetAccepted.message);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#sent'));
    expect($(el, '[part="form-error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('without any token, explains and offers to send a new link', async () => {
    history.replaceState(null, '', location.pathname);
    const el = await render();
    expect(text($(el, '[part="heading"]'))).to.equal('Ask for a new link');
    expect(text($(el, '.lead'))).to.contain('This page needs the link from your password reset email.');
    expect($<HTMLInputElement>(el, '#identifier').autocomplete).to.equal('username');
    await expect(el).to.be.accessible();
  });

  it("shows the server's field message and throttling when asking for a new link", async () => {
    worker.use(
      http.post('*/auth/password-reset', () =>
        replyError('invalid_request', 'Some fields need attention.', { identifier: 'Enter your partner code or email.' }),
      ),
    );
    const el = await render({ token: '' });
    await type(el, 'identifier', '  ');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#identifier-error'), 'no field error');
    expect(text($(el, '#identifier-error'))).to.equal('Enter your partner code or email.');
    expect($(el, '#identifier').getAttribute('aria-describedby')).to.equal('identifier-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#identifier'));

    worker.use(http.post('*/auth/password-reset', () => replyThrottled('Too many password reset requests.', 60)));
    await type(el, 'identifier', 'sam-r');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="form-error"]'), 'no throttle message');
    expect(text($(el, '[part="form-error"]'))).to.equal('Too many password reset requests. Try again in a minute.');
    expect($<HTMLInputElement>(el, '#identifier').value).to.equal('sam-r');
  });

  it('says when to try again when throttled (429 with Retry-After)', async () => {
    worker.use(http.post('*/auth/password-reset/confirm', () => replyThrottled('Too many attempts.', 300)));
    const el = await render({ token: 'tok' });
    await choose(el);
    await waitUntil(() => $(el, '[part="form-error"]'), 'no throttle message');
    expect(text($(el, '[part="form-error"]'))).to.equal('Too many attempts. Try again in 5 minutes.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="form-error"]'));
    expect($<HTMLInputElement>(el, '#password').value).to.equal('harbor lights at dawn');
  });

  it('says so when the server cannot be reached', async () => {
    worker.use(http.post('*/auth/password-reset/confirm', () => HttpResponse.error()));
    const el = await render({ token: 'tok' });
    await choose(el);
    await waitUntil(() => $(el, '[part="form-error"]'), 'no network message');
    expect(text($(el, '[part="form-error"]'))).to.contain('Could not reach the server');
    expect($(el, '[part="done"]')).to.equal(null);
  });
});
