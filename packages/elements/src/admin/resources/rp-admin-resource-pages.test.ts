import { expect, waitUntil } from '@open-wc/testing';
import { AdminResourcePage, AdminResourcePageList, ResourcePageCreate, ResourcePageUpdate } from '@rp/contract';
import { apiPath, http, HttpResponse, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminResourceFixtures as fx, PNG_BYTES, useAdminResources } from '../../../test/admin-resources-mock.js';
import { $, $$, adminStateTests, captureBodies, cells, click, editorField as field, editorOpened as opened, renderAdmin, text, typeInto } from '../../../test/admin-kit.js';
import { slugFromTitle, type RpAdminResourcePages } from './rp-admin-resource-pages.js';
import './rp-admin-resource-pages.js';

const render = () => renderAdmin<RpAdminResourcePages>('rp-admin-resource-pages');
const ready = (el: RpAdminResourcePages) => waitUntil(() => $(el, '[part="table"]'), 'pages listed');

const SENT = '<h2>Colours</h2><p style="color:red" onmouseover="x()">Use <strong>navy</strong>.</p><script>steal()</script><img src="/media/' + 'd'.repeat(32) + '.png" alt="Logo">';
const KEPT = '<h2>Colours</h2><p>Use <strong>navy</strong>.</p><img src="/media/' + 'd'.repeat(32) + '.png" alt="Logo" />';
const savedPage = AdminResourcePage.parse({
  id: 33,
  title: 'Colours & fonts',
  slug: 'colours-and-fonts',
  html: KEPT,
  published: false,
  position: 0,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
});

