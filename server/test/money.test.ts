// Conversions and money through the real app: attribution, commissions, hold period, refunds,
// payouts, adjustments, and refusals that write nothing.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Balance, LeadResult, LedgerPage, PayoutResult, RefundResult, SaleResult } from '@rp/contract';
import { addMonths } from '../src/domain/commissions.ts';
import { assertError, call, makeApp, sessionFor } from './helpers.ts';
import { admin, assertBalancesConsistent, click, DAY, enrolled, moneyCounts, ok, program, usd } from './money-helpers.ts';

const t = makeApp();
let shop: number; // 10 % of sale, 14-day hold, 30-day window
let leads: number; // 15.00 per lead, 25.00 per sale, no hold
let subs: number; // 12.5 % recurring for 12 months
let alice: { id: number; code: string };
let bob: { id: number; code: string };
let outsider: { id: number; code: string };

before(async () => {
  shop = program(t, [{ type: 'percent_of_sale', basisPoints: 1000 }], { holdDays: 14, windowDays: 30 });
  leads = program(t, [{ type: 'flat_per_lead', amount: 1500 }, { type: 'flat_per_sale', amount: 2500 }], { holdDays: 0 });
  subs = program(t, [{ type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12 }], { holdDays: 0 });
  alice = await enrolled(t, [shop, leads, subs]);
  bob = await enrolled(t, [shop, leads, subs]);
  outsider = await enrolled(t, []);
});

const balance = async (partnerId: number) => Balance.parse((await call(t.app, 'GET', '/partner/balance', { token: sessionFor(t, partnerId) })).json);

