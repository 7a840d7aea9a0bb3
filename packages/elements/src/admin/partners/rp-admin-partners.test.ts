import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdminPartnerPage } from '@rp/contract';
import { delay, resetApi } from '../../../test/api-mock.js';
import { adminPartnerFixtures, useAdminPartnersApi, type AdminPartnersApi } from '../../../test/admin-partners-mock.js';
import { $, $$, adminStateTests, cells, renderAdmin, text, typeInto as type } from '../../../test/admin-kit.js';
import type { RpAdminPartners } from './rp-admin-partners.js';
import type { RpAdminPartner } from './rp-admin-partner.js';
import './rp-admin-partners.js';

async function render(options: { signIn?: boolean; pageSize?: number } = {}) {
  const api = useAdminPartnersApi();
  const attributes = { 'page-size': options.pageSize ?? 25, 'search-delay': 150 };
  const { el, apiBase } = await renderAdmin<RpAdminPartners>('rp-admin-partners', { signIn: options.signIn, attributes });
  return { el, api, apiBase };
}

const listed = (el: RpAdminPartners) => waitUntil(() => $(el, 'table'), 'list shown');
/** The rows as [name+code, email, status, joined]. */
const rows = cells;
const names = (el: RpAdminPartners) => $$(el, '.open-name').map(text);
const listRequests = (api: AdminPartnersApi) => api.requests.filter((r) => r.method === 'GET' && r.path === '/admin/partners');
const detail = (el: RpAdminPartners) => $(el, 'rp-admin-partner') as RpAdminPartner | null;
const inDetail = (el: RpAdminPartners, selector: string) => detail(el)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

