import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PasswordResetAccepted, SignInResponse } from '@rp/contract';
import { delay, fixtures, freshApiBase, http, HttpResponse, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { accountFixtures, replyThrottled, useAccountsApi } from '../../test/accounts-mock.js';
import { storeFor } from '../core/center-store.js';
import type { RpSignin } from './rp-signin.js';
import './rp-signin.js';


const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

async function render(apiBase: string, redirect?: string): Promise<RpSignin> {
  storeFor(apiBase, 'none');
  const el = await fixture<RpSignin>(html`<rp-signin api-base=${apiBase} redirect=${redirect ?? ''}></rp-signin>`);
  if (!redirect) el.removeAttribute('redirect');
  await el.updateComplete;
  return el;
}

async function typeCredentials(el: RpSignin, code = 'demo', password = 'demo-partner'): Promise<void> {
  $<HTMLInputElement>(el, '#code').focus();
  await sendKeys({ type: code });
  $<HTMLInputElement>(el, '#password').focus();
  await sendKeys({ type: password });
}

describe('rp-signin', () => {
  beforeEach(() => resetApi());

  it('renders labelled fields with autocomplete hints and passes axe', async () => {
    const el = await render(freshApiBase());
    const code = $<HTMLInputElement>(el, '#code');
    const password = $<HTMLInputElement>(el, '#password');
    expect($(el, 'label[for="code"]').textContent!.trim()).to.equal('Partner code');
    expect($(el, 'label[for="password"]').textContent!.trim()).to.equal('Password');
    expect(code.autocomplete).to.equal('username');
    expect(password.autocomplete).to.equal('current-password');
    expect(code.required && password.required).to.equal(true);
    expect(password.type).to.equal('password');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('shows the center name once the public settings load', async () => {
    const el = await render(freshApiBase());
    await waitUntil(() => $(el, '[part="brand"]'), 'brand never shown');
    expect($(el, '[part="brand"]').textContent).to.contain('Northwind Coffee Partners');
  });

  it('lets the browser constraints stop an empty form before anything is sent', async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/sign-in', () => {
        requests += 1;
        return reply(SignInResponse, fixtures.signIn);
      }),
    );
    const el = await render(freshApiBase());
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#code').validity.valueMissing).to.equal(true);
    expect(requests).to.equal(0);
    expect(el.store.signedIn).to.equal(false);
  });

  it('signs in with the keyboard (Enter), shows the pending state and fires rp-signed-in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let body: unknown;
    worker.use(
      http.post('*/auth/sign-in', async ({ request }) => {
        body = await request.json();
        await gate;
        return reply(SignInResponse, fixtures.signIn);
      }),
    );
    const el = await render(freshApiBase());
    await typeCredentials(el, ' demo ', 'demo-partner');
    const signedInEvent = oneEvent(document, 'rp-signed-in');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLButtonElement>(el, 'button[type="submit"]').disabled, 'never pending');
    expect($(el, 'button[type="submit"]').textContent).to.contain('Signing in…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    release();
    const event = await signedInEvent;
    expect(event.detail).to.deep.equal({ partner: { code: 'demo', name: 'Dana Demo' } });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(body).to.deep.equal({ code: 'demo', password: 'demo-partner' });
    await el.updateComplete;
    expect(text(el)).to.contain('Signed in as Dana Demo');
    expect($(el, '[part="sign-out"]')).to.exist;
    expect($(el, '[part="continue"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the server message for wrong credentials in a live region and focuses it', async () => {
    worker.use(http.post('*/auth/sign-in', () => replyError('invalid_credentials', 'That partner code and password do not match.')));
    const el = await render(freshApiBase());
    await typeCredentials(el, 'demo', 'wrong');
    await sendKeys({ press: 'Enter' });
    const error = $(el, '#error');
    await waitUntil(() => error.textContent!.includes('do not match'), 'no error shown');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(false);
    expect(el.store.signedIn).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the throttled message with when to try again', async () => {
    worker.use(
      http.post('*/auth/sign-in', () =>
        HttpResponse.json(
          { error: { code: 'throttled', message: 'Too many sign-in attempts.', retryAfterSeconds: 540 } },
          { status: 429 },
        ),
      ),
    );
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#error').textContent!.includes('Too many'), 'no throttle message');
    expect($(el, '#error').textContent).to.contain('Try again in 9 minutes.');
  });

  it('keeps the server text when it already says when to try again', async () => {
    worker.use(http.post('*/auth/sign-in', () => replyError('throttled', 'Too many attempts. Try again in 15 minutes.')));
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#error').textContent!.includes('Too many'), 'no throttle message');
    expect($(el, '#error').textContent!.trim()).to.equal('Too many attempts. Try again in 15 minutes.');
  });

  it('says so when the server cannot be reached', async () => {
    worker.use(http.post('*/auth/sign-in', () => HttpResponse.error()));
    const el = await render(freshApiBase());
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#error').textContent!.includes('Could not reach the server'), 'no network message');
  });

  it('toggles the password visibility with a pressed button', async () => {
    const el = await render(freshApiBase());
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    expect(toggle.textContent!.trim()).to.equal('Show');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.getAttribute('aria-label')).to.equal('Hide password');
    expect($<HTMLInputElement>(el, '#password').type).to.equal('text');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#password').type).to.equal('password');
  });

  it('goes to the redirect address after signing in', async () => {
    const el = await render(freshApiBase(), '/partners/center.html');
    const visited: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => visited.push(url);
    await typeCredentials(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => visited.length === 1, 'never navigated');
    expect(visited).to.deep.equal(['/partners/center.html']);
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, '[part="continue"]');
    expect(link.getAttribute('href')).to.equal('/partners/center.html');
    expect(link.textContent!.trim()).to.equal('Continue to partner center');
  });

  it('shows who is signed in when a session already exists', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await render(apiBase, '/center');
    expect(text(el)).to.contain('Signed in as Dana Demo');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the session expired when the server ended it', async () => {
    const apiBase = freshApiBase();
    const store = await signedIn(apiBase);
    const el = await render(apiBase);
    store.clear('expired');
    await el.updateComplete;
    expect($(el, '[part="notice"]').textContent).to.contain('Your session expired. Please sign in again.');
    await expect(el).to.be.accessible();
  });

  it('shares one sign-in between two elements with the same api-base, and signing out clears both', async () => {
    const apiBase = freshApiBase();
    storeFor(apiBase, 'none');
    const first = await render(apiBase);
    const second = document.createElement('rp-signin');
    second.apiBase = apiBase;
    first.after(second);
    const wrapper = first.parentElement!;
    await typeCredentials(first);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(second).includes('Signed in as Dana Demo'), 'second element never saw the sign-in');
    const signedOut = oneEvent(wrapper, 'rp-signed-out');
    $<HTMLButtonElement>(second, '[part="sign-out"]').click();
    const event = await signedOut;
    expect(event.detail).to.deep.equal({ reason: 'signed-out' });
    expect(event.bubbles && event.composed).to.equal(true);
    await first.updateComplete;
    expect($(first, 'form')).to.exist;
    expect($(second, 'form')).to.exist;
    expect(first.store.signedIn).to.equal(false);
  });

  it('keeps a slow first request from being sent twice', async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/sign-in', async () => {
        requests += 1;
        await delay(50);
        return reply(SignInResponse, fixtures.signIn);
      }),
    );
    const el = await render(freshApiBase());
    await typeCredentials(el);
    const form = $<HTMLFormElement>(el, 'form');
    form.requestSubmit();
    form.requestSubmit();
    await waitUntil(() => el.store.signedIn, 'never signed in');
    expect(requests).to.equal(1);
  });
});

