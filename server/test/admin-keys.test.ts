import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminKeyCreated, AdminKeyList, CenterSettings } from '@rp/contract';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp();
let partnerToken: string;

before(async () => {
  const partner = await addPartner(t);
  partnerToken = sessionFor(t, partner.id);
});

async function createKey(name: string, token = ADMIN_KEY) {
  const res = await call(t.app, 'POST', '/admin/keys', { token, body: { name } });
  assert.equal(res.status, 201, res.text);
  return AdminKeyCreated.parse(res.json);
}

async function listKeys(token = ADMIN_KEY) {
  const res = await call(t.app, 'GET', '/admin/keys', { token });
  assert.equal(res.status, 200, res.text);
  return AdminKeyList.parse(res.json).keys;
}

const count = () => (t.db.prepare('SELECT count(*) AS n FROM admin_keys').get() as { n: number }).n;

describe('admin keys', () => {
  it('creates a key whose secret is shown once and stored only as a hash', async () => {
    const key = await createKey('  Back office  ');
    assert.equal(key.name, 'Back office');
    assert.match(key.secret, /^rpk_[A-Za-z0-9_-]{43}$/);
    assert.equal(key.prefix, key.secret.slice(0, 8));
    assert.equal(key.revokedAt, null);
    assert.equal(key.lastUsedAt, null);
    const row = t.db.prepare('SELECT * FROM admin_keys WHERE id = ?').get(key.id) as Record<string, unknown>;
    assert.ok(!JSON.stringify(row).includes(key.secret.slice(4)), 'the secret is not stored');
    const listed = await listKeys();
    const mine = listed.find((k) => k.id === key.id);
    assert.ok(mine);
    assert.ok(!('secret' in mine));
    assert.ok(!JSON.stringify(listed).includes(key.secret));
    const again = await createKey('Second');
    assert.notEqual(again.secret, key.secret);
  });

  it('a stored key opens the admin API and records its use', async () => {
    const key = await createKey('Integration');
    const res = await call(t.app, 'GET', '/admin/settings', { token: key.secret });
    assert.equal(res.status, 200, res.text);
    CenterSettings.parse(res.json);
    const listed = (await listKeys(key.secret)).find((k) => k.id === key.id);
    assert.equal(listed?.lastUsedAt, new Date(t.clock.now()).toISOString());
    // A stored key can make and list keys too.
    const child = await createKey('Made by a key', key.secret);
    assert.ok(child.id > key.id);
  });

  it('a revoked key is refused at once; revoking is idempotent and 404 for an unknown id', async () => {
    const key = await createKey('To revoke');
    assert.equal((await call(t.app, 'GET', '/admin/keys', { token: key.secret })).status, 200);
    const del = await call(t.app, 'DELETE', `/admin/keys/${key.id}`, { token: ADMIN_KEY });
    assert.equal(del.status, 204, del.text);
    assertError(await call(t.app, 'GET', '/admin/keys', { token: key.secret }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token: key.secret }), 401, 'unauthorized');
    const listed = (await listKeys()).find((k) => k.id === key.id);
    assert.equal(listed?.revokedAt, new Date(t.clock.now()).toISOString());
    t.clock.advance(1000);
    assert.equal((await call(t.app, 'DELETE', `/admin/keys/${key.id}`, { token: ADMIN_KEY })).status, 204);
    assert.equal((await listKeys()).find((k) => k.id === key.id)?.revokedAt, listed?.revokedAt, 'first revocation time kept');
    assertError(await call(t.app, 'DELETE', '/admin/keys/99999', { token: ADMIN_KEY }), 404, 'not_found');
    assertError(await call(t.app, 'DELETE', '/admin/keys/abc', { token: ADMIN_KEY }), 400, 'invalid_request');
  });

  it('validates the name field by field and writes nothing', async () => {
    const before = count();
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(81) }, { name: 'ok', extra: 1 }]) {
      const error = assertError(await call(t.app, 'POST', '/admin/keys', { token: ADMIN_KEY, body }), 400, 'invalid_request');
      assert.ok(error.fields && Object.keys(error.fields).length > 0, JSON.stringify(body));
    }
    assertError(await call(t.app, 'POST', '/admin/keys', { token: ADMIN_KEY, rawBody: '{', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    assert.equal(count(), before);
  });

  it('refuses missing, wrong and partner credentials; admin keys never pass as partner tokens', async () => {
    const before = count();
    for (const token of [undefined, 'nope', partnerToken, 'rpk_' + 'A'.repeat(43)]) {
      assertError(await call(t.app, 'GET', '/admin/keys', { token }), 401, 'unauthorized');
      assertError(await call(t.app, 'POST', '/admin/keys', { token, body: { name: 'x' } }), 401, 'unauthorized');
      assertError(await call(t.app, 'DELETE', '/admin/keys/1', { token }), 401, 'unauthorized');
    }
    assert.equal(count(), before);
    // The partner token itself is fine for partner routes…
    assert.equal((await call(t.app, 'GET', '/partner/profile', { token: partnerToken })).status, 200);
    // …but neither the configured key nor a stored key is a partner session.
    const key = await createKey('Not a partner');
    for (const token of [ADMIN_KEY, key.secret]) {
      assertError(await call(t.app, 'GET', '/partner/profile', { token }), 401, 'unauthorized');
    }
  });
});
