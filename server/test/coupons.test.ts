import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CouponList } from '@rp/contract';
import { ADMIN_KEY, addAdminUser, addPartner, adminSessionFor, assertError, call, makeApp, sessionFor } from './helpers.ts';
import { ok } from './money-helpers.ts';

const t = makeApp();
let alice: { id: number; code: string };
let bob: { id: number; code: string };

before(async () => {
  alice = await addPartner(t, { code: 'alice' });
  bob = await addPartner(t, { code: 'bob' });
  await ok(t, 'coupons', { code: 'ALICE10', partnerCode: alice.code });
  t.clock.advance(60_000);
  await ok(t, 'coupons', { code: 'BOB-SPRING', partnerCode: bob.code });
  t.clock.advance(60_000);
  await ok(t, 'coupons', { code: 'alice_summer', partnerCode: alice.code });
});

const list = (query: string, token: string | undefined = ADMIN_KEY) => call(t.app, 'GET', `/admin/coupons${query}`, { token });
const listAs = (token: string | undefined) => call(t.app, 'GET', '/admin/coupons?partnerCode=alice', { token });

describe('GET /api/admin/coupons', () => {
  it("lists only that partner's codes, oldest first", async () => {
    const res = await list('?partnerCode=alice');
    assert.equal(res.status, 200, res.text);
    const { coupons } = CouponList.parse(res.json);
    assert.deepEqual(
      coupons.map((c) => [c.code, c.partnerCode]),
      [
        ['ALICE10', 'alice'],
        ['alice_summer', 'alice'],
      ],
    );
    assert.ok(Date.parse(coupons[0]!.createdAt) < Date.parse(coupons[1]!.createdAt));
    assert.deepEqual(CouponList.parse((await list('?partnerCode=bob')).json).coupons.map((c) => c.code), ['BOB-SPRING']);
  });

  it('answers an empty list for a partner without codes', async () => {
    const carol = await addPartner(t, { code: 'carol' });
    assert.deepEqual(CouponList.parse((await list(`?partnerCode=${carol.code}`)).json), { coupons: [] });
  });

  it('answers 404 for an unknown partner, and 400 without or with a malformed partner code', async () => {
    assertError(await list('?partnerCode=nobody'), 404, 'not_found');
    assertError(await list(''), 400, 'invalid_request');
    assertError(await list('?partnerCode=no%20spaces'), 400, 'invalid_request');
  });

  it("takes an admin session too, and refuses no credentials, a wrong key and partners' tokens", async () => {
    const user = await addAdminUser(t);
    assert.equal((await listAs(adminSessionFor(t, user.id))).status, 200);
    for (const token of [undefined, 'wrong-key', sessionFor(t, alice.id)]) {
      assertError(await listAs(token), 401, 'unauthorized');
    }
  });
});
