import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SignUpOptions, SignUpResponse } from '@rp/contract';
import { delay, freshApiBase, http, HttpResponse, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { accountFixtures, replyThrottled, useAccountsApi } from '../../test/accounts-mock.js';
import { storeFor } from '../core/center-store.js';
import type { RpSignup } from './rp-signup.js';
import './rp-signup.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();

async function render(attrs: { terms?: string; signin?: string } = {}): Promise<RpSignup> {
  const apiBase = freshApiBase();
  storeFor(apiBase, 'none');
  const el = await fixture<RpSignup>(
    html`<rp-signup api-base=${apiBase} terms-url=${attrs.terms ?? '/terms.html'} signin-url=${attrs.signin ?? '/signin.html'}></rp-signup>`,
  );
  await waitUntil(() => $(el, 'form'), 'form never shown');
  return el;
}

/** Fills the form as a person would have, field by field (values set, input events fired). */
async function fill(
  el: RpSignup,
  values: { name?: string; email?: string; password?: string; code?: string; programs?: number[]; terms?: boolean } = {},
): Promise<void> {
  const set = (id: string, value: string) => {
    const input = $<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('name', values.name ?? 'Sam Rivera');
  set('email', values.email ?? 'sam@example.com');
  set('password', values.password ?? 'harbor lights at dawn');
  set('code', values.code ?? '');
  for (const box of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="programIds"]')) {
    box.checked = (values.programs ?? [1]).includes(Number(box.value));
  }
  $<HTMLInputElement>(el, '#acceptTerms').checked = values.terms ?? true;
  await el.updateComplete;
}

const submit = (el: RpSignup) => $<HTMLFormElement>(el, 'form').requestSubmit();

describe('rp-signup', () => {
  beforeEach(() => {
    resetApi();
    useAccountsApi();
  });

  it('renders labelled fields, the open programs, the terms link and the approval mode, and passes axe', async () => {
    const el = await render();
    for (const [id, label] of [
      ['name', 'Your name'],
      ['email', 'Email'],
      ['password', 'Password'],
    ]) {
      expect(text($(el, `label[for="${id}"]`))).to.equal(label);
    }
    expect(text($(el, 'label[for="code"]'))).to.equal('Partner code (optional)');
    expect($<HTMLInputElement>(el, '#password').autocomplete).to.equal('new-password');
    expect($<HTMLInputElement>(el, '#password').minLength).to.equal(12);
    expect($<HTMLInputElement>(el, '#code').autocomplete).to.equal('username');
    expect(text($(el, '#code-hint'))).to.contain('This will be your username');
    expect(text($(el, '#code-hint'))).to.contain("Leave it blank and we'll make one from your name.");
    const programs = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="programIds"]');
    expect([...programs].map((p) => p.value)).to.deep.equal(['1', '2']);
    expect([...programs].some((p) => p.checked)).to.equal(false);
    expect(text($(el, 'fieldset'))).to.contain('Coffee Subscriptions');
    const terms = $<HTMLAnchorElement>(el, '[part="terms"] a');
    expect(terms.getAttribute('href')).to.equal('/terms.html');
    expect(terms.target).to.equal('_blank');
    expect(text($(el, '[part="note"]'))).to.contain("New partners are reviewed before they can sign in. We'll let you know");
    expect(text($(el, 'button[type="submit"]'))).to.equal('Create partner account');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then an error with retry when the options cannot be loaded', async () => {
    let fail = true;
    worker.use(
      http.get('*/auth/sign-up', async () => {
        await delay(30);
        return fail ? replyError('internal', 'The server had a problem.') : reply(SignUpOptions, accountFixtures.options);
      }),
    );
    const apiBase = freshApiBase();
    const el = await fixture<RpSignup>(html`<rp-signup api-base=${apiBase}></rp-signup>`);
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the sign-up form…');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error state');
    expect(text($(el, '[part="error"]'))).to.contain('The server had a problem.');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form never shown after retry');
  });

  it('offers no program choice when none is open, says sign-ups are approved at once, and sends no programIds', async () => {
    let body: Record<string, unknown> = {};
    worker.use(
      http.get('*/auth/sign-up', () =>
        reply(SignUpOptions, { ...accountFixtures.options, approval: 'automatic', programs: [] }),
      ),
      http.post('*/auth/sign-up', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return reply(SignUpResponse, accountFixtures.active, { status: 201 });
      }),
    );
    const el = await render();
    expect($(el, 'fieldset')).to.equal(null);
    expect(text($(el, '[part="note"]'))).to.equal('Your account is ready as soon as you sign up.');
    await fill(el);
    submit(el);
    await waitUntil(() => $(el, '[part="done"]'), 'never done');
    expect(body).to.deep.equal({ name: 'Sam Rivera', email: 'sam@example.com', password: 'harbor lights at dawn', acceptTerms: true });
  });

  it('checks the only open program for the partner', async () => {
    worker.use(
      http.get('*/auth/sign-up', () => reply(SignUpOptions, { ...accountFixtures.options, programs: [accountFixtures.options.programs[0]!] })),
    );
    const el = await render();
    expect($<HTMLInputElement>(el, 'input[name="programIds"]').checked).to.equal(true);
    expect(text($(el, 'legend'))).to.equal('Program');
  });

  it("lets the browser's constraints stop an empty form, shows them at the fields and focuses the first", async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/sign-up', () => {
        requests += 1;
        return reply(SignUpResponse, accountFixtures.pending, { status: 201 });
      }),
    );
    const el = await render();
    submit(el);
    await el.updateComplete;
    for (const name of ['name', 'email', 'password', 'programIds', 'acceptTerms']) {
      expect($(el, `#${name}-error`), name).to.exist;
    }
    expect(text($(el, '#programIds-error'))).to.equal('Choose at least one program.');
    expect($(el, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#name').getAttribute('aria-describedby')).to.equal('name-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#name'));
    expect(requests).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says a chosen partner code may hold letters, digits, - and _ only', async () => {
    const el = await render();
    await fill(el, { code: 'sam rivera!' });
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#code-error'))).to.equal('Use letters, digits, - and _ only.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#code'));
  });

  it('counts the password as it is typed, up to the shortest the server takes', async () => {
    const el = await render();
    $<HTMLInputElement>(el, '#password').focus();
    await sendKeys({ type: 'short pass' });
    await el.updateComplete;
    expect(text($(el, '#password-hint .count'))).to.equal('10 of 12 characters.');
    expect($(el, '#password').getAttribute('aria-describedby')).to.equal('password-hint');
    await sendKeys({ type: 'es' });
    await el.updateComplete;
    expect(text($(el, '#password-hint .count'))).to.equal('12 characters: long enough.');
    expect($(el, '#password-hint .count').classList.contains('long')).to.equal(true);
  });

  it('shows and hides the password with a pressed button', async () => {
    const el = await render();
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect($<HTMLInputElement>(el, '#password').type).to.equal('text');
  });

  it('signs up, awaiting review: shows the code as the username, the server message, and fires rp-signed-up', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let body: unknown;
    worker.use(
      http.post('*/auth/sign-up', async ({ request }) => {
        body = await request.json();
        await gate;
        return reply(SignUpResponse, accountFixtures.pending, { status: 201 });
      }),
    );
    const el = await render();
    await fill(el, { name: '  Sam Rivera ', email: ' sam@example.com', code: 'sam-r', programs: [1, 2] });
    const signedUp = oneEvent(el, 'rp-signed-up');
    submit(el);
    await waitUntil(() => $<HTMLButtonElement>(el, 'button[type="submit"]').disabled, 'never pending');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Creating your account…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    release();
    const event = await signedUp;
    expect(event.detail).to.deep.equal({ partnerCode: 'sam-r', status: 'pending' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(body).to.deep.equal({
      name: 'Sam Rivera',
      email: 'sam@example.com',
      password: 'harbor lights at dawn',
      acceptTerms: true,
      code: 'sam-r',
      programIds: [1, 2],
    });
    await el.updateComplete;
    const done = $(el, '[part="done"]');
    expect(text($(el, '#done'))).to.equal('Application received');
    expect(text($(el, '[part="code"]'))).to.equal('sam-r');
    expect(text(done)).to.contain('This is your username');
    expect(text(done)).to.contain(accountFixtures.pending.message);
    expect(text(done)).to.contain("We'll let you know by email when your account is approved.");
    expect($(el, '[part="signin-link"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#done'));
    await expect(el).to.be.accessible();
  });

  it('signs up with automatic approval and links to sign in', async () => {
    worker.use(http.post('*/auth/sign-up', () => reply(SignUpResponse, accountFixtures.active, { status: 201 })));
    const el = await render({ signin: '/partners/signin.html' });
    await fill(el);
    submit(el);
    await waitUntil(() => $(el, '[part="done"]'), 'never done');
    expect(text($(el, '#done'))).to.equal('Your partner account is ready');
    const link = $<HTMLAnchorElement>(el, '[part="signin-link"]');
    expect(link.getAttribute('href')).to.equal('/partners/signin.html');
    expect(text(link)).to.equal('Sign in to your partner center');
    expect(text($(el, '[part="done"]'))).not.to.contain("We'll let you know");
    await expect(el).to.be.accessible();
  });

  it("shows the server's field errors at their fields, focuses the first and keeps what was typed", async () => {
    worker.use(
      http.post('*/auth/sign-up', () =>
        replyError('invalid_request', 'Some fields need attention.', {
          password: 'This password is too common: it appears in lists of leaked passwords. Choose another.',
          programIds: 'Choose among the programs open for sign-up.',
        }),
      ),
    );
    const el = await render();
    await fill(el, { code: 'sam-r', password: 'password1234' });
    submit(el);
    await waitUntil(() => $(el, '#password-error'), 'no password error');
    expect(text($(el, '#password-error'))).to.contain('too common');
    expect(text($(el, '#programIds-error'))).to.equal('Choose among the programs open for sign-up.');
    expect($(el, '#password').getAttribute('aria-describedby')).to.equal('password-hint password-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#password'));
    expect($(el, '[part="form-error"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Sam Rivera');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('password1234');
    expect($<HTMLInputElement>(el, '#code').value).to.equal('sam-r');
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(false);
    await expect(el).to.be.accessible();

    // Editing a field clears its error.
    $<HTMLInputElement>(el, '#password').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '#password-error')).to.equal(null);
  });

  it('says when the email already has an account (409) and offers to sign in', async () => {
    worker.use(
      http.post('*/auth/sign-up', () =>
        replyError('conflict', 'An account with this email already exists. Sign in, or use "Forgot password?".', {
          email: 'An account with this email already exists. Sign in, or use "Forgot password?".',
        }),
      ),
    );
    const el = await render();
    await fill(el);
    submit(el);
    await waitUntil(() => $(el, '#email-error'), 'no email error');
    expect(text($(el, '#email-error'))).to.contain('already exists');
    expect($<HTMLAnchorElement>(el, '.error-action').getAttribute('href')).to.equal('/signin.html');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#email'));
    await expect(el).to.be.accessible();
  });

  it('says when the chosen partner code is taken (409), with the suggestion', async () => {
    worker.use(
      http.post('*/auth/sign-up', () =>
        replyError('conflict', 'The partner code "sam" is taken. Try "sam-2".', { code: 'The partner code "sam" is taken. Try "sam-2".' }),
      ),
    );
    const el = await render();
    await fill(el, { code: 'sam' });
    submit(el);
    await waitUntil(() => $(el, '#code-error'), 'no code error');
    expect(text($(el, '#code-error'))).to.equal('The partner code "sam" is taken. Try "sam-2".');
    expect($(el, '#code').getAttribute('aria-describedby')).to.equal('code-hint code-error');
    expect($(el, '.error-action')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#code'));
  });

  it('says when to try again when throttled (429 with Retry-After)', async () => {
    worker.use(http.post('*/auth/sign-up', () => replyThrottled('Too many sign-ups from this address.', 600)));
    const el = await render();
    await fill(el);
    submit(el);
    await waitUntil(() => $(el, '[part="form-error"]'), 'no form error');
    const error = $(el, '[part="form-error"]');
    expect(text(error)).to.equal('Too many sign-ups from this address. Try again in 10 minutes.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect($<HTMLInputElement>(el, '#email').value).to.equal('sam@example.com');
    await expect(el).to.be.accessible();
  });

  it('says so when the server cannot be reached', async () => {
    worker.use(http.post('*/auth/sign-up', () => HttpResponse.error()));
    const el = await render();
    await fill(el);
    submit(el);
    await waitUntil(() => $(el, '[part="form-error"]'), 'no form error');
    expect(text($(el, '[part="form-error"]'))).to.contain('Could not reach the server');
    expect($(el, '[part="done"]')).to.equal(null);
  });

  it('sends one request for a double submit', async () => {
    let requests = 0;
    worker.use(
      http.post('*/auth/sign-up', async () => {
        requests += 1;
        await delay(50);
        return reply(SignUpResponse, accountFixtures.pending, { status: 201 });
      }),
    );
    const el = await render();
    await fill(el);
    submit(el);
    submit(el);
    await waitUntil(() => $(el, '[part="done"]'), 'never done');
    expect(requests).to.equal(1);
  });
});
