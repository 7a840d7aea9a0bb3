import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ResourcePage, ResourcePageList } from '@rp/contract';
import { apiPath, delay, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { resourceFixtures } from '../../test/resources-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, $$, text } from '../../test/report-kit.js';
import type { RpResourcePages } from './rp-resource-pages.js';
import './rp-resource-pages.js';

async function render(options: { signIn?: boolean; page?: string } = {}): Promise<{ el: RpResourcePages; apiBase: string }> {
  const apiBase = freshApiBase();
  if (options.signIn !== false) await signedIn(apiBase);
  const el = await fixture<RpResourcePages>(
    html`<rp-resource-pages api-base=${apiBase} page=${options.page ?? ''}></rp-resource-pages>`,
  );
  return { el, apiBase };
}

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
    const { el } = await render({ page: 'talking-about-our-coffee' });
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
    const { el } = await render({ page: 'brand-guidelines' });
    await waitUntil(() => $(el, '[part="loading"]'), 'loading');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the page…');
    expect($(el, '[part="back"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    release();
    await shown(el);
  });

  it("shows the server's error for a missing page, with the way back", async () => {
    const { el } = await render({ page: 'no-such-page' });
    await waitUntil(() => $(el, '[part="error"]'), 'error');
    expect(text($(el, '[part="error"] p'))).to.equal('No such page.');
    expect($(el, '[part="back"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the list loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(apiPath('/partner/resource-pages'), async () => {
        await gate;
        return reply(ResourcePageList, resourceFixtures.pages);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="loading"]'), 'loading');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading resource pages…');
    await expect(el).to.be.accessible();
    release();
    await listed(el);
  });

  it('says so when there are no pages', async () => {
    worker.use(http.get(apiPath('/partner/resource-pages'), () => reply(ResourcePageList, { pages: [] })));
    const { el } = await render();
    await waitUntil(() => $(el, '[part="empty"]'), 'empty');
    expect(text($(el, '[part="empty"]'))).to.equal('There are no resource pages yet.');
    await expect(el).to.be.accessible();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/resource-pages'), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Pages are resting.') : reply(ResourcePageList, resourceFixtures.pages);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="error"]'), 'error');
    expect(text($(el, '[part="error"] p'))).to.equal('Pages are resting.');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await listed(el);
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    let calls = 0;
    worker.use(
      http.get(/\/api[^/]*\/partner\/resource-pages/, () => {
        calls += 1;
        return reply(ResourcePageList, resourceFixtures.pages);
      }),
    );
    const { el, apiBase } = await render({ signIn: false });
    await delay(30);
    expect($(el, '[part="signed-out"]')).to.not.equal(null);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await signedIn(apiBase);
    await listed(el);
    expect(calls).to.equal(1);
  });
});
