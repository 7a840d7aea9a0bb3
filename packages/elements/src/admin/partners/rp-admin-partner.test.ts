import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdminPartner } from '@rp/contract';
import { delay, http, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminPartnerFixtures, useAdminPartnersApi, type AdminPartnersApi } from '../../../test/admin-partners-mock.js';
import { $, $$, adminSignedIn, renderAdmin, submit, text, type } from '../../../test/admin-kit.js';
import { useClipboard } from '../../../test/copy-kit.js';
import type { RpAdminPartner } from './rp-admin-partner.js';
import './rp-admin-partner.js';

async function render(code = 'demo', options: { signIn?: boolean } = {}): Promise<{ el: RpAdminPartner; api: AdminPartnersApi; apiBase: string }> {
  const api = useAdminPartnersApi();
  const { el, apiBase } = await renderAdmin<RpAdminPartner>('rp-admin-partner', { signIn: options.signIn, attributes: { code } });
  return { el, api, apiBase };
}

const loaded = (el: RpAdminPartner) => waitUntil(() => $(el, '[part="identity"]') && $(el, '[part="enroll-form"], .all-enrolled'), 'partner shown');
const button = (el: RpAdminPartner, action: string) => $(el, `[data-action="${action}"]`) as HTMLButtonElement | null;
const status = (el: RpAdminPartner) => text($(el, '[part="status"]'));
const figures = (el: RpAdminPartner) =>
  Object.fromEntries($$(el, '[part="balance"] .figure').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
const posts = (api: AdminPartnersApi) => api.requests.filter((r) => r.method !== 'GET');
const couponCodes = (el: RpAdminPartner) => $$(el, '[part="coupons"] li').map(text);

/** Submits a payout of `amount` whose answer is lost: the request fails as if the server could not be reached. */
async function payoutUnanswered(el: RpAdminPartner, api: AdminPartnersApi, amount: string): Promise<void> {
  api.offline.add('POST /admin/payouts');
  type(el, '#payout-amount', amount);
  submit(el, 'payout-form');
  await waitUntil(() => $(el, '[part="payout-form"] .form-error'), 'network error shown');
}

describe('rp-admin-partner', () => {
  const clipboard = useClipboard();
  beforeEach(() => resetApi());

  it('shows the partner: status, balance, programs and contact details', async () => {
    const { el } = await render();
    await loaded(el);
    expect(text($(el, 'h2[part="heading"]'))).to.equal('Dana Demo');
    expect(text($(el, '.meta'))).to.equal('demo Active Partner since Mar 1, 2025');
    expect(figures(el)).to.deep.equal({ Available: '$120.50', Pending: '$45.00', 'Total owed': '$165.50' });
    expect($$(el, '[part="enrollments"] .enrollment-name').map(text)).to.deep.equal(['Coffee Subscriptions', 'Wholesale Referrals']);
    // Only active programs the partner is not in are offered.
    expect($$(el, '#enroll-program option').map(text)).to.deep.equal([]);
    expect(text($(el, '.all-enrolled'))).to.equal('Enrolled in every active program.');
    expect(text($(el, '[part="profile"]'))).to.contain('Demo Media LLC');
    expect(($(el, '[part="profile"] div:last-child dd') as HTMLElement).innerText).to.equal('1 Main St\nSpringfield, IL 62701\nUnited States');
    // Active: no approve or reactivate; suspend and reset are offered.
    expect($$(el, '[part="action"]').map(text)).to.deep.equal(['Reset password', 'Suspend']);
    expect(text($(el, '#payout-amount-hint'))).to.equal('At most $120.50.');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then the partner', async () => {
    useAdminPartnersApi();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(/\/admin\/partners\/demo$/, async () => {
        await gate;
        return reply(AdminPartner, adminPartnerFixtures.partners()[0]!);
      }),
    );
    const { el } = await renderAdmin<RpAdminPartner>('rp-admin-partner', { attributes: { code: 'demo' } });
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the partner…');
    await expect(el).to.be.accessible();
    release();
    await loaded(el);
  });

  it('shows the server’s error and loads again on retry', async () => {
    const { el, api } = await render('nobody');
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"]'))).to.contain('No partner with code "nobody".');
    await expect(el).to.be.accessible();
    api.partners.push({ ...api.partners[0]!, profile: { ...api.partners[0]!.profile, code: 'nobody', name: 'No Body' } });
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await loaded(el);
    expect(text($(el, '[part="heading"]'))).to.equal('No Body');
  });

  it('asks to sign in and requests nothing while signed out', async () => {
    const { el, api, apiBase } = await render('demo', { signIn: false });
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to the back office to see this section.');
    await expect(el).to.be.accessible();
    await delay(50);
    expect(api.requests).to.deep.equal([]);
    await adminSignedIn(apiBase);
    await loaded(el);
  });

  it('approves a pending partner and says so', async () => {
    const { el, api } = await render('newroaster');
    await loaded(el);
    expect($$(el, '[part="action"]').map(text)).to.deep.equal(['Approve', 'Reset password', 'Suspend']);
    expect(text($(el, '[part="badge"]'))).to.equal('Pending approval');
    const changed = oneEvent(el, 'rp-admin-partner-changed');
    button(el, 'approve')!.click();
    const event = await changed;
    expect(event.detail.change).to.equal('approved');
    expect(event.detail.partner.profile.status).to.equal('active');
    await waitUntil(() => text($(el, '[part="badge"]')) === 'Active', 'status shown');
    expect(posts(api).map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /admin/partners/newroaster/approve']);
    expect(status(el)).to.equal('Partner approved.');
    expect(button(el, 'approve')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="action"]'), 'focus moved');
  });

  it('asks before suspending, and does nothing when cancelled', async () => {
    const { el, api } = await render();
    await loaded(el);
    button(el, 'suspend')!.click();
    await waitUntil(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open, 'confirmation open');
    expect(text($(el, '#confirm-title'))).to.equal('Suspend Dana Demo?');
    expect(text($(el, '#confirm-body'))).to.contain('signed out everywhere');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog'), 'confirmation closed');
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'suspend'), 'focus moved');
    expect(posts(api)).to.deep.equal([]);

    button(el, 'suspend')!.click();
    await waitUntil(() => $(el, 'dialog [data-confirm]'), 'confirmation open again');
    ($(el, 'dialog [data-confirm]') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="badge"]')) === 'Suspended', 'suspended');
    expect(posts(api).map((r) => r.path)).to.deep.equal(['/admin/partners/demo/suspend']);
    expect($$(el, '[part="action"]').map(text)).to.deep.equal(['Reactivate', 'Reset password']);
    expect(status(el)).to.equal('Partner suspended.');

    button(el, 'reactivate')!.click();
    await waitUntil(() => text($(el, '[part="badge"]')) === 'Active', 'reactivated');
    expect(posts(api).map((r) => r.path).at(-1)).to.equal('/admin/partners/demo/reactivate');
  });

  it('shows an action’s error under the actions', async () => {
    const { el } = await render();
    await loaded(el);
    worker.use(http.post(/\/admin\/partners\/demo\/suspend$/, () => replyError('conflict', 'Cannot suspend a partner who is suspended.')));
    button(el, 'suspend')!.click();
    await waitUntil(() => $(el, 'dialog [data-confirm]'), 'confirmation open');
    ($(el, 'dialog [data-confirm]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="identity"] .form-error'), 'error shown');
    expect(text($(el, '[part="identity"] .form-error'))).to.equal('Cannot suspend a partner who is suspended.');
    expect(button(el, 'suspend')!.disabled).to.equal(false);
  });

  it('resets the password and shows the temporary one once, copyable', async () => {
    const { el, api } = await render();
    await loaded(el);
    button(el, 'reset-password')!.click();
    await waitUntil(() => $(el, 'dialog [data-confirm]'), 'confirmation open');
    expect(text($(el, '#confirm-title'))).to.equal("Reset Dana Demo's password?");
    ($(el, 'dialog [data-confirm]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="secret"]'), 'password shown');
    expect(posts(api).map((r) => r.path)).to.deep.equal(['/admin/partners/demo/reset-password']);
    const secret = $(el, '#secret') as HTMLInputElement;
    expect(secret.value).to.equal(adminPartnerFixtures.temporaryPassword);
    expect(secret.readOnly).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === secret, 'focus moved');
    expect(text($(el, '[part="secret"]'))).to.contain('shown only once');
    await expect(el).to.be.accessible();

    ($(el, '[part="copy-button"]') as HTMLButtonElement).click();
    await waitUntil(() => status(el) === 'Password copied.', 'copied');
    expect(clipboard.copied).to.deep.equal([adminPartnerFixtures.temporaryPassword]);

    ($(el, '[part="secret"] button.ghost') as HTMLButtonElement).click();
    await waitUntil(() => !$(el, '[part="secret"]'), 'password gone');
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'reset-password'), 'focus moved');
  });

  it('selects the password and says how to copy it where there is no clipboard', async () => {
    const { el } = await render();
    await loaded(el);
    el.secret = 'Shown-Once-123';
    await waitUntil(() => $(el, '[part="secret"]'), 'password shown');
    clipboard.stub({ none: true });
    ($(el, '[part="copy-button"]') as HTMLButtonElement).click();
    await waitUntil(() => status(el).startsWith('Copying is not available here'), 'explained');
    const secret = $<HTMLInputElement>(el, '#secret');
    expect([secret.selectionStart, secret.selectionEnd]).to.deep.equal([0, 'Shown-Once-123'.length]);
    expect(clipboard.copied).to.deep.equal([]);
  });

  it('records a payout in exact minor units with an Idempotency-Key, and shows the new balance', async () => {
    const { el, api } = await render();
    await loaded(el);
    type(el, '#payout-amount', '0.29');
    type(el, '#payout-method', 'Bank transfer');
    type(el, '#payout-reference', 'TX-42');
    const changed = oneEvent(el, 'rp-admin-partner-changed');
    submit(el, 'payout-form');
    const event = await changed;
    expect(event.detail.change).to.equal('payout');
    const payout = posts(api)[0]!;
    expect(payout.path).to.equal('/admin/payouts');
    expect(payout.body).to.deep.equal({
      partnerCode: 'demo',
      amount: { amount: 29, currency: 'USD' },
      method: 'Bank transfer',
      reference: 'TX-42',
    });
    expect(payout.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    await waitUntil(() => figures(el).Available === '$120.21', 'balance updated');
    expect(figures(el)['Total owed']).to.equal('$165.21');
    expect(status(el)).to.equal('Payout of $0.29 recorded. $120.21 is still available.');
    expect(($(el, '#payout-amount') as HTMLInputElement).value).to.equal('');

    // A second payout is a new attempt with a new key.
    type(el, '#payout-amount', '1');
    submit(el, 'payout-form');
    await waitUntil(() => posts(api).length === 2, 'second payout');
    expect(posts(api)[1]!.idempotencyKey).to.not.equal(payout.idempotencyKey);
  });

  it('retries a payout after a network error with the same key, so it is recorded once', async () => {
    const { el, api } = await render();
    await loaded(el);
    await payoutUnanswered(el, api, '20');
    expect(text($(el, '[part="payout-form"] .form-error'))).to.equal(
      'The server could not confirm the payout. Submit it again: it will not be recorded twice.',
    );
    expect(($(el, '#payout-amount') as HTMLInputElement).value).to.equal('20');
    await expect(el).to.be.accessible();

    submit(el, 'payout-form');
    await waitUntil(() => figures(el).Available === '$100.50', 'recorded on retry');
    const [first, retry] = posts(api);
    expect(retry!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect(retry!.body).to.deep.equal(first!.body);
  });

  it('makes a new key when the payout is changed after a network error', async () => {
    const { el, api } = await render();
    await loaded(el);
    await payoutUnanswered(el, api, '20');
    type(el, '#payout-amount', '25');
    submit(el, 'payout-form');
    await waitUntil(() => figures(el).Available === '$95.50', 'recorded');
    const [first, second] = posts(api);
    expect(second!.idempotencyKey).to.not.equal(first!.idempotencyKey);
  });

  it('refuses a payout above the available balance or typed wrong, before sending', async () => {
    const { el, api } = await render();
    await loaded(el);
    type(el, '#payout-amount', '120.51');
    submit(el, 'payout-form');
    await waitUntil(() => $(el, '#payout-amount-error'), 'error shown');
    expect(text($(el, '#payout-amount-error'))).to.equal('That is more than the available balance of $120.50.');
    const amount = $(el, '#payout-amount') as HTMLInputElement;
    expect(amount.getAttribute('aria-invalid')).to.equal('true');
    expect(amount.getAttribute('aria-describedby')).to.equal('payout-amount-hint payout-amount-error');
    await waitUntil(() => el.shadowRoot!.activeElement === amount, 'focus moved');
    await expect(el).to.be.accessible();

    for (const [typed, message] of [
      ['12.345', 'USD has fewer decimal places than that.'],
      ['twelve', 'Enter an amount such as 125.50.'],
      ['0', 'Enter an amount above zero.'],
      ['', 'Enter the amount you paid.'],
    ]) {
      type(el, '#payout-amount', typed!);
      submit(el, 'payout-form');
      await waitUntil(() => text($(el, '#payout-amount-error')) === message, `error for "${typed}"`);
    }
    expect(posts(api)).to.deep.equal([]);
  });

  it('shows the server’s refusal of a payout at the amount', async () => {
    const { el, api } = await render();
    await loaded(el);
    api.partners[0]!.balance.available.amount = 1000; // spent elsewhere since the page loaded
    type(el, '#payout-amount', '50');
    submit(el, 'payout-form');
    await waitUntil(() => $(el, '#payout-amount-error'), 'error shown');
    expect(text($(el, '#payout-amount-error'))).to.equal('At most 1000.');
    expect(($(el, '#payout-amount') as HTMLInputElement).value).to.equal('50');
  });

  it('says when nothing is available to pay out', async () => {
    const { el } = await render('newroaster');
    await loaded(el);
    expect($(el, '[part="payout-form"]')).to.equal(null);
    expect(text($(el, '.notice'))).to.equal('Nothing is available to pay out yet.');
  });

  it('enrolls the partner in a program and removes them from one', async () => {
    const { el, api } = await render('brewblog');
    await loaded(el);
    expect($$(el, '#enroll-program option').map(text)).to.deep.equal(['Wholesale Referrals']);
    const changed = oneEvent(el, 'rp-admin-partner-changed');
    submit(el, 'enroll-form');
    expect((await changed).detail.change).to.equal('enrolled');
    await waitUntil(() => $$(el, '[part="enrollments"] li').length === 2, 'enrolled');
    expect(posts(api)[0]).to.deep.include({ path: '/admin/partners/brewblog/enrollments', body: { programId: 2 } });
    expect(status(el)).to.equal('Enrolled in Wholesale Referrals.');
    expect(text($(el, '.all-enrolled'))).to.equal('Enrolled in every active program.');

    ($(el, '[part="enrollments"] li button') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'dialog [data-confirm]'), 'confirmation open');
    expect(text($(el, '#confirm-title'))).to.equal('Remove Sam Okafor from Coffee Subscriptions?');
    ($(el, 'dialog [data-confirm]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, '[part="enrollments"] li').length === 1, 'removed');
    expect(posts(api)[1]).to.deep.include({ method: 'DELETE', path: '/admin/partners/brewblog/enrollments/1' });
    expect(status(el)).to.equal('Removed from Coffee Subscriptions.');
  });

  it('shows the server’s enrollment error at the program', async () => {
    const { el } = await render('brewblog');
    await loaded(el);
    worker.use(
      http.post(/\/admin\/partners\/brewblog\/enrollments$/, () =>
        replyError('conflict', 'The program is archived.', { programId: 'This program is archived.' }),
      ),
    );
    submit(el, 'enroll-form');
    await waitUntil(() => $(el, '#enroll-program-error'), 'error shown');
    expect(text($(el, '#enroll-program-error'))).to.equal('This program is archived.');
    expect($(el, '#enroll-program')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('lists the partner’s coupon codes, says when there are none, and loads them again after an error', async () => {
    const { el, api } = await render();
    await waitUntil(() => $(el, '[part="coupons"]'), 'codes listed');
    expect(couponCodes(el)).to.deep.equal(['DEMO-WELCOME']);
    expect(api.requests.filter((r) => r.path === '/admin/coupons').map((r) => r.query)).to.deep.equal([{ partnerCode: 'demo' }]);
    expect($(el, '[part="coupons"]').getAttribute('aria-label')).to.equal('Coupon codes');
    await expect(el).to.be.accessible();

    const none = await render('brewblog');
    await waitUntil(() => $(none.el, '.no-coupons'), 'none said');
    expect(text($(none.el, '.no-coupons'))).to.equal('No coupon codes yet.');

    const offline = useAdminPartnersApi();
    offline.offline.add('GET /admin/coupons');
    const failed = await renderAdmin<RpAdminPartner>('rp-admin-partner', { attributes: { code: 'demo' } });
    const couponError = () => text($(failed.el, '[aria-labelledby="coupon-heading"] .form-error'));
    await waitUntil(() => couponError().startsWith('The coupon codes could not be loaded.'), 'error shown');
    await loaded(failed.el);
    $(failed.el, '[aria-labelledby="coupon-heading"] .form-error button').click();
    await waitUntil(() => couponCodes(failed.el).length === 1, 'codes after retry');
  });

  it('adds a coupon code with an Idempotency-Key, and shows a taken code at the field', async () => {
    const { el, api } = await render();
    await loaded(el);
    await waitUntil(() => $(el, '[part="coupons"]'), 'codes listed');
    type(el, '#coupon-code', 'DANA10');
    submit(el, 'coupon-form');
    await waitUntil(() => couponCodes(el).includes('DANA10'), 'coupon shown');
    expect(couponCodes(el)).to.deep.equal(['DEMO-WELCOME', 'DANA10']);
    expect(status(el)).to.equal('Coupon code DANA10 added.');
    expect(posts(api)[0]).to.deep.include({ path: '/admin/coupons', body: { code: 'DANA10', partnerCode: 'demo' } });
    expect(posts(api)[0]!.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    expect(api.coupons.get('DANA10')).to.equal('demo');

    type(el, '#coupon-code', 'DANA10');
    submit(el, 'coupon-form');
    await waitUntil(() => $(el, '#coupon-code-error'), 'conflict shown');
    expect(text($(el, '#coupon-code-error'))).to.equal('Already assigned.');

    type(el, '#coupon-code', 'no spaces!');
    submit(el, 'coupon-form');
    await waitUntil(() => text($(el, '#coupon-code-error')) === 'Use letters, digits, - and _ only.', 'pattern error');
    expect(posts(api).length).to.equal(2);
  });
});
