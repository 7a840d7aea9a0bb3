import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CenterForPartner, CenterPublic } from '@rp/contract';
import type { MenuItemId } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { storeFor } from '../core/center-store.js';
import type { RpNav } from '../nav/rp-nav.js';
import type { RpSignin } from '../signin/rp-signin.js';
import type { RpResourcePages } from '../resource-pages/rp-resource-pages.js';
import '../../test/resources-mock.js';
import { RpPortal } from './rp-portal.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
/** The name of the section shown: its region's label, or the portal's heading for it. */
const heading = (el: RpPortal) => {
  const section = $(el, '#section');
  return section?.getAttribute('aria-label') ?? section?.querySelector('#section-heading')?.textContent?.trim();
};
const focusTarget = (el: RpPortal) => $(el, '#section-heading') ?? $(el, '#section');

type Loader = (id: MenuItemId) => Promise<unknown>;
const proto = RpPortal.prototype as unknown as { loadSection: Loader };
const realLoadSection = proto.loadSection;
let loads: MenuItemId[] = [];
/** Section modules are stubbed: these tests are about the portal, not the sections. */
let sectionLoader: Loader = () => Promise.resolve();

function answerMenu(payload = fixtures.partnerCenter) {
  worker.use(http.get('*/partner/center', () => reply(CenterForPartner, payload)));
}

function setHash(hash: string) {
  history.replaceState(null, '', location.pathname + location.search + hash);
}

async function renderSignedIn(hash = '', attrs: { storage?: string } = {}): Promise<RpPortal> {
  setHash(hash);
  const apiBase = freshApiBase();
  await signedIn(apiBase);
  const el = await fixture<RpPortal>(
    html`<rp-portal api-base=${apiBase} session-storage=${attrs.storage ?? 'none'}></rp-portal>`,
  );
  await waitUntil(() => heading(el), 'no section shown');
  return el;
}

