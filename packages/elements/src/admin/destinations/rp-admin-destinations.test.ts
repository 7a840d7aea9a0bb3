import { expect, waitUntil } from '@open-wc/testing';
import { AdminDestination, AdminDestinationList, DestinationCreate, DestinationUpdate } from '@rp/contract';
import { apiPath, http, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminResourceFixtures as fx, useAdminResources } from '../../../test/admin-resources-mock.js';
import { $, adminStateTests, captureBodies, cells, click, editorField as field, editorOpened as opened, renderAdmin, text, typeInto } from '../../../test/admin-kit.js';
import type { RpAdminDestinations } from './rp-admin-destinations.js';
import './rp-admin-destinations.js';

const render = () => renderAdmin<RpAdminDestinations>('rp-admin-destinations');
const ready = (el: RpAdminDestinations) => waitUntil(() => $(el, '[part="table"]'), 'destinations listed');
const [shop, sale, blog] = fx.destinations.destinations as [AdminDestination, AdminDestination, AdminDestination];

describe('rp-admin-destinations', () => {
  beforeEach(() => {
    resetApi();
    useAdminResources();
  });

  adminStateTests({
    tag: 'rp-admin-destinations',
    path: '/admin/destinations',
    schema: AdminDestinationList,
    page: fx.destinations,
    empty: { destinations: [] },
    loadingText: 'Loading destinations…',
    emptyText: 'No destinations yet. Approve your shop’s home page to let partners make their first links.',
    list: '[part="table"]',
  });

  it('lists destinations with their address, the paths rule and whether they are enabled', async () => {
    const { el } = await render();
    await ready(el);
    expect(text($(el, 'h2'))).to.equal('Link destinations');
    expect(cells(el)).to.deep.equal([
      ['ShopThe whole coffee shop.', 'https://shop.example.com/', 'Any page on shop.example.com', 'Enabled', 'Edit Shop Disable Shop'],
      ['Spring sale', 'https://shop.example.com/sale/spring', 'This page only', 'Enabled', 'Edit Spring sale Disable Spring sale'],
      ['Old blogRetired.', 'https://blog.example.com/', 'Any page on blog.example.com', 'Disabled', 'Edit Old blog Enable Old blog'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('adds a destination with exactly the form', async () => {
    const created = AdminDestination.parse({
      id: 4,
      name: 'Gift cards',
      url: 'https://shop.example.com/gift-cards',
      description: 'Gift cards in any amount.',
      allowSubpaths: false,
      active: true,
      createdAt: '2026-05-01T10:00:00.000Z',
    });
    const bodies = captureBodies('post', '/admin/destinations', DestinationCreate, () => reply(AdminDestination, created, { status: 201 }));
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    expect($(el, '#f-active')).to.equal(null);
    expect(field(el, 'allowSubpaths').getAttribute('aria-checked')).to.equal('true');
    await expect(el).to.be.accessible();
    typeInto(field(el, 'name'), 'Gift cards');
    typeInto(field(el, 'url'), 'https://shop.example.com/gift-cards');
    typeInto(field<HTMLTextAreaElement>(el, 'description'), 'Gift cards in any amount.');
    await el.updateComplete;
    expect(text($(el, '#f-allowSubpaths-hint'))).to.contain('any page on shop.example.com');
    click(el, '#f-allowSubpaths');
    click(el, '[part="save-button"]');
    await waitUntil(() => cells(el).length === 4, 'listed');
    expect(bodies).to.deep.equal([
      { name: 'Gift cards', url: 'https://shop.example.com/gift-cards', description: 'Gift cards in any amount.', allowSubpaths: false },
    ]);
    expect(text($(el, '[part="status"]'))).to.equal('Destination "Gift cards" saved.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-edit="4"]'));
  });

  it("checks the address with the browser, and shows the server's field error", async () => {
    let calls = 0;
    worker.use(
      http.post(apiPath('/admin/destinations'), () => {
        calls += 1;
        return replyError('invalid_request', 'Check the highlighted fields.', { url: 'Enter a full address starting with https://.' });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'name'), 'Blog');
    typeInto(field(el, 'url'), 'shop.example.com');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '#f-url-error'), 'browser error');
    expect(calls).to.equal(0);
    typeInto(field(el, 'url'), 'https://user:pw@shop.example.com/');
    await el.updateComplete;
    expect($(el, '#f-url-error')).to.equal(null);
    click(el, '[part="save-button"]');
    await waitUntil(() => text($(el, '#f-url-error')) === 'Enter a full address starting with https://.', 'server error');
    expect(calls).to.equal(1);
    expect(field(el, 'url').value).to.equal('https://user:pw@shop.example.com/');
    await expect(el).to.be.accessible();
  });

  it('edits name, description and rules but never sends the fixed address', async () => {
    const bodies = captureBodies('patch', '/admin/destinations/2', DestinationUpdate, () =>
      reply(AdminDestination, { ...sale, name: 'Spring offers', allowSubpaths: true }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="2"]');
    await opened(el);
    expect(field(el, 'url').readOnly).to.equal(true);
    expect(field(el, 'active').getAttribute('aria-checked')).to.equal('true');
    typeInto(field(el, 'name'), 'Spring offers');
    click(el, '#f-allowSubpaths');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '[part="table"]'), 'listed');
    expect(bodies).to.deep.equal([{ name: 'Spring offers', allowSubpaths: true }]);
    expect(cells(el)[1]!.slice(0, 3)).to.deep.equal(['Spring offers', 'https://shop.example.com/sale/spring', 'Any page on shop.example.com']);
  });

  it('disables a destination only after confirming what it does', async () => {
    const bodies = captureBodies('patch', '/admin/destinations/1', null, () => reply(AdminDestination, { ...shop, active: false }));
    const { el } = await render();
    await ready(el);
    click(el, '[data-toggle="1"]');
    await waitUntil(() => $(el, '[part="confirm-disable-button"]'), 'asks to confirm');
    expect(text($(el, '#confirm-disable-1'))).to.equal(
      'Disable "Shop"? Partners\' links to it stop redirecting, and banners and emails pointing at it are hidden.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="keep-button"]'));
    await expect(el).to.be.accessible();
    // Escape keeps it enabled.
    $(el, '[part="keep-button"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !$(el, '[part="confirm-disable-button"]'), 'kept');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-toggle="1"]'));
    expect(bodies).to.deep.equal([]);

    click(el, '[data-toggle="1"]');
    await waitUntil(() => $(el, '[part="confirm-disable-button"]'), 'asks again');
    click(el, '[part="confirm-disable-button"]');
    await waitUntil(() => cells(el)[0]![3] === 'Disabled', 'disabled');
    expect(bodies).to.deep.equal([{ active: false }]);
    expect(text($(el, '[part="status"]'))).to.equal('"Shop" is disabled.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-toggle="1"]'));
    expect(text($(el, '[data-toggle="1"]'))).to.equal('Enable Shop');
  });

  it('enables a disabled destination at once', async () => {
    const bodies = captureBodies('patch', '/admin/destinations/3', null, () => reply(AdminDestination, { ...blog, active: true }));
    const { el } = await render();
    await ready(el);
    click(el, '[data-toggle="3"]');
    await waitUntil(() => cells(el)[2]![3] === 'Enabled', 'enabled');
    expect(bodies).to.deep.equal([{ active: true }]);
    expect(text($(el, '[part="status"]'))).to.equal('"Old blog" is enabled.');
  });

  it('shows a failed toggle above the list', async () => {
    worker.use(http.patch(apiPath('/admin/destinations/3'), () => replyError('not_found', 'No such destination.')));
    const { el } = await render();
    await ready(el);
    click(el, '[data-toggle="3"]');
    await waitUntil(() => $(el, '[part="form-error"]'), 'error');
    expect(text($(el, '[part="form-error"]'))).to.equal('No such destination.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="form-error"]'));
    expect(cells(el)[2]![3]).to.equal('Disabled');
  });
});
