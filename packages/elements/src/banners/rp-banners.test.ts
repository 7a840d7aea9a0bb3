import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BannerList } from '@rp/contract';
import { apiPath, delay, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { resourceFixtures, stubClipboard, type Copied } from '../../test/resources-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, $$, text } from '../../test/report-kit.js';
import type { RpBanners } from './rp-banners.js';
import './rp-banners.js';

async function render(options: { signIn?: boolean } = {}): Promise<{ el: RpBanners; apiBase: string }> {
  const apiBase = freshApiBase();
  if (options.signIn !== false) await signedIn(apiBase);
  const el = await fixture<RpBanners>(html`<rp-banners api-base=${apiBase}></rp-banners>`);
  return { el, apiBase };
}

const ready = (el: RpBanners) => waitUntil(() => $$(el, '[part="banner"]').length === 2, 'banners rendered');
const copyButton = (el: RpBanners, i = 0) => $$(el, '[part="copy-button"]')[i] as HTMLButtonElement;

describe('rp-banners', () => {
  let copied: Copied[] = [];
  let restore: () => void;
  beforeEach(() => {
    resetApi();
    copied = [];
    restore = stubClipboard(copied);
  });
  afterEach(() => restore());

  it('shows each banner with its preview, name, size, alt text, link and HTML as text', async () => {
    const { el } = await render();
    await ready(el);
    expect(text($(el, 'h2'))).to.equal('Banners');
    const [first, second] = $$(el, '[part="banner"]') as [HTMLElement, HTMLElement];
    const img = first.querySelector('img')!;
    expect(img.getAttribute('width')).to.equal('728');
    expect(img.getAttribute('height')).to.equal('90');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.alt).to.equal('Northwind & Co — fresh coffee');
    expect(text(first.querySelector('h3'))).to.equal('Leaderboard');
    expect(text(first.querySelector('[part="size"]'))).to.equal('728 × 90');
    expect(text(first.querySelector('dl'))).to.equal(
      'Alt text Northwind & Co — fresh coffee Links to https://go.example.com/r/b4nn3r1',
    );
    const code = first.querySelector<HTMLTextAreaElement>('[part="code"]')!;
    expect(code.readOnly).to.equal(true);
    expect(code.value).to.equal(resourceFixtures.banners.banners[0]!.html);
    // Shown as text, never rendered: the preview is the only image in the card.
    expect(first.querySelectorAll('img')).to.have.length(1);
    expect(first.querySelectorAll('a')).to.have.length(0);
    expect(text(second.querySelector('[part="size"]'))).to.equal('160 × 600');
    await expect(el).to.be.accessible();
  });

  it('scales a preview down to fit its card', async () => {
    const { el } = await render();
    await ready(el);
    el.style.width = '320px';
    const [leaderboard, skyscraper] = $$(el, 'img') as [HTMLImageElement, HTMLImageElement];
    await waitUntil(() => leaderboard.complete && skyscraper.complete, 'images loaded');
    expect(leaderboard.getBoundingClientRect().width).to.be.at.most(320);
    expect(skyscraper.getBoundingClientRect().height).to.be.below(600);
    el.style.width = '';
  });

  it('copies a banner\'s HTML with one click and confirms it visibly and to screen readers', async () => {
    const { el } = await render();
    await ready(el);
    const button = copyButton(el, 1);
    expect(text(button)).to.equal('Copy HTML');
    button.click();
    await waitUntil(() => text($(el, '[part="status"]')) === 'Copied!', 'says Copied!');
    expect(copied).to.deep.equal([resourceFixtures.banners.banners[1]!.html]);
    expect(text(button)).to.equal('Copied!');
    expect(text(copyButton(el, 0))).to.equal('Copy HTML');
    expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(button.getAttribute('aria-describedby')).to.equal('banner-2');
    await expect(el).to.be.accessible();
  });

  it('selects the HTML and explains when the clipboard is unavailable', async () => {
    restore();
    restore = stubClipboard(copied, { none: true });
    const { el } = await render();
    await ready(el);
    copyButton(el).click();
    await waitUntil(() => text($(el, '[part="status"]')).startsWith('Copying is not available here'), 'explains');
    const status = $(el, '[part="status"]')!;
    expect(status.classList.contains('visually-hidden')).to.equal(false);
    const code = $(el, '[part="code"]') as HTMLTextAreaElement;
    expect(code.selectionStart).to.equal(0);
    expect(code.selectionEnd).to.equal(code.value.length);
  });

  it('shows a loading state, then the banners', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(apiPath('/partner/banners'), async () => {
        await gate;
        return reply(BannerList, resourceFixtures.banners);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="loading"]'), 'loading');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading banners…');
    await expect(el).to.be.accessible();
    release();
    await ready(el);
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('says so when there are no banners', async () => {
    worker.use(http.get(apiPath('/partner/banners'), () => reply(BannerList, { banners: [] })));
    const { el } = await render();
    await waitUntil(() => $(el, '[part="empty"]'), 'empty');
    expect(text($(el, '[part="empty"]'))).to.equal('There are no banners yet.');
    expect($(el, '[part="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/banners'), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Banners are resting.') : reply(BannerList, resourceFixtures.banners);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="error"]'), 'error');
    expect(text($(el, '[part="error"] p'))).to.equal('Banners are resting.');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await ready(el);
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/banners'), () => {
        calls += 1;
        return reply(BannerList, resourceFixtures.banners);
      }),
    );
    const { el, apiBase } = await render({ signIn: false });
    await delay(30);
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to see this section.');
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await signedIn(apiBase);
    await ready(el);
    expect(calls).to.equal(1);
  });
});