describe('rp-portal', () => {
  const startHash = location.hash;
  beforeEach(async () => {
    resetApi();
    answerMenu();
    loads = [];
    sectionLoader = () => Promise.resolve();
    proto.loadSection = (id) => {
      loads.push(id);
      return sectionLoader(id);
    };
    await setViewport({ width: 1100, height: 800 });
  });
  afterEach(() => {
    proto.loadSection = realLoadSection;
    setHash(startHash);
  });

  it('shows a sign-in card while signed out, and the center once signed in', async () => {
    setHash('#/programs');
    const apiBase = freshApiBase();
    storeFor(apiBase, 'none');
    const el = await fixture<RpPortal>(html`<rp-portal api-base=${apiBase}></rp-portal>`);
    const signin = $<RpSignin>(el, 'rp-signin');
    expect(signin).to.exist;
    expect($(el, '[part="header"]')).to.equal(null);
    await signin.updateComplete;
    await expect(el).to.be.accessible();
    signin.shadowRoot!.querySelector<HTMLInputElement>('#code')!.focus();
    await sendKeys({ type: 'demo' });
    signin.shadowRoot!.querySelector<HTMLInputElement>('#password')!.focus();
    await sendKeys({ type: 'demo-partner' });
    const signedInEvent = oneEvent(el, 'rp-signed-in');
    await sendKeys({ press: 'Enter' });
    expect((await signedInEvent).detail.partner.name).to.equal('Dana Demo');
    await waitUntil(() => heading(el) === 'My Programs', 'section never shown');
    expect($(el, '[part="header"]').textContent).to.contain('Signed in as Dana Demo');
    expect($(el, '[part="brand"]').textContent).to.contain('Northwind Coffee Partners');
    expect(el.shadowRoot!.activeElement).to.equal(focusTarget(el));
    expect(loads).to.deep.equal(['programs']);
    await expect(el).to.be.accessible();
  });

  it('provides its store to the elements in its shadow root', async () => {
    const el = await renderSignedIn('#/welcome');
    const nav = $<RpNav>(el, 'rp-nav');
    expect(nav.store).to.equal(el.store);
    expect(nav.hasAttribute('api-base')).to.equal(false);
    await waitUntil(() => nav.shadowRoot!.querySelector('nav'), 'nav never loaded');
    expect(nav.current).to.equal('welcome');
  });

  it('shows the section named in the hash and follows hash changes, moving focus to the heading', async () => {
    const el = await renderSignedIn('#/commission-structure');
    expect(heading(el)).to.equal('My Commission Structure');
    expect($(el, 'rp-commission-structure')).to.exist;
    // The section element shows its own heading; the portal names the region instead of repeating it.
    expect($(el, '#section-heading')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(null);
    location.hash = '#/ledger';
    await waitUntil(() => heading(el) === 'My Ledger', 'hash change not followed');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(focusTarget(el));
    expect($(el, '[role="status"]').textContent).to.contain('My Ledger');
    const nav = $<RpNav>(el, 'rp-nav');
    await nav.updateComplete;
    expect(nav.current).to.equal('ledger');
  });

  it('gives a resource page its own hash: opening, back to the list, reloading', async () => {
    sectionLoader = () => import('../resource-pages/rp-resource-pages.js');
    const el = await renderSignedIn('#/resource-pages');
    expect(heading(el)).to.equal('Resource Pages');
    const pages = () => $<RpResourcePages>(el, 'rp-resource-pages');
    const inPages = (selector: string) => pages()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
    await waitUntil(() => inPages('[part="page-link"]'), 'pages never listed');
    const length = history.length;
    inPages('[part="page-link"]')!.click();
    await waitUntil(() => inPages('[part="page-title"]'), 'page never shown');
    expect(location.hash).to.equal('#/resource-pages/brand-guidelines');
    expect(history.length).to.equal(length + 1);
    expect(pages().page).to.equal('brand-guidelines');
    // The element moves focus to the page's title; the portal leaves it there.
    await waitUntil(() => pages().shadowRoot!.activeElement === inPages('[part="page-title"]'), 'focus not on the title');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(pages());
    await expect(el).to.be.accessible();
    history.back();
    await waitUntil(() => inPages('[part="page-link"]'), 'back never showed the list');
    expect(location.hash).to.equal('#/resource-pages');
    expect(pages().page).to.equal('');
    // A reload (a new portal) with a page's hash shows that page.
    const again = await renderSignedIn('#/resource-pages/talking-about-our-coffee');
    await waitUntil(() => $<RpResourcePages>(again, 'rp-resource-pages')?.shadowRoot?.querySelector('[part="page-title"]'), 'page not shown');
    expect($<RpResourcePages>(again, 'rp-resource-pages').page).to.equal('talking-about-our-coffee');
  });

  it('follows menu clicks and the back button', async () => {
    const el = await renderSignedIn('#/welcome');
    const nav = $<RpNav>(el, 'rp-nav');
    await waitUntil(() => nav.shadowRoot!.querySelector('a[data-section="sales"]'), 'nav never loaded');
    nav.shadowRoot!.querySelector<HTMLAnchorElement>('a[data-section="sales"]')!.click();
    await waitUntil(() => heading(el) === 'Sales', 'click not followed');
    history.back();
    await waitUntil(() => heading(el) === 'Welcome', 'back not followed');
  });

  it('falls back to the first visible item for a hidden or unknown section, replacing the hash', async () => {
    answerMenu({
      ...fixtures.partnerCenter,
      menu: [
        { id: 'programs', category: 'home', label: 'Our programs' },
        { id: 'sales', category: 'reports', label: null },
      ],
    });
    const length = history.length;
    const el = await renderSignedIn('#/ledger');
    expect(heading(el)).to.equal('Our programs');
    expect(location.hash).to.equal('#/programs');
    expect(history.length).to.equal(length);
    location.hash = '#/no-such-thing';
    await waitUntil(() => location.hash === '#/programs', 'unknown section not replaced');
    expect(heading(el)).to.equal('Our programs');
  });

  it('says so when the merchant shows no menu items', async () => {
    answerMenu({ ...fixtures.partnerCenter, menu: [] });
    setHash('');
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await fixture<RpPortal>(html`<rp-portal api-base=${apiBase}></rp-portal>`);
    await waitUntil(() => $(el, '[part="empty"]'), 'no empty state');
    expect($(el, '[part="empty"]').textContent).to.contain('nothing in the partner center yet');
  });

  it('shows a loading state while a section module loads, then the section', async () => {
    let release!: () => void;
    sectionLoader = () => new Promise<void>((resolve) => (release = resolve));
    const el = await renderSignedIn('#/profile');
    await waitUntil(() => $(el, '[part="loading"]'), 'no loading state');
    expect($(el, '[part="loading"]').textContent).to.contain('Loading My Profile…');
    expect($(el, 'rp-profile')).to.equal(null);
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, 'rp-profile'), 'section never shown');
    expect(loads).to.deep.equal(['profile']);
  });

  it('shows an error with a working retry when a section module fails to load', async () => {
    let attempt = 0;
    sectionLoader = () => (++attempt === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve());
    const el = await renderSignedIn('#/welcome');
    await waitUntil(() => $(el, '[part="error"]'), 'no error state');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitUntil(() => $(el, 'rp-welcome'), 'retry never loaded the section');
    expect(loads).to.deep.equal(['welcome', 'welcome']);
  });

  it('shows an error with a working retry when the center cannot be loaded', async () => {
    worker.use(http.get('*/partner/center', () => replyError('internal', 'The center is unavailable.'), { once: true }));
    setHash('#/welcome');
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await fixture<RpPortal>(html`<rp-portal api-base=${apiBase}></rp-portal>`);
    await waitUntil(() => $(el, '[part="error"]'), 'no error state');
    expect($(el, '[part="error"]').textContent).to.contain('The center is unavailable.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitUntil(() => heading(el) === 'Welcome', 'retry never loaded the center');
  });

  it('signs out with the header button and fires rp-signed-out', async () => {
    const el = await renderSignedIn('#/welcome');
    const signedOut = oneEvent(el, 'rp-signed-out');
    $<HTMLButtonElement>(el, '[part="sign-out"]').click();
    const event = await signedOut;
    expect(event.detail).to.deep.equal({ reason: 'signed-out' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.store.signedIn).to.equal(false);
    await el.updateComplete;
    const signin = $<RpSignin>(el, 'rp-signin');
    await waitUntil(() => signin.shadowRoot!.activeElement?.id === 'code', 'focus not moved to the sign-in form');
  });

  it('falls back to sign-in with the expiry message when the session expires', async () => {
    const el = await renderSignedIn('#/welcome');
    worker.use(http.get('*/partner/center', () => replyError('unauthorized', 'Your session has ended.')));
    const signedOut = oneEvent(el, 'rp-signed-out');
    await el.store.client.get('/partner/center').catch(() => undefined);
    expect((await signedOut).detail).to.deep.equal({ reason: 'expired' });
    await el.updateComplete;
    const signin = $<RpSignin>(el, 'rp-signin');
    expect(signin).to.exist;
    await signin.updateComplete;
    expect(signin.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain(
      'Your session expired. Please sign in again.',
    );
  });

  it('keeps the session in sessionStorage by default so it survives a reload', async () => {
    setHash('#/welcome');
    const apiBase = freshApiBase();
    const el = await fixture<RpPortal>(html`<rp-portal api-base=${apiBase}></rp-portal>`);
    await el.store.signIn('demo', 'demo-partner');
    const key = `rp-session:${el.store.apiBase}`;
    expect(JSON.parse(sessionStorage.getItem(key)!).partner.name).to.equal('Dana Demo');
    await el.store.signOut();
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('uses the compact menu when narrow', async () => {
    await setViewport({ width: 375, height: 740 });
    const el = await renderSignedIn('#/welcome');
    el.requestUpdate();
    await waitUntil(() => el.narrow, 'never narrow');
    const nav = $<RpNav>(el, 'rp-nav');
    await nav.updateComplete;
    expect(nav.layout).to.equal('compact');
    await waitUntil(() => nav.shadowRoot!.querySelector('[part="menu-button"]'), 'no menu button');
    await expect(el).to.be.accessible();
  });

  it("applies the merchant's accent colour from the center settings, unless the page sets --rp-accent", async () => {
    worker.use(
      http.get(/\/api[^/]*\/center$/, () =>
        reply(CenterPublic, { ...fixtures.center, branding: { accentColor: '#aa3300', logoUrl: null } }),
      ),
    );
    const el = await renderSignedIn('#/welcome');
    await waitUntil(() => el.store.center?.branding.accentColor === '#aa3300', 'center settings not loaded');
    await el.updateComplete;
    const accent = () => getComputedStyle(el).getPropertyValue('--_accent').trim();
    await waitUntil(() => accent() === '#aa3300', `accent is ${accent()}`);
    el.style.setProperty('--rp-accent', '#123456');
    expect(accent()).to.equal('#123456');
  });
});
