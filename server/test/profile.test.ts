import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Profile } from '@rp/contract';
import { addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp();
let alice: { id: number; code: string; token: string };
let bob: { id: number; code: string; token: string };

before(async () => {
  const a = await addPartner(t, {
    code: 'alice',
    name: 'Alice Adams',
    email: 'alice@example.com',
    company: 'Adams Media',
    phone: '+1 555 0100',
    website: 'https://alice.example',
    address: { line1: '1 Main St', line2: '', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
    payoutEmail: 'pay@alice.example',
  });
  const b = await addPartner(t, { code: 'bob', name: 'Bob Brown', email: 'bob@example.com', address: { city: 'Leeds', country: 'GB' } });
  alice = { ...a, token: sessionFor(t, a.id) };
  bob = { ...b, token: sessionFor(t, b.id) };
});

async function profileOf(token: string) {
  const res = await call(t.app, 'GET', '/partner/profile', { token });
  assert.equal(res.status, 200, res.text);
  return Profile.parse(res.json);
}

describe('profile', () => {
  it('reads the signed-in partner’s profile', async () => {
    const profile = await profileOf(alice.token);
    assert.deepEqual(profile, {
      code: 'alice',
      status: 'active',
      name: 'Alice Adams',
      email: 'alice@example.com',
      company: 'Adams Media',
      phone: '+1 555 0100',
      website: 'https://alice.example',
      address: { line1: '1 Main St', line2: '', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      payoutEmail: 'pay@alice.example',
      joinedAt: new Date(t.clock.now()).toISOString(),
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
  });

  it('needs a session', async () => {
    assertError(await call(t.app, 'GET', '/partner/profile'), 401, 'unauthorized');
    assertError(await call(t.app, 'PATCH', '/partner/profile', { body: { name: 'x' } }), 401, 'unauthorized');
  });

  it('updates given fields only, normalising them, and answers the new profile', async () => {
    t.clock.advance(60_000);
    const res = await call(t.app, 'PATCH', '/partner/profile', {
      token: alice.token,
      body: { name: '  Alice A. Adams ', email: 'Alice@Example.COM', company: '' },
    });
    assert.equal(res.status, 200, res.text);
    const updated = Profile.parse(res.json);
    assert.equal(updated.name, 'Alice A. Adams');
    assert.equal(updated.email, 'alice@example.com');
    assert.equal(updated.company, '');
    assert.equal(updated.phone, '+1 555 0100');
    assert.equal(updated.updatedAt, new Date(t.clock.now()).toISOString());
    assert.notEqual(updated.joinedAt, updated.updatedAt);
    assert.deepEqual(await profileOf(alice.token), updated);
  });

  it('merges a partial address into the stored one', async () => {
    const res = await call(t.app, 'PATCH', '/partner/profile', {
      token: alice.token,
      body: { address: { city: 'Chicago', country: 'us' } },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Profile.parse(res.json).address, {
      line1: '1 Main St',
      line2: '',
      city: 'Chicago',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    });
  });

  it('rejects bad fields with a message per field and changes nothing', async () => {
    const before = await profileOf(alice.token);
    const res = await call(t.app, 'PATCH', '/partner/profile', {
      token: alice.token,
      body: {
        name: 'N'.repeat(101),
        email: 'not-an-email',
        phone: 'call me',
        website: 'javascript:alert(1)',
        address: { country: 'USA', city: 'Valid City' },
        payoutEmail: 'also bad',
      },
    });
    const error = assertError(res, 400, 'invalid_request');
    assert.deepEqual(error.fields, {
      name: 'Use at most 100 characters.',
      email: 'Enter a valid email address.',
      phone: 'Enter a phone number using digits, spaces, +, -, ( and ).',
      website: 'Enter an address starting with https:// or http://.',
      'address.country': 'Use a two-letter country code such as US.',
      payoutEmail: 'Enter a valid email address.',
    });
    assert.deepEqual(await profileOf(alice.token), before);
  });

  it('rejects unknown fields, also inside the address, and fields a partner may not set', async () => {
    const before = await profileOf(alice.token);
    for (const [body, field] of [
      [{ name: 'Changed', nickname: 'Al' }, 'nickname'],
      [{ address: { city: 'Changed', planet: 'Mars' } }, 'address.planet'],
      [{ status: 'active', name: 'Changed' }, 'status'],
      [{ code: 'bob' }, 'code'],
    ] as const) {
      const error = assertError(await call(t.app, 'PATCH', '/partner/profile', { token: alice.token, body }), 400, 'invalid_request');
      assert.equal(error.fields?.[field], 'Unknown field.', JSON.stringify(error));
    }
    assert.deepEqual(await profileOf(alice.token), before);
  });

  it('rejects a required field emptied and wrong types', async () => {
    let error = assertError(await call(t.app, 'PATCH', '/partner/profile', { token: alice.token, body: { name: '   ' } }), 400, 'invalid_request');
    assert.equal(error.fields?.['name'], 'This field is required.');
    error = assertError(await call(t.app, 'PATCH', '/partner/profile', { token: alice.token, body: { name: 42, address: 'x' } }), 400, 'invalid_request');
    assert.ok(error.fields?.['name']);
    assert.ok(error.fields?.['address']);
    error = assertError(await call(t.app, 'PATCH', '/partner/profile', { token: alice.token, body: [] }), 400, 'invalid_request');
  });
});

describe('isolation between partners', () => {
  it('each token reads only its own profile', async () => {
    assert.equal((await profileOf(alice.token)).code, 'alice');
    assert.equal((await profileOf(bob.token)).code, 'bob');
  });

  it('an update with one partner’s token never touches another', async () => {
    const bobBefore = await profileOf(bob.token);
    const res = await call(t.app, 'PATCH', '/partner/profile', {
      token: alice.token,
      body: { name: 'Alice Again', address: { city: 'Paris' } },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(Profile.parse(res.json).code, 'alice');
    assert.deepEqual(await profileOf(bob.token), bobBefore);
  });

  it('there is no way to name another partner in a request', async () => {
    // Query strings and ids in the path are ignored or unknown, never honoured.
    const viaQuery = await call(t.app, 'GET', `/partner/profile?partnerId=${bob.id}&code=bob`, { token: alice.token });
    assert.equal(Profile.parse(viaQuery.json).code, 'alice');
    assertError(await call(t.app, 'GET', `/partner/profile/${bob.id}`, { token: alice.token }), 404, 'not_found');
  });
});