describe('attribution', () => {
  it('by click within the window credits the click’s partner, pending for the hold period', async () => {
    const clickId = click(t, alice.id, 29 * DAY);
    const sale = SaleResult.parse(await ok(t, 'sales', { programId: shop, orderId: 'A-1', amount: usd(12345), attribution: { clickId } }));
    assert.equal(sale.partnerCode, alice.code);
    assert.equal(sale.attributedBy, 'click');
    assert.deepEqual(sale.commission, usd(1235)); // 10 % of 123.45 = 12.345 → 12.35
    assert.deepEqual(await balance(alice.id), { available: usd(0), pending: usd(1235), total: usd(1235) });
    const row = t.db.prepare('SELECT click_id FROM sales WHERE order_id = ?').get('A-1') as { click_id: number };
    assert.ok(row.click_id > 0);
  });

  it('flushes buffered clicks before looking one up', async () => {
    let flushed = 0;
    const original = t.clicks.flush.bind(t.clicks);
    t.clicks.flush = () => {
      flushed += 1;
      return original();
    };
    try {
      await ok(t, 'sales', { programId: shop, orderId: 'A-flush', amount: usd(100), attribution: { clickId: click(t, alice.id) } });
    } finally {
      t.clicks.flush = original;
    }
    assert.equal(flushed, 1);
  });

  it('refuses a click outside the window, an unknown click, and a click after the sale — writing nothing', async () => {
    const old = click(t, alice.id, 31 * DAY);
    const counts = moneyCounts(t);
    let err = assertError(await admin(t, 'sales', { programId: shop, orderId: 'A-old', amount: usd(1000), attribution: { clickId: old } }), 422, 'unprocessable');
    assert.match(err.message, /30-day attribution window/);
    err = assertError(await admin(t, 'sales', { programId: shop, orderId: 'A-none', amount: usd(1000), attribution: { clickId: 'nope' } }), 422, 'unprocessable');
    assert.match(err.message, /no click has the id "nope"/);
    const fresh = click(t, alice.id);
    err = assertError(
      await admin(t, 'sales', {
        programId: shop,
        orderId: 'A-early',
        amount: usd(1000),
        attribution: { clickId: fresh },
        occurredAt: new Date(t.clock.now() - DAY).toISOString(),
      }),
      422,
      'unprocessable',
    );
    assert.match(err.message, /after the conversion/);
    assert.deepEqual(moneyCounts(t), counts);
  });

  it('falls through to the next method in order when the click does not qualify', async () => {
    const sale = SaleResult.parse(
      await ok(t, 'sales', { programId: shop, orderId: 'A-fall', amount: usd(1000), attribution: { clickId: click(t, alice.id, 40 * DAY), partnerCode: bob.code } }),
    );
    assert.equal(sale.partnerCode, bob.code);
    assert.equal(sale.attributedBy, 'partner_code');
  });

  it('refuses partners not enrolled in the program, or not active', async () => {
    const counts = moneyCounts(t);
    const err = assertError(await admin(t, 'sales', { programId: shop, orderId: 'X-1', amount: usd(1000), attribution: { partnerCode: outsider.code } }), 422, 'unprocessable');
    assert.match(err.message, /not enrolled/);
    assertError(await admin(t, 'sales', { programId: shop, orderId: 'X-2', amount: usd(1000), attribution: { clickId: click(t, outsider.id) } }), 422, 'unprocessable');
    const suspended = await enrolled(t, [shop], { status: 'suspended' });
    assert.match(
      assertError(await admin(t, 'sales', { programId: shop, orderId: 'X-3', amount: usd(1000), attribution: { partnerCode: suspended.code } }), 422, 'unprocessable').message,
      /not active/,
    );
    assertError(await admin(t, 'sales', { programId: 9999, orderId: 'X-4', amount: usd(1000), attribution: { partnerCode: alice.code } }), 422, 'unprocessable');
    assert.deepEqual(moneyCounts(t), counts);
  });

  it('by coupon code (case-insensitive) and by lead; a sale naming a lead converts it', async () => {
    await ok(t, 'coupons', { code: 'BOB10', partnerCode: bob.code });
    assertError(await admin(t, 'coupons', { code: 'bob10', partnerCode: alice.code }), 409, 'conflict');
    const byCoupon = SaleResult.parse(await ok(t, 'sales', { programId: leads, orderId: 'C-1', amount: usd(5000), attribution: { couponCode: 'bob10' } }));
    assert.equal(byCoupon.partnerCode, bob.code);
    assert.equal(byCoupon.attributedBy, 'coupon');
    assert.deepEqual(byCoupon.commission, usd(2500));

    const lead = LeadResult.parse(
      await ok(t, 'leads', { programId: leads, leadId: 'L-1', email: 'dana@example.com', name: 'Dana Doe', attribution: { clickId: click(t, alice.id, DAY) } }),
    );
    assert.equal(lead.attributedBy, 'click');
    assert.deepEqual(lead.commission, usd(1500));
    assertError(await admin(t, 'leads', { programId: leads, leadId: 'L-1', attribution: { partnerCode: alice.code } }), 409, 'conflict');

    const byLead = SaleResult.parse(await ok(t, 'sales', { programId: leads, orderId: 'L-sale', amount: usd(9900), attribution: { leadId: 'L-1' } }));
    assert.equal(byLead.partnerCode, alice.code);
    assert.equal(byLead.attributedBy, 'lead');
    const row = t.db.prepare("SELECT converted_at FROM leads WHERE external_id = 'L-1'").get() as { converted_at: number | null };
    assert.equal(row.converted_at, t.clock.now());
    const leadInOtherProgram = await admin(t, 'sales', { programId: shop, orderId: 'L-x', amount: usd(100), attribution: { leadId: 'L-1' } });
    assertError(leadInOtherProgram, 422, 'unprocessable');
  });

  it('by subscription: renewals go to the first sale’s partner, whatever else is given', async () => {
    const first = SaleResult.parse(
      await ok(t, 'sales', { programId: subs, orderId: 'S-1', amount: usd(4000), subscriptionId: 'sub_1', attribution: { partnerCode: alice.code } }),
    );
    assert.deepEqual(first.commission, usd(500));
    t.clock.advance(31 * DAY);
    const renewal = SaleResult.parse(await ok(t, 'sales', { programId: subs, orderId: 'S-2', amount: usd(4000), subscriptionId: 'sub_1' }));
    assert.equal(renewal.partnerCode, alice.code);
    assert.equal(renewal.attributedBy, 'subscription');
    assert.deepEqual(renewal.commission, usd(500));
    const claimed = SaleResult.parse(
      await ok(t, 'sales', { programId: subs, orderId: 'S-3', amount: usd(4000), subscriptionId: 'sub_1', attribution: { partnerCode: bob.code } }),
    );
    assert.equal(claimed.partnerCode, alice.code);
    assertError(await admin(t, 'sales', { programId: subs, orderId: 'S-x', amount: usd(4000), subscriptionId: 'sub_unknown' }), 422, 'unprocessable');
  });
});

