import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CenterForPartner } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { storeFor } from '../core/center-store.js';
import type { RpNav } from './rp-nav.js';
import './rp-nav.js';


const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const labels = (el: Element) => $$(el, 'a.item').map((a) => a.textContent!.trim());

let requests = 0;
function answerMenu(payload = fixtures.partnerCenter) {
  worker.use(
    http.get('*/partner/center', () => {
      requests += 1;
      return reply(CenterForPartner, payload);
    }),
  );
}

async function render(apiBase: string, attrs: { current?: string; layout?: string } = {}): Promise<RpNav> {
  const el = await fixture<RpNav>(
    html`<rp-nav api-base=${apiBase} current=${attrs.current ?? 'welcome'} layout=${attrs.layout ?? 'sidebar'}></rp-nav>`,
  );
  return el;
}

async function renderLoaded(attrs: { current?: string; layout?: string } = {}): Promise<RpNav> {
  const apiBase = freshApiBase();
  await signedIn(apiBase);
  const el = await render(apiBase, attrs);
  await waitUntil(() => $(el, 'nav'), 'menu never rendered');
  return el;
}

describe('rp-nav', () => {
  const startHash = location.hash;
  beforeEach(() => {
    resetApi();
    requests = 0;
    answerMenu();
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search + startHash));

  it('shows the signed-out state when nobody is signed in', async () => {
    const apiBase = freshApiBase();
    storeFor(apiBase, 'none');
    const el = await render(apiBase);
    expect($(el, '[part="signed-out"]').textContent).to.contain('Sign in to see this section.');
    expect(requests).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then every category and built-in label in order', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get('*/partner/center', async () => {
        await gate;
        return reply(CenterForPartner, fixtures.partnerCenter);
      }),
    );
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="loading"]'), 'no loading state');
    expect($(el, '[part="loading"]').getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, 'nav'), 'menu never rendered');
    expect($(el, 'nav').getAttribute('aria-label')).to.equal('Partner center');
    expect($$(el, 'h2').map((h) => h.textContent!.trim())).to.deep.equal(['Home', 'Resources', 'Reports']);
    expect(labels(el)).to.deep.equal([
      'Welcome',
      'My Profile',
      'My Programs',
      'My Commission Structure',
      'Redirect Links',
      'Banners',
      'Email Copy',
      'Resource Pages',
      'Commissions',
      'Lead Tracking',
      'Sales',
      'My Ledger',
    ]);
    expect($$<HTMLAnchorElement>(el, 'a.item').map((a) => a.getAttribute('href'))[3]).to.equal('#/commission-structure');
    const current = $$(el, 'a[aria-current="page"]');
    expect(current.map((a) => a.dataset.section)).to.deep.equal(['welcome']);
    expect(current[0]!.getAttribute('part')).to.equal('item current');
    await expect(el).to.be.accessible();
  });

  it('leaves out hidden items and empty categories and uses the merchant labels', async () => {
    answerMenu({
      ...fixtures.partnerCenter,
      menu: [
        { id: 'programs', category: 'home', label: null },
        { id: 'welcome', category: 'home', label: 'Start here' },
        { id: 'ledger', category: 'reports', label: null },
      ],
    });
    const el = await renderLoaded({ current: 'ledger' });
    expect($$(el, 'h2').map((h) => h.textContent!.trim())).to.deep.equal(['Home', 'Reports']);
    expect(labels(el)).to.deep.equal(['My Programs', 'Start here', 'My Ledger']);
    expect($(el, 'a[aria-current="page"]').textContent!.trim()).to.equal('My Ledger');
  });

  it('shows an error with a retry that works', async () => {
    worker.use(http.get('*/partner/center', () => replyError('internal', 'The menu could not be loaded.'), { once: true }));
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="error"]'), 'no error state');
    expect($(el, '[part="error"]').textContent).to.contain('The menu could not be loaded.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitUntil(() => $(el, 'nav'), 'retry never loaded the menu');
    expect(labels(el)).to.have.length(12);
  });

  it('shares one request between menus on the same store', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const a = await render(apiBase);
    const b = document.createElement('rp-nav');
    b.apiBase = apiBase;
    a.after(b);
    await waitUntil(() => $(a, 'nav') && $(b, 'nav'), 'menus never rendered');
    expect(requests).to.equal(1);
  });

  it('fires a cancelable, bubbling, composed rp-navigate and follows the link unless prevented', async () => {
    const el = await renderLoaded();
    const profile = $<HTMLAnchorElement>(el, 'a[data-section="profile"]');
    setTimeout(() => profile.click());
    const event = await oneEvent(document, 'rp-navigate');
    expect(event.detail).to.deep.equal({ section: 'profile' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(location.hash).to.equal('#/profile');
    await el.updateComplete;
    expect($(el, 'a[aria-current="page"]').dataset.section).to.equal('profile');

    const prevent = (e: Event) => e.preventDefault();
    document.addEventListener('rp-navigate', prevent, { once: true });
    $<HTMLAnchorElement>(el, 'a[data-section="sales"]').click();
    expect(location.hash).to.equal('#/profile');
    await el.updateComplete;
    expect($(el, 'a[aria-current="page"]').dataset.section).to.equal('profile');
  });

  it('moves focus with the arrow keys and activates with Enter', async () => {
    const el = await renderLoaded();
    const items = $$<HTMLAnchorElement>(el, 'a.item');
    items[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(items[11]);
    await sendKeys({ press: 'Home' });
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    const navigated = oneEvent(el, 'rp-navigate');
    await sendKeys({ press: 'Enter' });
    expect((await navigated).detail.section).to.equal('profile');
  });

  it('collapses into a Menu disclosure button on narrow screens; Escape closes it and returns focus', async () => {
    const el = await renderLoaded({ layout: 'compact', current: 'programs' });
    const button = $<HTMLButtonElement>(el, '[part="menu-button"]');
    const panel = $(el, '#panel');
    expect(button.textContent).to.contain('Menu');
    expect(button.textContent).to.contain('My Programs');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal('panel');
    expect(panel.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'a[data-section="programs"]'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel.hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('closes the compact menu after choosing an item and on a click outside', async () => {
    const el = await renderLoaded({ layout: 'compact' });
    const button = $<HTMLButtonElement>(el, '[part="menu-button"]');
    button.click();
    await el.updateComplete;
    $<HTMLAnchorElement>(el, 'a[data-section="banners"]').click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.textContent).to.contain('Banners');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    document.body.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('goes compact by itself below 720 px of viewport when layout is auto', async () => {
    await setViewport({ width: 1000, height: 700 });
    const el = await renderLoaded({ layout: 'auto' });
    expect($(el, '[part="menu-button"]')).to.equal(null);
    try {
      await setViewport({ width: 375, height: 700 });
      // The media query's change event needs a rendering page; an update reads it as well.
      el.requestUpdate();
      await waitUntil(() => $(el, '[part="menu-button"]'), 'never went compact');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1000, height: 700 });
    }
    el.requestUpdate();
    await waitUntil(() => !$(el, '[part="menu-button"]'), 'never went back to the sidebar');
  });
});
