// The demo's year of history: written by the domain functions, consistent, idempotent.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Balance, LedgerPage, Summary } from '@rp/contract';
import { seedDemo } from '../src/seed/demo.ts';
import { seedHistory } from '../src/seed/history.ts';
import { call, makeApp, sessionFor } from './helpers.ts';
import { assertBalancesConsistent, moneyCounts } from './money-helpers.ts';

const t = makeApp();
let demoId: number;

before(async () => {
  assert.equal(await seedDemo(t.db, { ...t.config, publicUrl: 'http://localhost:8787' }, t.clock.now()), true);
  demoId = (t.db.prepare("SELECT id FROM partners WHERE code = 'demo'").get() as { id: number }).id;
});

describe('demo history', () => {
  it('gives the demo partner an available balance, a pending balance and a rich ledger', async () => {
    const token = sessionFor(t, demoId);
    const balance = Balance.parse((await call(t.app, 'GET', '/partner/balance', { token })).json);
    assert.ok(balance.available.amount > 0, JSON.stringify(balance));
    assert.ok(balance.pending.amount > 0, JSON.stringify(balance));
    const ledger = LedgerPage.parse((await call(t.app, 'GET', '/partner/ledger?limit=200', { token })).json);
    assert.equal(ledger.entries.length, 200);
    const types = new Set(
      (t.db.prepare('SELECT DISTINCT type FROM ledger_entries WHERE partner_id = ?').all(demoId) as Array<{ type: string }>).map((r) => r.type),
    );
    assert.deepEqual([...types].sort(), ['adjusted', 'earned', 'paid_out', 'reversed']);
    const summary = Summary.parse((await call(t.app, 'GET', '/partner/summary', { token })).json);
    assert.ok(summary.funnel.clicks > summary.funnel.leads && summary.funnel.leads > 0 && summary.funnel.sales > 0, JSON.stringify(summary.funnel));
    assert.ok(summary.earnedThisMonth.amount > 0 || new Date(t.clock.now()).getUTCDate() < 3);
  });

  it('is consistent: balances equal their entries, nothing lies in the future, payouts never overdrew', () => {
    assertBalancesConsistent(t);
    const future = t.db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE created_at > ?').get(t.clock.now()) as { n: number };
    assert.equal(future.n, 0);
    // Replay each partner's entries in order: at every payout the available balance covered it.
    const entries = t.db.prepare('SELECT partner_id, type, amount, available_at, created_at FROM ledger_entries ORDER BY id').all() as Array<{
      partner_id: number;
      type: string;
      amount: number;
      available_at: number;
      created_at: number;
    }>;
    for (const [i, e] of entries.entries()) {
      if (e.type !== 'paid_out') continue;
      const available = entries
        .slice(0, i)
        .filter((x) => x.partner_id === e.partner_id && x.available_at <= e.created_at)
        .reduce((sum, x) => sum + x.amount, 0);
      assert.ok(-e.amount <= available, `payout of ${-e.amount} with ${available} available`);
    }
  });

  it('runs once: a second seed changes nothing', async () => {
    const counts = moneyCounts(t);
    const clicks = t.db.prepare('SELECT count(*) AS n FROM clicks').get();
    assert.equal(seedHistory(t.db, t.clock.now()), false);
    assert.equal(await seedDemo(t.db, { ...t.config, publicUrl: 'http://localhost:8787' }, t.clock.now()), false);
    assert.deepEqual(moneyCounts(t), counts);
    assert.deepEqual(t.db.prepare('SELECT count(*) AS n FROM clicks').get(), clicks);
  });
});