describe('recurring commission through the API', () => {
  it('earns for 12 months after the first sale, then nothing', async () => {
    const p = program(t, [{ type: 'percent_of_sale', basisPoints: 1000, recurringMonths: 12 }, { type: 'flat_per_sale', amount: 200 }]);
    const partner = await enrolled(t, [p]);
    const start = t.clock.now();
    const first = SaleResult.parse(await ok(t, 'sales', { programId: p, orderId: 'R-0', amount: usd(3000), subscriptionId: 'r', attribution: { partnerCode: partner.code } }));
    assert.deepEqual(first.commission, usd(300 + 200));
    const at = (months: number) => new Date(addMonths(start, months)).toISOString();
    t.clock.advance(366 * DAY);
    const within = SaleResult.parse(await ok(t, 'sales', { programId: p, orderId: 'R-11', amount: usd(3000), subscriptionId: 'r', occurredAt: at(11) }));
    assert.deepEqual(within.commission, usd(300));
    const after = SaleResult.parse(await ok(t, 'sales', { programId: p, orderId: 'R-12', amount: usd(3000), subscriptionId: 'r' }));
    assert.deepEqual(after.commission, usd(0));
    const entries = t.db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE partner_id = ?').get(partner.id) as { n: number };
    assert.equal(entries.n, 2, 'a sale that earns nothing writes no ledger entry');
  });
});

describe('hold period', () => {
  it('a commission is pending until sale time + hold days, then available', async () => {
    const p = program(t, [{ type: 'flat_per_sale', amount: 1000 }], { holdDays: 10 });
    const partner = await enrolled(t, [p]);
    await ok(t, 'sales', { programId: p, orderId: 'H-1', amount: usd(5000), attribution: { partnerCode: partner.code } });
    assert.deepEqual(await balance(partner.id), { available: usd(0), pending: usd(1000), total: usd(1000) });
    t.clock.advance(10 * DAY - 1);
    assert.deepEqual((await balance(partner.id)).pending, usd(1000));
    assertError(await admin(t, 'payouts', { partnerCode: partner.code, amount: usd(1) }), 422, 'unprocessable');
    t.clock.advance(1);
    assert.deepEqual(await balance(partner.id), { available: usd(1000), pending: usd(0), total: usd(1000) });
    const rows = await call(t.app, 'GET', '/partner/reports/commissions', { token: sessionFor(t, partner.id) });
    assert.equal((rows.json as any).rows[0].status, 'available');
  });

  it('a sale reported late (occurredAt in the past) counts the hold from when it happened', async () => {
    const p = program(t, [{ type: 'flat_per_sale', amount: 1000 }], { holdDays: 10 });
    const partner = await enrolled(t, [p]);
    await ok(t, 'sales', { programId: p, orderId: 'H-late', amount: usd(5000), attribution: { partnerCode: partner.code }, occurredAt: new Date(t.clock.now() - 11 * DAY).toISOString() });
    assert.deepEqual((await balance(partner.id)).available, usd(1000));
    assertError(
      await admin(t, 'sales', { programId: p, orderId: 'H-future', amount: usd(5000), attribution: { partnerCode: partner.code }, occurredAt: new Date(t.clock.now() + DAY).toISOString() }),
      422,
      'unprocessable',
    );
  });
});

