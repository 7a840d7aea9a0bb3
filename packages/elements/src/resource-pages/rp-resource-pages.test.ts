import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ResourcePage, ResourcePageList } from '@rp/contract';
import { delay, http, reply, resetApi, worker } from '../../test/api-mock.js';
import { resourceFixtures } from '../../test/resources-mock.js';
import { $, $$, renderSection, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpResourcePages } from './rp-resource-pages.js';
import './rp-resource-pages.js';

const render = (page?: string) => renderSection<RpResourcePages>('rp-resource-pages', { attrs: page ? { page } : {} });
const links = (el: RpResourcePages) => $$(el, '[part="page-link"]') as HTMLAnchorElement[];
const listed = (el: RpResourcePages) => waitUntil(() => links(el).length === 2, 'pages listed');
const shown = (el: RpResourcePages) => waitUntil(() => $(el, '[part="content"]'), 'page shown');
const focused = (el: RpResourcePages) => el.shadowRoot!.activeElement;
/** A page's own path, not the list's: `/partner/resource-pages/<slug>`. */
const pagePath = /\/api[^/]*\/partner\/resource-pages\/[^/]+$/;

describe('rp-resource-pages', () => {
  beforeEach(() => resetApi());

  it('lists the pages with title and updated date, linking to their portal address', async () => {
    const { el } = await render();
    await listed(el);
    expect(text($(el, 'h2'))).to.equal('Resource Pages');
    expect(links(el).map((a) => text(a))).to.deep.equal([
      'Brand guidelines Updated October 2, 2026',
      'How to talk about our coffee Updated September 15, 2026',
    ]);
    expect(links(el)[0]!.getAttribute('href')).to.equal('#/resource-pages/brand-guidelines');
    await expect(el).to.be.accessible();
  });

  it('opens a page inside the element, moves focus to its title, and goes back to its link', async () => {
    const { el } = await render();
    await listed(el);
    const hash = location.hash;
    const opened = oneEvent(el, 'rp-open-page');
    links(el)[0]!.click();
    const event = await opened;
    expect(event.detail).to.deep.equal({ slug: 'brand-guidelines' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await shown(el);
    expect(location.hash).to.equal(hash);
    expect(el.page).to.equal('brand-guidelines');
    const title = $(el, '[part="page-title"]')!;
    expect(text(title)).to.equal('Brand guidelines');
    await waitUntil(() => focused(el) === title, 'focus on the title');
    const content = $(el, '[part="content"]')!;
    expect(content.querySelector('h2')!.textContent).to.equal('Our name');
    expect(content.querySelector('strong')!.textContent).to.equal('Northwind & Co');
    expect(content.querySelector('a')!.getAttribute('href')).to.equal('mailto:partners@example.com');
    expect(text($(el, '[part="page"] .updated'))).to.equal('Updated October 2, 2026');
    await expect(el).to.be.accessible();
    ($(el, '[part="back"]') as HTMLAnchorElement).click();
    await listed(el);
    expect(el.page).to.equal('');
    await waitUntil(() => focused(el) === links(el)[0], 'focus back on the page link');
  });

  it('leaves opening to a host that cancels rp-open-page', async () => {
    const { el } = await render();
    await listed(el);
    el.addEventListener('rp-open-page', (event) => event.preventDefault(), { once: true });
    links(el)[1]!.click();
    await delay(30);
    expect(el.page).to.equal('');
    expect(links(el)).to.have.length(2);
  });

  it('shows the page named by its page attribute', async () => {
    const { el } = await render('talking-about-our-coffee');
    await shown(el);
    expect(text($(el, '[part="page-title"]'))).to.equal('How to talk about our coffee');
    expect(text($(el, '[part="content"]'))).to.equal('About How to talk about our coffee.');
  });

  it('shows a loading state while a page loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(pagePath, async () => {
        await gate;
        return reply(ResourcePage, resourceFixtures.page);
      }),
    );
    const { el } = await render('brand-guidelines');
    await waitUntil(() => $(el, '[part="loading"]'), 'loading');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the page…');
    expect($(el, '[part="back"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    release();
    await shown(el);
  });

  it("shows the server's error for a missing page, with the way back", async () => {
    const { el } = await render('no-such-page');
    await waitUntil(() => $(el, '[part="error"]'), 'error');
    expect(text($(el, '[part="error"] p'))).to.equal('No such page.');
    expect($(el, '[part="back"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  sectionStateTests({
    tag: 'rp-resource-pages',
    // The list's route and every page's: nothing at all is requested while signed out.
    path: /\/api[^/]*\/partner\/resource-pages/,
    schema: ResourcePageList,
    page: resourceFixtures.pages,
    shown: (el) => $$(el, '[part="page-link"]').length === 2,
    loadingText: 'Loading resource pages…',
    empty: { page: { pages: [] }, text: 'There are no resource pages yet.', absent: '[part="list"]' },
    errorText: 'Pages are resting.',
  });
});
