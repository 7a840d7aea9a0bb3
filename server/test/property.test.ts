// Property: after any sequence of sales, refunds, payouts, adjustments and time passing, every
// partner's stored balance equals the sum of their entries, no payout exceeded the available
// balance at its time, and no entry ever changed after it was written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Balance } from '@rp/contract';
import { partnerBalance } from '../src/domain/reports.ts';
import { call, makeApp, sessionFor } from './helpers.ts';
import { admin, assertBalancesConsistent, DAY, enrolled, program, usd } from './money-helpers.ts';
import { prng } from '../src/seed/prng.ts';

const t = makeApp();
// Durability is not what this test is about; skipping fsync makes thousands of calls affordable.
t.db.pragma('synchronous = OFF');
const SEQUENCES = Number(process.env['RP_PROPERTY_SEQUENCES'] ?? 200);
const STEPS = 25;

const availableNow = (partnerId: number) =>
  (t.db.prepare('SELECT coalesce(sum(amount), 0) AS n FROM ledger_entries WHERE partner_id = ? AND available_at <= ?').get(partnerId, t.clock.now()) as { n: number }).n;

describe('money invariants over random sequences', () => {
  it(`hold for ${SEQUENCES} seeded sequences of ${STEPS} operations`, async () => {
    const seen = new Map<number, string>(); // entry id → the row as first read
    const stats = { sales: 0, refunds: 0, refused: 0, payouts: 0, payoutsRefused: 0, adjustments: 0 };
    for (let seed = 1; seed <= SEQUENCES; seed += 1) {
      const r = prng(seed);
      const rules = r.pick([
        [{ type: 'percent_of_sale' as const, basisPoints: r.int(1, 10000) }],
        [{ type: 'flat_per_sale' as const, amount: r.int(1, 5000) }],
        [{ type: 'percent_of_sale' as const, basisPoints: r.int(1, 3000) }, { type: 'flat_per_sale' as const, amount: r.int(0, 999) }],
      ]);
      const p = program(t, rules, { holdDays: r.int(0, 20) });
      const partners = await Promise.all([0, 1, 2].map(() => enrolled(t, [p])));
      const orders: string[] = [];
      for (let step = 0; step < STEPS; step += 1) {
        const who = r.pick(partners);
        const roll = r.next();
        const where = `seed ${seed} step ${step}`;
        if (roll < 0.35) {
          const orderId = `s${seed}-${step}`;
          const res = await admin(t, 'sales', { programId: p, orderId, amount: usd(r.int(1, 200_000)), attribution: { partnerCode: who.code } });
          assert.equal(res.status, 201, `${where}: ${res.text}`);
          orders.push(orderId);
          stats.sales += 1;
        } else if (roll < 0.55 && orders.length > 0) {
          const orderId = r.pick(orders);
          const sale = t.db.prepare('SELECT amount - refunded_amount AS left FROM sales WHERE order_id = ?').get(orderId) as { left: number };
          const amount = r.int(1, Math.max(1, Math.ceil(sale.left * 1.2)));
          const res = await admin(t, 'refunds', { orderId, amount: usd(amount) });
          if (amount <= sale.left) {
            assert.equal(res.status, 201, `${where}: ${res.text}`);
            stats.refunds += 1;
          } else {
            assert.equal(res.status, 422, `${where}: over-refund of ${amount} > ${sale.left} accepted`);
            stats.refused += 1;
          }
        } else if (roll < 0.75) {
          const available = availableNow(who.id);
          const amount = r.int(1, Math.max(1, Math.ceil(Math.max(available, 100) * 1.3)));
          const before = t.db.prepare('SELECT count(*) AS n FROM ledger_entries').get();
          const res = await admin(t, 'payouts', { partnerCode: who.code, amount: usd(amount) });
          if (amount <= available) {
            assert.equal(res.status, 201, `${where}: ${res.text}`);
            assert.equal(availableNow(who.id), available - amount, where);
            stats.payouts += 1;
          } else {
            assert.equal(res.status, 422, `${where}: payout of ${amount} above available ${available} accepted`);
            assert.deepEqual(t.db.prepare('SELECT count(*) AS n FROM ledger_entries').get(), before, where);
            stats.payoutsRefused += 1;
          }
        } else if (roll < 0.85) {
          const res = await admin(t, 'adjustments', { partnerCode: who.code, amount: usd(r.pick([-1, 1]) * r.int(1, 5000)), reason: 'random' });
          assert.equal(res.status, 201, `${where}: ${res.text}`);
          stats.adjustments += 1;
        } else {
          t.clock.advance(r.int(1, 10) * DAY);
        }

        assertBalancesConsistent(t, partners.map((x) => x.id));
        for (const partner of partners) {
          const b = partnerBalance(t.db, partner.id, t.clock.now());
          assert.equal(b.available.amount + b.pending.amount, b.total.amount, where);
          assert.equal(b.available.amount, availableNow(partner.id), where);
        }
      }
      // And the same through the API, once per sequence.
      for (const partner of partners) {
        const b = Balance.parse((await call(t.app, 'GET', '/partner/balance', { token: sessionFor(t, partner.id) })).json);
        assert.deepEqual(b, partnerBalance(t.db, partner.id, t.clock.now()));
      }
      // Entries are never changed: every row read before reads the same now (all rows every 20 sequences).
      const rows = (seed % 20 === 0 || seed === SEQUENCES ? t.db.prepare('SELECT * FROM ledger_entries ORDER BY id').all() : []) as Array<{ id: number }>;
      for (const row of rows) {
        const text = JSON.stringify(row);
        const earlier = seen.get(row.id);
        if (earlier === undefined) seen.set(row.id, text);
        else assert.equal(text, earlier, `entry ${row.id} changed (seed ${seed})`);
      }
      // Running balances chain: each entry's balance_after = the previous one's + its amount.
      const chain = t.db
        .prepare(
          `SELECT count(*) AS n FROM ledger_entries e WHERE e.balance_after <> e.amount + coalesce(
             (SELECT p.balance_after FROM ledger_entries p WHERE p.partner_id = e.partner_id AND p.currency = e.currency AND p.id < e.id ORDER BY p.id DESC LIMIT 1), 0)`,
        )
        .get() as { n: number };
      assert.equal(chain.n, 0, `running balance broken (seed ${seed})`);
    }
    assertBalancesConsistent(t);
    // The generator must exercise every branch, or the property proves little.
    for (const [name, n] of Object.entries(stats)) assert.ok(n > 0, `no ${name} in the run`);
  });
});