describe('refunds', () => {
  it('partial refunds reverse proportionally and cumulatively; the last reverses exactly the rest', async () => {
    const p = program(t, [{ type: 'percent_of_sale', basisPoints: 1250 }], { holdDays: 0 });
    const partner = await enrolled(t, [p]);
    await ok(t, 'sales', { programId: p, orderId: 'F-1', amount: usd(10000), attribution: { partnerCode: partner.code } });
    const r1 = RefundResult.parse(await ok(t, 'refunds', { orderId: 'F-1', amount: usd(3333) }));
    assert.deepEqual(r1.reversed, usd(417));
    const r2 = RefundResult.parse(await ok(t, 'refunds', { orderId: 'F-1', amount: usd(3333) }));
    assert.deepEqual(r2.reversed, usd(416));
    const counts = moneyCounts(t);
    const over = assertError(await admin(t, 'refunds', { orderId: 'F-1', amount: usd(3335) }), 422, 'unprocessable');
    assert.match(over.message, /more than is left to refund on the order, 33.34 USD/);
    assert.deepEqual(moneyCounts(t), counts);
    const r3 = RefundResult.parse(await ok(t, 'refunds', { orderId: 'F-1', amount: usd(3334), reason: 'returned' }));
    assert.deepEqual(r3.reversed, usd(417));
    assert.deepEqual((await balance(partner.id)).total, usd(0));
    assertError(await admin(t, 'refunds', { orderId: 'F-1', amount: usd(1) }), 422, 'unprocessable');
    const sale = (await call(t.app, 'GET', '/partner/reports/sales', { token: sessionFor(t, partner.id) })).json as any;
    assert.deepEqual(sale.rows[0].refunded, usd(10000));
    assert.equal(sale.rows[0].status, 'reversed');
    assertBalancesConsistent(t);
  });

  it('a full refund during the hold takes the commission back from pending, not from available', async () => {
    const p = program(t, [{ type: 'flat_per_sale', amount: 700 }], { holdDays: 30 });
    const partner = await enrolled(t, [p]);
    await ok(t, 'sales', { programId: p, orderId: 'F-2', amount: usd(2000), attribution: { partnerCode: partner.code } });
    const r = RefundResult.parse(await ok(t, 'refunds', { orderId: 'F-2', amount: usd(2000) }));
    assert.deepEqual(r.reversed, usd(700));
    assert.deepEqual(await balance(partner.id), { available: usd(0), pending: usd(0), total: usd(0) });
  });

  it('refuses an unknown order and a foreign currency', async () => {
    assertError(await admin(t, 'refunds', { orderId: 'nope', amount: usd(1) }), 422, 'unprocessable');
    assertError(await admin(t, 'refunds', { orderId: 'A-1', amount: { amount: 1, currency: 'EUR' } }), 422, 'unprocessable');
  });
});

