// A retried call, and a concurrent duplicate, make exactly one effect and answer the same.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { canonicalJson, idempotent } from '../src/domain/idempotency.ts';
import { ADMIN_KEY, assertError, call, makeApp } from './helpers.ts';
import { admin, enrolled, moneyCounts, ok, program, usd } from './money-helpers.ts';

const t = makeApp();
let shop: number;
let partner: { id: number; code: string };

before(async () => {
  shop = program(t, [{ type: 'percent_of_sale', basisPoints: 1000 }], { holdDays: 0 });
  partner = await enrolled(t, [shop]);
});

const sale = (orderId: string) => ({ programId: shop, orderId, amount: usd(5000), attribution: { partnerCode: partner.code } });
const count = (sql: string) => (t.db.prepare(sql).get() as { n: number }).n;

describe('Idempotency-Key', () => {
  it('is required on every conversion and payout route, 1 to 200 characters', async () => {
    for (const path of ['coupons', 'leads', 'sales', 'refunds', 'payouts', 'adjustments']) {
      const missing = await call(t.app, 'POST', `/admin/${path}`, { token: ADMIN_KEY, body: {} });
      const err = assertError(missing, 400, 'invalid_request');
      assert.ok(err.fields?.['Idempotency-Key'], path);
    }
    assertError(await admin(t, 'sales', sale('K-long'), 'k'.repeat(201)), 400, 'invalid_request');
    assert.equal((await admin(t, 'sales', sale('K-200'), 'k'.repeat(200))).status, 201);
  });

  it('a retry answers the same status and body and changes nothing', async () => {
    const first = await admin(t, 'sales', sale('K-1'), 'retry-1');
    assert.equal(first.status, 201);
    const counts = moneyCounts(t);
    t.clock.advance(60_000);
    // Same body with keys in another order is the same request.
    const body = sale('K-1');
    const reordered = { attribution: body.attribution, amount: body.amount, orderId: body.orderId, programId: body.programId };
    const again = await admin(t, 'sales', reordered, 'retry-1');
    assert.equal(again.status, 201);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(first.headers.get('Idempotent-Replayed'), null);
    assert.deepEqual(moneyCounts(t), counts);
  });

  it('the same key with a different body is a 409 and changes nothing', async () => {
    await ok(t, 'payouts', { partnerCode: partner.code, amount: usd(100) }, 'payout-1');
    const counts = moneyCounts(t);
    assertError(await admin(t, 'payouts', { partnerCode: partner.code, amount: usd(101) }, 'payout-1'), 409, 'conflict');
    assert.deepEqual(moneyCounts(t), counts);
  });

  it('keys are per route: the same key on another route is a new call', async () => {
    await ok(t, 'adjustments', { partnerCode: partner.code, amount: usd(5), reason: 'scoped' }, 'shared-key');
    await ok(t, 'coupons', { code: 'SCOPED1', partnerCode: partner.code }, 'shared-key');
  });

  it('concurrent duplicates make exactly one effect and all answer the same', async () => {
    const before = count('SELECT count(*) AS n FROM ledger_entries');
    const answers = await Promise.all(Array.from({ length: 8 }, () => admin(t, 'sales', sale('K-race'), 'race-1')));
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
    assert.equal(new Set(answers.map((a) => a.text)).size, 1);
    assert.equal(count("SELECT count(*) AS n FROM sales WHERE order_id = 'K-race'"), 1);
    assert.equal(count('SELECT count(*) AS n FROM ledger_entries'), before + 1);

    const payouts = await Promise.all(Array.from({ length: 5 }, () => admin(t, 'payouts', { partnerCode: partner.code, amount: usd(50) }, 'race-payout')));
    assert.equal(new Set(payouts.map((a) => a.text)).size, 1);
    assert.equal(count("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'race-payout'"), 1);
  });

  it('a refused call stores nothing, so a retry after the cause is fixed succeeds', async () => {
    const body = { partnerCode: partner.code, amount: usd(1_000_000) };
    assertError(await admin(t, 'payouts', body, 'too-much'), 422, 'unprocessable');
    assert.equal(count("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'too-much'"), 0);
    await ok(t, 'adjustments', { partnerCode: partner.code, amount: usd(1_000_000), reason: 'top up' });
    await ok(t, 'payouts', body, 'too-much');
  });

  it('two connections (two processes) with the same key: one effect, the other replays', () => {
    // A second connection to the same file stands for a second server process.
    const other = new Database(t.db.name);
    other.pragma('busy_timeout = 5000');
    try {
      let effects = 0;
      const effect = () => {
        effects += 1;
        return { status: 201, body: { n: effects } };
      };
      const a = idempotent(t.db, 'test', 'cross', { x: 1 }, 1, effect);
      const b = idempotent(other, 'test', 'cross', { x: 1 }, 2, effect);
      assert.equal(effects, 1);
      assert.deepEqual(b, { status: 201, body: { n: 1 }, replayed: true });
      assert.equal(a.replayed, false);
    } finally {
      other.close();
    }
  });

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } }), '{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});
