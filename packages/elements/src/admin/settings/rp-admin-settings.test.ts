import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CenterSettings, CenterSettingsUpdate } from '@rp/contract';
import { apiPath, http, HttpResponse, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminDataHandlers, adminMockFixtures, adminPaths } from '../../../test/admin-mock.js';
import { $, $$, adminSignedIn, adminStateTests, focused, renderAdmin, text, type } from '../../../test/admin-kit.js';
import type { RpAdminSettings } from './rp-admin-settings.js';
import './rp-admin-settings.js';

const settingsRoute = apiPath(adminPaths.settings);
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b6e4f"/></svg>';

/** Rendered and signed in, the settings loaded; returns the element and its API base. */
async function loadedWith(): Promise<{ el: RpAdminSettings; apiBase: string }> {
  worker.use(...adminDataHandlers);
  const rendered = await renderAdmin<RpAdminSettings>('rp-admin-settings');
  await waitUntil(() => rendered.el.shadowRoot!.querySelector('form'), 'settings never loaded');
  return rendered;
}
const loaded = async () => (await loadedWith()).el;

/** Captures PATCH bodies (parsed by the contract) and answers with the merged settings. */
function capturePatches(): CenterSettingsUpdate[] {
  const bodies: CenterSettingsUpdate[] = [];
  worker.use(
    http.patch(settingsRoute, async ({ request }) => {
      const update = CenterSettingsUpdate.parse(await request.json());
      bodies.push(update);
      const s = adminMockFixtures.settings;
      return reply(CenterSettings, { ...s, ...update, branding: { ...s.branding, ...update.branding } });
    }),
  );
  return bodies;
}

async function save(el: RpAdminSettings): Promise<void> {
  const saved = oneEvent(el, 'rp-admin-settings-saved');
  $<HTMLButtonElement>(el, '[part="save-button"]').click();
  await saved;
  await el.updateComplete;
}

/** Menu ids of a category, in the order shown. */
const order = (el: Element, category: string) =>
  $$(el, `[aria-labelledby="menu-${category}"] [part="menu-item"]`).map((row) => row.dataset['id']);