describe('rp-admin-partners', () => {
  beforeEach(() => resetApi());

  adminStateTests({
    tag: 'rp-admin-partners',
    path: '/admin/partners',
    schema: AdminPartnerPage,
    page: {
      partners: [{ code: 'demo', name: 'Dana Demo', email: 'dana@example.com', status: 'active', joinedAt: '2025-03-01T12:00:00.000Z' }],
      nextCursor: null,
    },
    empty: { partners: [], nextCursor: null },
    loadingText: 'Loading partners…',
    emptyText: 'No partners yet. Create one with “New partner”, or let them sign up on your partner page.',
    list: 'table',
    addButton: '[part="new-button"]',
  });

  it('lists partners newest first with code, email, status and join date', async () => {
    const { el, api } = await render();
    await listed(el);
    expect(text($(el, 'h2'))).to.equal('Partners');
    expect(rows(el)).to.deep.equal([
      ['Jordan Reyes newroaster', 'jordan@newroaster.example', 'Pending approval', 'Oct 30, 2026'],
      ['Lena Hartmann latteletters', 'lena@latteletters.example', 'Suspended', 'Aug 20, 2025'],
      ['Sam Okafor brewblog', 'sam@brewblog.example', 'Active', 'May 12, 2025'],
      ['Dana Demo demo', 'dana@example.com', 'Active', 'Mar 1, 2025'],
    ]);
    expect(listRequests(api).map((r) => r.query)).to.deep.equal([{ limit: '25' }]);
    expect($(el, '[part="more-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('searches once typing pauses, and says when nothing matches', async () => {
    const { el, api } = await render();
    await listed(el);
    const search = $(el, '#search') as HTMLInputElement;
    for (const typed of ['l', 'le', 'len', 'lena']) {
      type(search, typed);
      await delay(20);
    }
    await waitUntil(() => names(el).length === 1, 'search applied');
    expect(names(el)).to.deep.equal(['Lena Hartmann']);
    expect(listRequests(api).map((r) => r.query)).to.deep.equal([{ limit: '25' }, { limit: '25', search: 'lena' }]);

    // A pause after a space keeps the space: the merchant is still typing.
    type(search, 'dana ');
    await waitUntil(() => listRequests(api).at(-1)!.query.search === 'dana', 'searched for dana');
    expect(search.value).to.equal('dana ');
    type(search, 'dana demo');
    await waitUntil(() => listRequests(api).at(-1)!.query.search === 'dana demo', 'searched for dana demo');
    await waitUntil(() => names(el).length === 1, 'one match');
    expect(names(el)).to.deep.equal(['Dana Demo']);

    type(search, 'zzz');
    await waitUntil(() => $(el, '[part="empty"]'), 'no match shown');
    expect(text($(el, '[part="empty"]'))).to.equal('No partners match “zzz”.');
    await expect(el).to.be.accessible();
  });

  it('filters by status', async () => {
    const { el, api } = await render();
    await listed(el);
    const select = $(el, '#status') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['All partners', 'Pending approval', 'Active', 'Suspended']);
    select.value = 'pending';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => names(el).length === 1, 'filter applied');
    expect(names(el)).to.deep.equal(['Jordan Reyes']);
    expect(listRequests(api).at(-1)!.query).to.deep.equal({ limit: '25', status: 'pending' });
  });

  it('loads more on the keyset cursor until the end', async () => {
    const { el, api } = await render({ pageSize: 3 });
    await listed(el);
    expect(names(el)).to.deep.equal(['Jordan Reyes', 'Lena Hartmann', 'Sam Okafor']);
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => names(el).length === 4, 'next page appended');
    expect(names(el).at(-1)).to.equal('Dana Demo');
    expect(listRequests(api)[1]!.query).to.deep.equal({ limit: '3', cursor: btoa('3') });
    expect($(el, '[part="more-button"]')).to.equal(null);
    expect(text($(el, '[role="status"]'))).to.equal('1 more partner loaded.');
  });

  it('shows a failed "Load more" beside the button, keeping the rows', async () => {
    const { el, api } = await render({ pageSize: 2 });
    await listed(el);
    api.offline.add('GET /admin/partners');
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '.more [role="alert"]'), 'error shown');
    expect(text($(el, '.more [role="alert"]'))).to.equal('Could not reach the server. Check your connection and try again.');
    expect(names(el).length).to.equal(2);
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => names(el).length === 4, 'loaded on second try');
  });

  it('opens a partner, reflects changes in the list, and goes back to the same row', async () => {
    const { el, api } = await render();
    await listed(el);
    ($(el, '[part="open-button"][data-code="newroaster"]') as HTMLButtonElement).click();
    await waitUntil(() => inDetail(el, '[part="heading"]'), 'detail shown');
    expect(inDetail(el, 'h3[part="heading"]')).to.not.equal(null);
    await waitUntil(() => detail(el)!.shadowRoot!.activeElement === inDetail(el, '[part="heading"]'), 'heading focused');
    expect($(el, '[part="new-button"]')).to.equal(null);
    await waitUntil(() => inDetail(el, '[part="enroll-form"]'), 'programs loaded');
    await expect(el).to.be.accessible();

    (inDetail(el, '[data-action="approve"]') as HTMLButtonElement).click();
    await waitUntil(() => text(inDetail(el, '[part="badge"]')) === 'Active', 'approved');

    ($(el, '[part="back-button"]') as HTMLButtonElement).click();
    await listed(el);
    expect(rows(el)[0]).to.deep.equal(['Jordan Reyes newroaster', 'jordan@newroaster.example', 'Active', 'Oct 30, 2026']);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="open-button"][data-code="newroaster"]'), 'row focused');
    // Back to the list without asking the server again.
    expect(listRequests(api).length).to.equal(1);
  });

  it('creates a partner, shows the generated password once, and lists them', async () => {
    const { el, api } = await render();
    await listed(el);
    ($(el, '[part="new-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="create-form"] input[name="programIds"]'), 'form with programs');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#create-name'), 'name focused');
    // Archived programs are not offered.
    expect($$(el, 'label.check').map(text)).to.deep.equal(['Coffee Subscriptions', 'Wholesale Referrals']);
    await expect(el).to.be.accessible();

    type($(el, '#create-name') as HTMLInputElement, 'Mia Chen');
    type($(el, '#create-email') as HTMLInputElement, 'mia@example.com');
    type($(el, '#create-code') as HTMLInputElement, 'miachen');
    ($(el, 'input[name="programIds"][value="2"]') as HTMLInputElement).click();
    const created = oneEvent(el, 'rp-admin-partner-created');
    ($(el, '[part="create-form"] button[type="submit"]') as HTMLButtonElement).click();
    expect((await created).detail.partner.profile.code).to.equal('miachen');
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.body).to.deep.equal({ name: 'Mia Chen', email: 'mia@example.com', code: 'miachen', programIds: [2] });

    await waitUntil(() => inDetail(el, '#secret'), 'password shown');
    expect((inDetail(el, '#secret') as HTMLInputElement).value).to.equal(adminPartnerFixtures.generatedPassword);
    expect(text(inDetail(el, '[part="heading"]'))).to.equal('Mia Chen');

    ($(el, '[part="back-button"]') as HTMLButtonElement).click();
    await waitUntil(() => names(el)[0] === 'Mia Chen', 'new partner listed');
  });

  it('checks the form before sending and keeps what was typed on the server’s field errors', async () => {
    const { el, api } = await render();
    await listed(el);
    ($(el, '[part="new-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="create-form"] input[name="programIds"]'), 'form shown');
    ($(el, '[part="create-form"] button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#create-name-error'), 'required shown');
    expect($(el, '#create-email-error')).to.not.equal(null);
    expect(api.requests.filter((r) => r.method === 'POST')).to.deep.equal([]);

    type($(el, '#create-name') as HTMLInputElement, 'Dana Again');
    type($(el, '#create-email') as HTMLInputElement, 'dana@example.com');
    type($(el, '#create-code') as HTMLInputElement, 'demo');
    ($(el, '[part="create-form"] button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#create-code-error'), 'server error shown');
    expect(text($(el, '#create-code-error'))).to.equal('This code is taken.');
    expect($(el, '#create-code')!.getAttribute('aria-describedby')).to.equal('create-code-hint create-code-error');
    expect(($(el, '#create-name') as HTMLInputElement).value).to.equal('Dana Again');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#create-code'), 'code focused');
    await expect(el).to.be.accessible();

    type($(el, '#create-code') as HTMLInputElement, '');
    ($(el, '[part="create-form"] button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#create-email-error'), 'email error shown');
    expect(text($(el, '#create-email-error'))).to.equal('A partner with this email exists.');
    expect($(el, '#create-code-error')).to.equal(null);
  });

  it('reloads the list and the open partner in place', async () => {
    const { el, api } = await render();
    await listed(el);
    api.partners.push({ ...api.partners[3]!, profile: { ...api.partners[3]!.profile, code: 'fresh', name: 'Fresh Signup', status: 'pending' } });
    await el.reload();
    await waitUntil(() => names(el)[0] === 'Fresh Signup', 'new sign-up listed');
    expect($(el, '[part="loading"]')).to.equal(null);

    ($(el, '[part="open-button"][data-code="demo"]') as HTMLButtonElement).click();
    await waitUntil(() => inDetail(el, '[part="balance"]'), 'detail shown');
    api.partners[0]!.balance = { ...api.partners[0]!.balance, pending: { amount: 9900, currency: 'USD' } };
    await el.reload();
    await waitUntil(() => text(inDetail(el, '[part="balance"]')).includes('$99.00'), 'balance read again');
    expect(inDetail(el, '[part="loading"]')).to.equal(null);
  });

  it('leaves the form with Escape', async () => {
    const { el } = await render();
    await listed(el);
    ($(el, '[part="new-button"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#create-name'), 'name focused');
    await sendKeys({ press: 'Escape' });
    await listed(el);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="new-button"]'), 'back on New partner');
  });
});