describe('payouts and adjustments', () => {
  it('never pays more than the available balance; a refused payout writes nothing', async () => {
    const p = program(t, [{ type: 'flat_per_sale', amount: 1000 }], { holdDays: 5 });
    const partner = await enrolled(t, [p]);
    await ok(t, 'sales', { programId: p, orderId: 'P-1', amount: usd(5000), attribution: { partnerCode: partner.code } });
    t.clock.advance(5 * DAY);
    await ok(t, 'sales', { programId: p, orderId: 'P-2', amount: usd(5000), attribution: { partnerCode: partner.code } }); // pending
    const counts = moneyCounts(t);
    const err = assertError(await admin(t, 'payouts', { partnerCode: partner.code, amount: usd(1001) }), 422, 'unprocessable');
    assert.match(err.message, /only 10.00 USD is available/);
    assert.deepEqual(moneyCounts(t), counts);

    const payout = PayoutResult.parse(await ok(t, 'payouts', { partnerCode: partner.code, amount: usd(600), method: 'bank', reference: 'PO-1' }));
    assert.deepEqual(payout.availableAfter, usd(400));
    const paid = t.db.prepare('SELECT paid_amount FROM commissions WHERE partner_id = ? ORDER BY id').all(partner.id);
    assert.deepEqual(paid, [{ paid_amount: 600 }, { paid_amount: 0 }]);
    await ok(t, 'payouts', { partnerCode: partner.code, amount: usd(400) });
    const statuses = ((await call(t.app, 'GET', '/partner/reports/commissions', { token: sessionFor(t, partner.id) })).json as any).rows.map((r: any) => r.status);
    assert.deepEqual(statuses, ['pending', 'paid']);
    assert.deepEqual(await balance(partner.id), { available: usd(0), pending: usd(1000), total: usd(1000) });
    assertError(await admin(t, 'payouts', { partnerCode: partner.code, amount: usd(1) }), 422, 'unprocessable');
    assertError(await admin(t, 'payouts', { partnerCode: partner.code, amount: { amount: 1, currency: 'EUR' } }), 422, 'unprocessable');
    assertError(await admin(t, 'payouts', { partnerCode: 'nobody-here', amount: usd(1) }), 422, 'unprocessable');
  });

  it('adjustments move the available balance at once, either way', async () => {
    const partner = await enrolled(t, [shop]);
    await ok(t, 'adjustments', { partnerCode: partner.code, amount: usd(2500), reason: 'Launch bonus' });
    await ok(t, 'adjustments', { partnerCode: partner.code, amount: usd(-500), reason: 'Correction' });
    assert.deepEqual(await balance(partner.id), { available: usd(2000), pending: usd(0), total: usd(2000) });
    const ledger = LedgerPage.parse((await call(t.app, 'GET', '/partner/ledger', { token: sessionFor(t, partner.id) })).json);
    assert.deepEqual(
      ledger.entries.map((e) => [e.type, e.amount.amount, e.balance.amount, e.cause.kind, e.cause.reference]),
      [
        ['adjusted', -500, 2000, 'adjustment', 'Correction'],
        ['adjusted', 2500, 2500, 'adjustment', 'Launch bonus'],
      ],
    );
    assertError(await admin(t, 'adjustments', { partnerCode: partner.code, amount: usd(0), reason: 'x' }), 400, 'invalid_request');
    assertError(await admin(t, 'adjustments', { partnerCode: partner.code, amount: { amount: 5, currency: 'EUR' }, reason: 'x' }), 422, 'unprocessable');
  });
});

describe('bad input', () => {
  it('answers 400 with field errors and writes nothing', async () => {
    const counts = moneyCounts(t);
    const cases: Array<[string, unknown, string]> = [
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(0), attribution: { partnerCode: alice.code } }, 'amount.amount'],
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(1.5), attribution: { partnerCode: alice.code } }, 'amount.amount'],
      ['sales', { programId: shop, orderId: 'B-1', amount: { amount: 100, currency: 'usd' }, attribution: { partnerCode: alice.code } }, 'amount.currency'],
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(100) }, 'attribution'],
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(100), attribution: {} }, 'attribution'],
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(100), items: [{ sku: 'A', amount: 99 }], attribution: { partnerCode: alice.code } }, 'items'],
      ['sales', { programId: shop, orderId: 'B-1', amount: usd(100_000_000_001), attribution: { partnerCode: alice.code } }, 'amount.amount'],
      ['refunds', { orderId: 'A-1', amount: usd(-1) }, 'amount.amount'],
      ['payouts', { partnerCode: alice.code, amount: usd(100), extra: true }, 'extra'],
      ['leads', { programId: leads, leadId: '', attribution: { partnerCode: alice.code } }, 'leadId'],
      ['coupons', { code: 'no spaces', partnerCode: alice.code }, 'code'],
    ];
    for (const [path, body, field] of cases) {
      const err = assertError(await admin(t, path, body), 400, 'invalid_request');
      assert.ok(err.fields?.[field], `${path} ${JSON.stringify(body)}: ${JSON.stringify(err)}`);
    }
    assertError(await call(t.app, 'POST', '/admin/sales', { token: 'wrong-key', body: {}, headers: { 'Idempotency-Key': 'k' } }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/admin/sales', { token: 'test-admin-key-0123456789', rawBody: '{', headers: { 'Idempotency-Key': 'k', 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    assert.deepEqual(moneyCounts(t), counts);
  });
});

describe('the ledger is append-only', () => {
  it('refuses updates and deletes of entries', () => {
    assert.throws(() => t.db.prepare('UPDATE ledger_entries SET amount = amount + 1').run(), /append-only/);
    assert.throws(() => t.db.prepare('DELETE FROM ledger_entries').run(), /append-only/);
    assertBalancesConsistent(t);
  });
});
