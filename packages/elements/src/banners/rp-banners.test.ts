import { expect, waitUntil } from '@open-wc/testing';
import { BannerList } from '@rp/contract';
import { resetApi } from '../../test/api-mock.js';
import { resourceFixtures } from '../../test/resources-mock.js';
import { useClipboard } from '../../test/copy-kit.js';
import { $, $$, renderSection, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpBanners } from './rp-banners.js';
import './rp-banners.js';

const render = () => renderSection<RpBanners>('rp-banners');
const ready = (el: RpBanners) => waitUntil(() => $$(el, '[part="banner"]').length === 2, 'banners rendered');
const copyButton = (el: RpBanners, i = 0) => $$(el, '[part="copy-button"]')[i]!;

describe('rp-banners', () => {
  const clipboard = useClipboard();
  beforeEach(() => resetApi());

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
    await clipboard.copy(el, button);
    expect(clipboard.copied).to.deep.equal([resourceFixtures.banners.banners[1]!.html]);
    expect(text(button)).to.equal('Copied!');
    expect(text(copyButton(el, 0))).to.equal('Copy HTML');
    expect(button.getAttribute('aria-describedby')).to.equal('banner-2');
    await expect(el).to.be.accessible();
  });

  it('selects the HTML and explains when the clipboard is unavailable', async () => {
    const { el } = await render();
    await ready(el);
    await clipboard.fallback(el, copyButton(el), $(el, '[part="code"]')!);
  });

  sectionStateTests({
    tag: 'rp-banners',
    path: '/partner/banners',
    schema: BannerList,
    page: resourceFixtures.banners,
    shown: (el) => $$(el, '[part="banner"]').length === 2,
    loadingText: 'Loading banners…',
    empty: { page: { banners: [] }, text: 'There are no banners yet.', absent: '[part="list"]' },
    errorText: 'Banners are resting.',
  });
});
