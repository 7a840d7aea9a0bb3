import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CenterPublic, CenterSettings, menuItemIds } from '@rp/contract';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp();
let partnerToken: string;

before(async () => {
  const partner = await addPartner(t);
  partnerToken = sessionFor(t, partner.id);
});

async function settings() {
  const res = await call(t.app, 'GET', '/admin/settings', { token: ADMIN_KEY });
  assert.equal(res.status, 200, res.text);
  return CenterSettings.parse(res.json);
}

describe('admin settings', () => {
  it('starts from defaults taken from the configuration', async () => {
    assert.deepEqual(await settings(), {
      name: 'Partner Center',
      welcomeMessage: '',
      currency: 'USD',
      locale: 'en-US',
      branding: { accentColor: '#1f6feb', logoUrl: null },
      signUpApproval: 'review',
      menu: menuItemIds.map((id) => ({ id, visible: true, label: null })),
    });
    const eur = makeApp({ RP_CURRENCY: 'EUR', RP_LOCALE: 'de-DE' });
    const res = await call(eur.app, 'GET', '/center');
    assert.deepEqual(CenterPublic.parse(res.json), {
      name: 'Partner Center',
      currency: 'EUR',
      locale: 'de-DE',
      branding: { accentColor: '#1f6feb', logoUrl: null },
    });
  });

  it('updates some fields, merges branding and answers the full settings', async () => {
    const before = await settings();
    const res = await call(t.app, 'PATCH', '/admin/settings', {
      token: ADMIN_KEY,
      body: { name: '  Acme Partners ', welcomeMessage: 'Hello!\n\nSecond paragraph.', branding: { logoUrl: 'https://cdn.example.com/logo.svg' } },
    });
    assert.equal(res.status, 200, res.text);
    const updated = CenterSettings.parse(res.json);
    assert.deepEqual(updated, {
      ...before,
      name: 'Acme Partners',
      welcomeMessage: 'Hello!\n\nSecond paragraph.',
      branding: { accentColor: '#1f6feb', logoUrl: 'https://cdn.example.com/logo.svg' },
    });
    assert.deepEqual(await settings(), updated);

    const color = await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body: { branding: { accentColor: '#AA3300' } } });
    assert.deepEqual(CenterSettings.parse(color.json).branding, { accentColor: '#AA3300', logoUrl: 'https://cdn.example.com/logo.svg' });

    const publicCenter = CenterPublic.parse((await call(t.app, 'GET', '/center')).json);
    assert.equal(publicCenter.name, 'Acme Partners');
    assert.equal(publicCenter.branding.accentColor, '#AA3300');
  });

  it('rejects invalid settings field by field and changes nothing', async () => {
    const before = await settings();
    const cases: Array<[unknown, string]> = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(81) }, 'name'],
      [{ currency: 'usd' }, 'currency'],
      [{ locale: 'not a locale!' }, 'locale'],
      [{ branding: { accentColor: 'red' } }, 'branding.accentColor'],
      [{ branding: { logoUrl: 'javascript:alert(1)' } }, 'branding.logoUrl'],
      [{ branding: { logoUrl: 'http://insecure.example/logo.png' } }, 'branding.logoUrl'],
      [{ menu: before.menu.slice(1) }, 'menu'],
      [{ menu: [...before.menu.slice(1), before.menu[1]] }, 'menu'],
      [{ menu: before.menu.map((m, i) => (i === 0 ? { ...m, id: 'casino' } : m)) }, 'menu.0.id'],
      [{ welcomeMessage: 'x'.repeat(5001) }, 'welcomeMessage'],
      [{ theme: 'dark' }, 'theme'],
      [{ name: 'Fine', signupApproval: 'automatic' }, 'signupApproval'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body });
      const error = assertError(res, 400, 'invalid_request');
      assert.ok(error.fields?.[field], `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(error.fields)}`);
    }
    assert.deepEqual(await settings(), before);
  });

  it('refuses requests without the admin key, with a wrong key, or with a partner token', async () => {
    assertError(await call(t.app, 'GET', '/admin/settings'), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token: `${ADMIN_KEY}x` }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token: ADMIN_KEY.slice(0, -1) }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token: partnerToken }), 401, 'unauthorized');
    const before = await settings();
    assertError(await call(t.app, 'PATCH', '/admin/settings', { token: partnerToken, body: { name: 'Hijacked' } }), 401, 'unauthorized');
    assert.deepEqual(await settings(), before);
  });

  it('and the admin key is no partner session', async () => {
    assertError(await call(t.app, 'GET', '/partner/center', { token: ADMIN_KEY }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/auth/session', { token: ADMIN_KEY }), 401, 'unauthorized');
    // The partner token still works where it belongs.
    assert.equal((await call(t.app, 'GET', '/partner/center', { token: partnerToken })).status, 200);
  });
});