describe('rp-admin-resource-pages', () => {
  beforeEach(() => {
    resetApi();
    useAdminResources();
  });

  adminStateTests({
    tag: 'rp-admin-resource-pages',
    path: '/admin/resource-pages',
    schema: AdminResourcePageList,
    page: fx.pages,
    empty: { pages: [] },
    loadingText: 'Loading resource pages…',
    emptyText: 'No resource pages yet. Add guidelines, FAQs or product facts for partners to read in their center.',
    list: '[part="table"]',
  });

  it('lists pages with title, slug, published state and date', async () => {
    const { el } = await render();
    await ready(el);
    expect(cells(el)).to.deep.equal([
      ['Brand guidelinesbrand-guidelines', 'Published', 'Apr 7, 2026', 'Edit Brand guidelines'],
      ['Holiday FAQholiday-faq', 'Draft', 'Apr 8, 2026', 'Edit Holiday FAQ'],
    ]);
    expect($$(el, 'td[data-label="Status"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('suggests the slug from the title until the slug is typed', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'title'), 'Crème brûlée & Co. 2026!');
    await el.updateComplete;
    expect(field(el, 'slug').value).to.equal('creme-brulee-and-co-2026');
    typeInto(field(el, 'slug'), 'my-slug');
    typeInto(field(el, 'title'), 'Something else');
    await el.updateComplete;
    expect(field(el, 'slug').value).to.equal('my-slug');
    // Emptying the slug lets the title lead again.
    typeInto(field(el, 'slug'), '');
    typeInto(field(el, 'title'), 'Fresh start');
    await el.updateComplete;
    expect(field(el, 'slug').value).to.equal('fresh-start');
  });

  it('does not change the slug of an existing page when its title changes', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="31"]');
    await opened(el);
    typeInto(field(el, 'title'), 'Brand book');
    await el.updateComplete;
    expect(field(el, 'slug').value).to.equal('brand-guidelines');
  });

  it('creates a page, then shows the HTML as stored, what the sanitizer removed, and a preview', async () => {
    const bodies = captureBodies('post', '/admin/resource-pages', ResourcePageCreate, () =>
      reply(AdminResourcePage, savedPage, { status: 201 }),
    );
    worker.use(http.get(/\/media\/d{32}\.png$/, () => new HttpResponse(PNG_BYTES, { headers: { 'content-type': 'image/png' } })));
    const { el, apiBase } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    expect(text($(el, '[part="preview"]'))).to.equal('Save the page (as a draft, if you like) to preview it exactly as partners will see it.');
    typeInto(field(el, 'title'), 'Colours & fonts');
    typeInto(field<HTMLTextAreaElement>(el, 'html'), SENT);
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '[part="stored-html"]'), 'stored HTML shown');
    expect(bodies).to.deep.equal([{ title: 'Colours & fonts', slug: 'colours-and-fonts', html: SENT, published: false, position: 0 }]);
    expect(text($(el, '[part="status"]'))).to.equal('Page "Colours & fonts" saved as a draft.');
    expect(text($(el, '[part="sanitizer-notice"]'))).to.equal(
      'The sanitizer removed part of your HTML. Partners get the stored version below. Tags: <script> Attributes: style and onmouseover',
    );
    expect(text($(el, '[part="stored-html"]'))).to.equal(KEPT);
    const preview = $(el, '.rich[part="preview"]')!;
    expect(text(preview.querySelector('h2'))).to.equal('Colours');
    // Our own uploads are stored as /media/…; the preview loads them from the API's origin.
    expect(preview.querySelector('img')!.getAttribute('src')).to.equal(`${new URL(apiBase, location.href).origin}/media/${'d'.repeat(32)}.png`);
    expect(preview.querySelector('script')).to.equal(null);
    // What was typed stays in the editor until the merchant takes the stored version.
    expect(field<HTMLTextAreaElement>(el, 'html').value).to.equal(SENT);
    click(el, '[part="use-stored-button"]');
    await el.updateComplete;
    expect(field<HTMLTextAreaElement>(el, 'html').value).to.equal(KEPT);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'html'));
    await expect(el).to.be.accessible();
  });

  it('says when the sanitizer kept everything', async () => {
    worker.use(
      http.patch(apiPath('/admin/resource-pages/31'), async ({ request }) => {
        const body = (await request.json()) as { html: string };
        return reply(AdminResourcePage, { ...fx.pages.pages[0]!, html: body.html.replace('<br>', '<br />') });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="31"]');
    await opened(el);
    typeInto(field<HTMLTextAreaElement>(el, 'html'), '<p>One<br>two <a href="https://example.com">link</a></p>');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '[part="sanitizer-notice"]'), 'notice');
    expect(text($(el, '[part="sanitizer-notice"]'))).to.equal('Your HTML was stored as you wrote it: the sanitizer removed nothing.');
  });

  it('publishes with only the changed field, and marks the preview as out of date while the HTML changes', async () => {
    const bodies = captureBodies('patch', '/admin/resource-pages/32', ResourcePageUpdate, () =>
      reply(AdminResourcePage, { ...fx.pages.pages[1]!, published: true }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="32"]');
    await opened(el);
    expect(text($(el, '.editor-aside .panel:last-child .panel-intro'))).to.equal('As partners will see it.');
    typeInto(field<HTMLTextAreaElement>(el, 'html'), '<p>Changed.</p>');
    await el.updateComplete;
    expect(text($(el, '.editor-aside .panel:last-child .panel-intro'))).to.equal('Of the saved version; save to see your latest changes.');
    typeInto(field<HTMLTextAreaElement>(el, 'html'), '<p>Draft.</p>');
    click(el, '#f-published');
    await el.updateComplete;
    expect(field(el, 'published').getAttribute('aria-checked')).to.equal('true');
    click(el, '[part="save-button"]');
    await waitUntil(() => text($(el, '[part="status"]')) === 'Page "Holiday FAQ" saved and published.', 'saved');
    expect(bodies).to.deep.equal([{ published: true }]);
    expect($(el, '[part="sanitizer-notice"]')).to.equal(null);
    click(el, '[part="cancel-button"]');
    await ready(el);
    expect(cells(el)[1]![1]).to.equal('Published');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-edit="32"]'));
  });

  it("shows the server's slug conflict at the slug field", async () => {
    worker.use(
      http.post(apiPath('/admin/resource-pages'), () =>
        replyError('conflict', 'Another page already uses this slug.', { slug: 'Another page already uses this slug.' }),
      ),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'title'), 'Brand guidelines');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '#f-slug-error'), 'slug error');
    expect(text($(el, '#f-slug-error'))).to.equal('Another page already uses this slug.');
    expect(field(el, 'slug').getAttribute('aria-describedby')).to.equal('f-slug-hint f-slug-error');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'slug'));
    expect(field(el, 'title').value).to.equal('Brand guidelines');
  });

  it('checks the slug with the browser before sending', async () => {
    let calls = 0;
    worker.use(
      http.post(apiPath('/admin/resource-pages'), () => {
        calls += 1;
        return reply(AdminResourcePage, savedPage, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'title'), 'Anything');
    typeInto(field(el, 'slug'), 'Not A Slug');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '#f-slug-error'), 'slug error');
    expect(calls).to.equal(0);
  });

  it('shows an error about the whole form above it', async () => {
    worker.use(http.patch(apiPath('/admin/resource-pages/31'), () => replyError('internal', 'Something went wrong on our side. Please try again.')));
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="31"]');
    await opened(el);
    typeInto(field(el, 'title'), 'Brand book');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '[part="form-error"]'), 'form error');
    expect(text($(el, '[part="form-error"]'))).to.equal('Something went wrong on our side. Please try again.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="form-error"]'));
    expect(field(el, 'title').value).to.equal('Brand book');
  });

  it('removes a page after confirmation', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="31"]');
    await opened(el);
    click(el, '[part="remove-button"]');
    await waitUntil(() => $(el, '[part="confirm-remove-button"]'), 'asks to confirm');
    click(el, '[part="keep-button"]');
    await waitUntil(() => $(el, '[part="remove-button"]'), 'kept');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="remove-button"]'));
    click(el, '[part="remove-button"]');
    await waitUntil(() => $(el, '[part="confirm-remove-button"]'), 'asks again');
    click(el, '[part="confirm-remove-button"]');
    await ready(el);
    expect(cells(el)).to.have.length(1);
    expect(text($(el, '[part="status"]'))).to.equal('Page "Brand guidelines" removed.');
  });

  it('makes slugs the contract accepts', () => {
    expect(slugFromTitle('  Hello,   World  ')).to.equal('hello-world');
    expect(slugFromTitle('---')).to.equal('');
    expect(slugFromTitle('x'.repeat(100))).to.have.length(80);
    expect(slugFromTitle(`${'a'.repeat(79)} b`)).to.equal('a'.repeat(79));
  });
});