describe('rp-admin-settings', () => {
  beforeEach(() => resetApi());

  adminStateTests({
    tag: 'rp-admin-settings',
    path: adminPaths.settings,
    schema: CenterSettings,
    page: adminMockFixtures.settings,
    loadingText: 'Loading the settings…',
    list: 'form',
    addButton: '[part="save-button"]',
  });

  it('shows every setting with its current value and passes axe', async () => {
    const el = await loaded();
    expect(text($(el, 'h2'))).to.equal('Center settings');
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Northwind Coffee Partners');
    expect($<HTMLTextAreaElement>(el, '#field-welcomeMessage').value).to.contain('Share your links');
    expect($$(el, 'h3').map((h) => text(h))).to.deep.equal(['General', 'Welcome message', 'Partner menu', 'Branding', 'Sign-up approval']);
    expect(text($(el, '.readonly'))).to.equal('US Dollar (USD), formatted for American English');
    // The menu: a switch per item, the built-in label as placeholder, the merchant's own as value.
    expect($$(el, '[role="switch"]')).to.have.length(12);
    expect($(el, '#switch-email-copy').getAttribute('aria-checked')).to.equal('false');
    expect($(el, '#switch-email-copy').getAttribute('aria-label')).to.equal('Show Email Copy');
    expect($(el, '#switch-commission-structure').getAttribute('aria-checked')).to.equal('true');
    expect($<HTMLInputElement>(el, '#label-links').value).to.equal('Share links');
    expect($<HTMLInputElement>(el, '#label-commission-structure').placeholder).to.equal('My Commission Structure');
    expect($<HTMLInputElement>(el, '#label-commission-structure').value).to.equal('');
    expect(order(el, 'home')).to.deep.equal(['welcome', 'profile', 'programs', 'commission-structure']);
    expect(text($(el, '.menu-preview'))).to.contain('Share links');
    expect(text($(el, '.menu-preview'))).not.to.contain('Email Copy');
    expect($<HTMLInputElement>(el, '#field-accentColor').value).to.equal('#2457d6');
    expect($<HTMLInputElement>(el, 'input[type="color"]').value).to.equal('#2457d6');
    expect($<HTMLInputElement>(el, 'input[value="review"]').checked).to.equal(true);
    expect(text($(el, '[part="save-bar"]'))).not.to.contain('Unsaved');
    await expect(el).to.be.accessible();
  });

  it('previews the welcome message as partners see it while typing, and saves only the message', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    type(el, '#field-welcomeMessage', 'Hello partners!\n\nLine one\nline two\n\n');
    await el.updateComplete;
    const preview = $(el, 'rp-admin-welcome-preview');
    await (preview as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const paragraphs = [...preview.shadowRoot!.querySelectorAll('[part="paragraph"]')];
    expect(paragraphs.map((p) => (p as HTMLElement).innerText)).to.deep.equal(['Hello partners!', 'Line one\nline two']);
    expect(text(preview.shadowRoot!.querySelector('[part="eyebrow"]')!)).to.equal('Northwind Coffee Partners');
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes: welcome message');
    expect($(el, '[part="discard-button"]').hidden).to.equal(false);
    await save(el);
    expect(bodies).to.deep.equal([{ welcomeMessage: 'Hello partners!\n\nLine one\nline two' }]);
    expect(text($(el, '[part="status"]'))).to.equal('Settings saved.');
    expect($(el, '[part="status"]').getAttribute('role')).to.equal('status');
    expect(text($(el, '[part="save-bar"]'))).not.to.contain('Unsaved');
    expect(focused(el, '#save'), 'focus back on Save').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows the partner's empty welcome text when the message is blank", async () => {
    const el = await loaded();
    type(el, '#field-welcomeMessage', '   ');
    await el.updateComplete;
    const preview = $(el, 'rp-admin-welcome-preview');
    await (preview as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(preview.shadowRoot!.querySelector('[part="empty"]')!)).to.equal(
      'Your partner center is ready. Your welcome message will appear here.',
    );
  });

  it('hides a menu item with its switch (keyboard) and sends the whole menu', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    const toggle = $<HTMLButtonElement>(el, '#switch-commission-structure');
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(text($(el, '[data-id="commission-structure"]'))).to.contain('Hidden');
    expect(text($(el, '.menu-preview'))).not.to.contain('My Commission Structure');
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes: menu');
    const event = oneEvent(el, 'rp-admin-settings-saved');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    expect((await event).detail).to.deep.equal({ changed: ['menu'] });
    expect(bodies).to.have.length(1);
    expect(Object.keys(bodies[0]!)).to.deep.equal(['menu']);
    expect(bodies[0]!.menu).to.have.length(12);
    expect(bodies[0]!.menu!.find((e) => e.id === 'commission-structure')).to.deep.equal({
      id: 'commission-structure',
      visible: false,
      label: null,
    });
    expect(bodies[0]!.menu!.find((e) => e.id === 'links')!.label).to.equal('Share links');
  });

  it('moves items within their category, keeps focus on the moved item and announces it', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    expect($<HTMLButtonElement>(el, '#up-commissions').disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, '#down-ledger').disabled).to.equal(true);
    $<HTMLButtonElement>(el, '#up-sales').click();
    await el.updateComplete;
    expect(order(el, 'reports')).to.deep.equal(['commissions', 'sales', 'leads', 'ledger']);
    expect(focused(el, '#up-sales'), 'focus stays on Move up').to.equal(true);
    expect(text($(el, '[aria-live="polite"].visually-hidden'))).to.equal('Sales moved up: 2 of 4 in Reports.');
    $<HTMLButtonElement>(el, '#up-sales').click();
    await el.updateComplete;
    expect(order(el, 'reports')).to.deep.equal(['sales', 'commissions', 'leads', 'ledger']);
    // At the top "Move up" is disabled, so focus goes to "Move down" of the same item.
    expect($<HTMLButtonElement>(el, '#up-sales').disabled).to.equal(true);
    expect(focused(el, '#down-sales'), 'focus on Move down').to.equal(true);
    expect(order(el, 'home')).to.deep.equal(['welcome', 'profile', 'programs', 'commission-structure']);
    await save(el);
    expect(bodies[0]!.menu!.map((e) => e.id)).to.deep.equal([
      'welcome', 'profile', 'programs', 'commission-structure',
      'links', 'banners', 'email-copy', 'resource-pages',
      'sales', 'commissions', 'leads', 'ledger',
    ]);
  });

  it('renames menu items; a blank label goes back to the built-in one', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    type(el, '#label-ledger', '  Payouts  ');
    type(el, '#label-links', '');
    await el.updateComplete;
    expect(text($(el, '.menu-preview'))).to.contain('Payouts');
    expect(text($(el, '.menu-preview'))).to.contain('Redirect Links');
    await save(el);
    const menu = bodies[0]!.menu!;
    expect(menu.find((e) => e.id === 'ledger')!.label).to.equal('Payouts');
    expect(menu.find((e) => e.id === 'links')!.label).to.equal(null);
  });

  it('keeps the colour picker and hex field together and sends only the changed branding', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    const picker = $<HTMLInputElement>(el, 'input[type="color"]');
    picker.value = '#aa3300';
    picker.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#field-accentColor').value).to.equal('#aa3300');
    type(el, '#field-accentColor', '#0B6E4F');
    await el.updateComplete;
    expect(picker.value).to.equal('#0b6e4f');
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes: accent colour');
    await save(el);
    expect(bodies).to.deep.equal([{ branding: { accentColor: '#0b6e4f' } }]);
  });

  it('warns when white text on the accent would be hard to read', async () => {
    const el = await loaded();
    expect($(el, '#contrast-warning')).to.equal(null);
    type(el, '#field-accentColor', '#ffd84d');
    await el.updateComplete;
    expect(text($(el, '#contrast-warning'))).to.match(/contrast of 1\.\d:1/);
    expect($(el, '#field-accentColor').getAttribute('aria-describedby')).to.contain('contrast-warning');
    // No axe here: the previews show the merchant's unreadable colour on purpose.
  });

  it('previews the logo and sends it, or null when cleared', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    worker.use(
      http.get('*/media/logo.svg', () => new HttpResponse(LOGO, { headers: { 'content-type': 'image/svg+xml' } })),
      http.get('*/media/missing.svg', () => new HttpResponse(null, { status: 404 })),
    );
    type(el, '#field-branding-logoUrl', '/media/missing.svg');
    await waitUntil(() => el.shadowRoot!.querySelector('.logo-broken'), 'no broken-logo note');
    expect(text($(el, '.logo-broken'))).to.equal('The logo could not be loaded.');
    expect($(el, '.brand-preview .monogram')).to.exist;
    type(el, '#field-branding-logoUrl', '/media/logo.svg');
    await el.updateComplete;
    const img = $<HTMLImageElement>(el, '.brand-preview img');
    expect(new URL(img.src).pathname).to.equal('/media/logo.svg');
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'logo never loaded');
    expect($(el, '.logo-broken')).to.equal(null);
    await save(el);
    expect(bodies[0]).to.deep.equal({ branding: { logoUrl: '/media/logo.svg' } });
    type(el, '#field-branding-logoUrl', ' ');
    await save(el);
    expect(bodies[1]).to.deep.equal({ branding: { logoUrl: null } });
  });

  it('checks the browser constraints before sending anything', async () => {
    const el = await loaded();
    const patches = capturePatches();
    type(el, '#field-name', '');
    type(el, '#field-accentColor', 'blue');
    type(el, '#field-branding-logoUrl', 'http://insecure.example/logo.png');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(patches).to.deep.equal([]);
    expect($(el, '#field-name').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#field-accentColor').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#field-branding-logoUrl').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el, '#field-name'), 'focus on the first invalid field').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows the server's field errors at their fields, menu labels included, and keeps the form", async () => {
    const el = await loaded();
    worker.use(
      http.patch(settingsRoute, () =>
        replyError('invalid_request', 'Some fields need attention.', {
          name: 'That name is taken.',
          'menu.11.label': 'Use at most 40 characters.',
          'menu.0': 'Something about the menu.',
        }),
      ),
    );
    type(el, '#field-name', 'Harbor Partners');
    type(el, '#label-ledger', 'My money');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'no field errors');
    expect(text($(el, '#name-error'))).to.equal('That name is taken.');
    expect(text($(el, '#label-ledger-error'))).to.equal('Use at most 40 characters.');
    expect($(el, '#label-ledger').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '[part="form-error"]'))).to.equal('Please correct the highlighted fields. Something about the menu.');
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Harbor Partners');
    expect($<HTMLInputElement>(el, '#label-ledger').value).to.equal('My money');
    expect(focused(el, '#field-name'), 'focus on the first invalid field').to.equal(true);
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes');
    await expect(el).to.be.accessible();
    // Typing in a field clears its error.
    type(el, '#field-name', 'Harbor Partners Co');
    await el.updateComplete;
    expect($(el, '#name-error')).to.equal(null);
  });

  it('shows a failed save as a form error and keeps the changes', async () => {
    const el = await loaded();
    worker.use(http.patch(settingsRoute, () => replyError('internal', 'The database is busy.')));
    type(el, '#field-name', 'Harbor Partners');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="form-error"]'), 'no form error');
    expect(text($(el, '[part="form-error"]'))).to.equal('The database is busy.');
    expect(focused(el, '#form-error'), 'focus on the form error').to.equal(true);
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Harbor Partners');
  });

  it('is busy while saving: the button is disabled and says so', async () => {
    const el = await loaded();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.patch(settingsRoute, async () => {
        await gate;
        return reply(CenterSettings, { ...adminMockFixtures.settings, signUpApproval: 'automatic' });
      }),
    );
    $<HTMLInputElement>(el, 'input[value="automatic"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="save-button"]');
    expect(button.disabled).to.equal(true);
    expect(text(button)).to.equal('Saving…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    release();
    await waitUntil(() => text($(el, '[part="status"]')) === 'Settings saved.', 'never saved');
    expect(button.disabled).to.equal(false);
  });

  it('sends the sign-up approval choice', async () => {
    const el = await loaded();
    const bodies = capturePatches();
    $<HTMLInputElement>(el, 'input[value="automatic"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes: sign-up approval');
    await save(el);
    expect(bodies).to.deep.equal([{ signUpApproval: 'automatic' }]);
  });

  it('discards the changes on request and says so', async () => {
    const el = await loaded();
    type(el, '#field-name', 'Something else');
    $<HTMLButtonElement>(el, '#switch-welcome').click();
    await el.updateComplete;
    expect(text($(el, '[part="save-bar"]'))).to.contain('Unsaved changes: center name and menu');
    $<HTMLButtonElement>(el, '[part="discard-button"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Northwind Coffee Partners');
    expect($(el, '#switch-welcome').getAttribute('aria-checked')).to.equal('true');
    expect(text($(el, '[part="status"]'))).to.equal('Changes discarded.');
    expect($(el, '[part="discard-button"]').hidden).to.equal(true);
    expect(focused(el, '#save'), 'focus on Save').to.equal(true);
  });

  it('says when there is nothing to save', async () => {
    const el = await loaded();
    const patches = capturePatches();
    type(el, '#field-name', 'Northwind Coffee Partners  ');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="status"]'))).to.equal('No changes to save.');
    expect(patches).to.deep.equal([]);
  });

  it('keeps unsaved changes through an expired session and saves them after signing in again', async () => {
    const { el, apiBase } = await loadedWith();
    worker.use(http.patch(settingsRoute, () => replyError('unauthorized', 'Your session expired.')));
    type(el, '#field-name', 'Kept through expiry');
    $<HTMLButtonElement>(el, '[part="save-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="signed-out"]'), 'never signed out');
    const bodies = capturePatches();
    await adminSignedIn(apiBase);
    worker.use(...adminDataHandlers);
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form after signing in again');
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="loading"]'));
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Kept through expiry');
    await save(el);
    expect(bodies.at(-1)).to.deep.equal({ name: 'Kept through expiry' });
  });

  it('forgets the changes when the admin signs out on purpose', async () => {
    const { el, apiBase } = await loadedWith();
    type(el, '#field-name', 'Not for the next person');
    await el.store.signOut();
    await el.updateComplete;
    expect($(el, '[part="signed-out"]')).to.exist;
    await adminSignedIn(apiBase);
    worker.use(...adminDataHandlers);
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form after signing in again');
    expect($<HTMLInputElement>(el, '#field-name').value).to.equal('Northwind Coffee Partners');
  });
});