describe('rp-signin: forgot password', () => {
  beforeEach(() => {
    resetApi();
    useAccountsApi();
  });

  async function openForgot(code = ''): Promise<RpSignin> {
    const el = await render(freshApiBase());
    if (code) {
      $<HTMLInputElement>(el, '#code').focus();
      await sendKeys({ type: code });
    }
    $<HTMLButtonElement>(el, '[part="forgot"]').click();
    await el.updateComplete;
    return el;
  }

  async function request(el: RpSignin, identifier: string): Promise<void> {
    const field = $<HTMLInputElement>(el, '#code');
    field.focus();
    field.select();
    await sendKeys({ type: identifier });
    await sendKeys({ press: 'Enter' });
  }

  it('switches the card to the reset request, keeping the partner code typed, and passes axe', async () => {
    const el = await openForgot('demo');
    expect($(el, '[part="heading"]').textContent).to.equal('Reset your password');
    expect($(el, 'label[for="code"]').textContent).to.equal('Partner code or email');
    const field = $<HTMLInputElement>(el, '#code');
    expect(field.value).to.equal('demo');
    expect(field.maxLength).to.equal(254);
    expect(el.shadowRoot!.activeElement).to.equal(field);
    expect($(el, '#password')).to.equal(null);
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Send reset link');
    expect($(el, '[part="back"]').textContent!.trim()).to.equal('Back to sign in');
    await expect(el).to.be.accessible();
  });

  it("sends the code or email and shows the server's one answer for everyone, then goes back to sign in", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let body: unknown;
    worker.use(
      http.post('*/auth/password-reset', async ({ request: req }) => {
        body = await req.json();
        await gate;
        return reply(PasswordResetAccepted, accountFixtures.resetAccepted, { status: 202 });
      }),
    );
    const el = await openForgot();
    await request(el, ' dana@example.com ');
    await waitUntil(() => $<HTMLButtonElement>(el, 'button[type="submit"]').disabled, 'never pending');
    expect($(el, 'button[type="submit"]').textContent).to.contain('Sending…');
    release();
    await waitUntil(() => $(el, '#sent'), 'no answer shown');
    expect(body).to.deep.equal({ identifier: 'dana@example.com' });
    const sent = $(el, '#sent');
    expect(sent.textContent).to.equal(accountFixtures.resetAccepted.message);
    expect(sent.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.activeElement).to.equal(sent);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="back"]').click();
    await el.updateComplete;
    expect($(el, '[part="heading"]').textContent).to.equal('Partner sign-in');
    expect($(el, '#password')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#code'));
    expect(el.store.signedIn).to.equal(false);
  });

  it("shows the server's field message next to the field", async () => {
    worker.use(
      http.post('*/auth/password-reset', () =>
        replyError('invalid_request', 'Some fields need attention.', { identifier: 'Enter your partner code or email.' }),
      ),
    );
    const el = await openForgot();
    await request(el, '   ');
    const error = $(el, '#error');
    await waitUntil(() => error.textContent === 'Enter your partner code or email.', 'no field message');
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect($(el, '#code').getAttribute('aria-describedby')).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('says when to try again when throttled, keeping what was typed', async () => {
    worker.use(http.post('*/auth/password-reset', () => replyThrottled('Too many password reset requests.', 840)));
    const el = await openForgot();
    await request(el, 'demo');
    await waitUntil(() => $(el, '#error').textContent!.includes('Too many'), 'no throttle message');
    expect($(el, '#error').textContent).to.equal('Too many password reset requests. Try again in 14 minutes.');
    expect($<HTMLInputElement>(el, '#code').value).to.equal('demo');
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(false);
  });

  it('says so when the server cannot be reached', async () => {
    worker.use(http.post('*/auth/password-reset', () => HttpResponse.error()));
    const el = await openForgot();
    await request(el, 'demo');
    await waitUntil(() => $(el, '#error').textContent!.includes('Could not reach the server'), 'no network message');
    expect($(el, '#sent')).to.equal(null);
  });

  it('lets the browser constraints stop an empty request', async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/password-reset', () => {
        requests += 1;
        return reply(PasswordResetAccepted, accountFixtures.resetAccepted, { status: 202 });
      }),
    );
    const el = await openForgot();
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#code').validity.valueMissing).to.equal(true);
    expect(requests).to.equal(0);
  });
});
