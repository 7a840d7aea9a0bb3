import { expect, waitUntil } from '@open-wc/testing';
import { resetApi } from '../../../test/api-mock.js';
import { useAdminResources } from '../../../test/admin-resources-mock.js';
import { $, $$, adminSignedIn, renderAdmin, text } from '../../../test/admin-kit.js';
import type { RpAdminResources } from './rp-admin-resources.js';
import './rp-admin-resources.js';

const render = (options: { signIn?: boolean; tab?: string } = {}) =>
  renderAdmin<RpAdminResources>('rp-admin-resources', { signIn: options.signIn, attributes: options.tab ? { tab: options.tab } : {} });

const tabs = (el: RpAdminResources) => $$(el, '[role="tab"]') as HTMLButtonElement[];
const panel = (el: RpAdminResources, tab: string) => $(el, `#panel-${tab}`) as HTMLElement;
const key = (el: RpAdminResources, name: string) =>
  el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));

describe('rp-admin-resources', () => {
  beforeEach(() => {
    resetApi();
    useAdminResources();
  });

  it('shows three tabs with the banners open, and creates only that editor', async () => {
    const { el, apiBase } = await render();
    expect(text($(el, 'h2'))).to.equal('Promotional resources');
    expect($(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Resources');
    expect(tabs(el).map((t) => text(t))).to.deep.equal(['Banners', 'Email copy', 'Resource pages']);
    expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(panel(el, 'banners').getAttribute('aria-labelledby')).to.equal('tab-banners');
    expect(panel(el, 'banners').hidden).to.equal(false);
    expect(panel(el, 'email-copy').hidden).to.equal(true);
    const banners = panel(el, 'banners').querySelector('rp-admin-banners')!;
    expect(banners.getAttribute('api-base')).to.equal(apiBase);
    expect(banners.embedded).to.equal(true);
    expect(panel(el, 'email-copy').querySelector('rp-admin-email-copy')).to.equal(null);
    await waitUntil(() => banners.shadowRoot!.querySelector('[part="list"]'), 'banners listed');
    // Under the container's h2, the editor's heading is an h3.
    expect(text(banners.shadowRoot!.querySelector('h3'))).to.equal('Banners');
    await expect(el).to.be.accessible();
  });

  it('switches tabs by click and keeps what was typed in the tab left behind', async () => {
    const { el } = await render();
    const banners = $(el, 'rp-admin-banners')!;
    await waitUntil(() => banners.shadowRoot!.querySelector('[part="add-button"]'), 'banners ready');
    (banners.shadowRoot!.querySelector('[part="add-button"]') as HTMLButtonElement).click();
    await waitUntil(() => banners.shadowRoot!.querySelector('#f-name'), 'banner editor');
    const name = banners.shadowRoot!.querySelector('#f-name') as HTMLInputElement;
    name.value = 'Half-typed';
    name.dispatchEvent(new Event('input'));

    tabs(el)[1]!.click();
    await el.updateComplete;
    expect(el.tab).to.equal('email-copy');
    expect(el.getAttribute('tab')).to.equal('email-copy');
    expect(panel(el, 'banners').hidden).to.equal(true);
    const email = $(el, 'rp-admin-email-copy')!;
    await waitUntil(() => email.shadowRoot!.querySelector('[part="table"]'), 'emails listed');

    tabs(el)[0]!.click();
    await el.updateComplete;
    expect((banners.shadowRoot!.querySelector('#f-name') as HTMLInputElement).value).to.equal('Half-typed');
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const { el } = await render();
    tabs(el)[0]!.focus();
    key(el, 'ArrowRight');
    await waitUntil(() => el.tab === 'email-copy', 'right');
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
    expect(tabs(el)[1]!.tabIndex).to.equal(0);
    key(el, 'End');
    await waitUntil(() => el.tab === 'resource-pages', 'end');
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[2]);
    key(el, 'ArrowRight');
    await waitUntil(() => el.tab === 'banners', 'wraps to the first');
    key(el, 'ArrowLeft');
    await waitUntil(() => el.tab === 'resource-pages', 'wraps to the last');
    key(el, 'Home');
    await waitUntil(() => el.tab === 'banners', 'home');
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[0]);
  });

  it('opens the tab named by the tab attribute, and falls back to banners for an unknown one', async () => {
    const { el } = await render({ tab: 'resource-pages' });
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, 'rp-admin-resource-pages')).to.not.equal(null);
    expect($(el, 'rp-admin-banners')).to.equal(null);
    const { el: other } = await render({ tab: 'nonsense' });
    await other.updateComplete;
    expect(other.tab).to.equal('banners');
  });

  it('asks to sign in instead of showing tabs while signed out', async () => {
    const { el, apiBase } = await render({ signIn: false });
    expect($(el, '[role="tablist"]')).to.equal(null);
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to the back office to see this section.');
    await expect(el).to.be.accessible();
    await adminSignedIn(apiBase);
    await waitUntil(() => $(el, '[role="tablist"]'), 'tabs after sign-in');
  });
});
