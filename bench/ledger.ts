// Report latency on a large ledger: 1M entries among 901 partners, one of them holding 100k.
// The figures are times of GET /api/partner/ledger through the real app's `app.request()`
// (session check, zod query parsing, the queries, JSON) — and, beside it, the domain function
// alone — for the first page and for the pages a partner reaches next.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrate, openDatabase, type Db } from '../server/src/db/database.ts';
import { ClickRecorder } from '../server/src/domain/clicks.ts';
import { ledgerPage } from '../server/src/domain/reports.ts';
import { createSession } from '../server/src/domain/sessions.ts';
import type { Bench, BenchResult } from './types.ts';

const TOTAL = 1_000_000;
const BIG = 100_000;
const OTHERS = 900;
const RUNS = 500;
const WARMUP = 50;
const BUDGET_MS = 5;
const DAY = 86_400_000;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bulk-generate the ledger straight into the tables (one transaction, no fsync): the big
 * partner's entries have real causes (sales with commissions, refunds, payouts, adjustments) so
 * the page's joins do their real work; the other partners' entries are adjustments.
 */
function generate(db: Db, now: number): { bigId: number; seconds: number } {
  const started = performance.now();
  db.pragma('synchronous = OFF');
  const random = prng(7);
  // Indexes are dropped for the bulk insert and built once after it: the same indexes, far sooner.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('ledger_entries', 'sales', 'commissions', 'refunds', 'payouts', 'adjustments')")
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  db.transaction(() => {
    const partner = db.prepare(
      "INSERT INTO partners (code, password_hash, name, email, status, created_at, updated_at) VALUES (?, 'x', ?, ?, 'active', ?, ?)",
    );
    for (let i = 0; i <= OTHERS; i += 1) partner.run(i === 0 ? 'big' : `p${i}`, `Partner ${i}`, `p${i}@example.com`, now, now);
    db.prepare("INSERT INTO programs (id, name, currency, attribution_window_days, hold_days, created_at) VALUES (1, 'Shop', 'USD', 30, 30, ?)").run(now);
    const adjustment = db.prepare("INSERT INTO adjustments (partner_id, amount, currency, reason, created_at) VALUES (?, 100, 'USD', ?, ?)");
    for (let i = 1; i <= OTHERS + 1; i += 1) adjustment.run(i, 'Bulk', now);

    const sale = db.prepare(
      "INSERT INTO sales (order_id, program_id, partner_id, attributed_by, amount, currency, refunded_amount, occurred_at, created_at) VALUES (?, 1, 1, 'click', ?, 'USD', ?, ?, ?)",
    );
    const commission = db.prepare(
      "INSERT INTO commissions (partner_id, program_id, sale_id, amount, reversed_amount, currency, available_at, created_at) VALUES (1, 1, ?, ?, ?, 'USD', ?, ?)",
    );
    const refund = db.prepare("INSERT INTO refunds (sale_id, amount, currency, created_at) VALUES (?, ?, 'USD', ?)");
    const payout = db.prepare("INSERT INTO payouts (partner_id, amount, currency, reference, created_at) VALUES (1, ?, 'USD', ?, ?)");
    const entry = db.prepare(
      `INSERT INTO ledger_entries (partner_id, type, amount, currency, available_at, balance_after, commission_id, refund_id, payout_id, adjustment_id, description, created_at)
       VALUES (?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const totals = new Float64Array(OTHERS + 2);
    const start = now - 365 * DAY;
    let bigLeft = BIG;
    let lastCommission = 0;
    let lastSale = 0;
    for (let i = 0; i < TOTAL; i += 1) {
      const at = start + Math.floor((i / TOTAL) * 365 * DAY);
      // Spread the big partner's 100k evenly among the other 900k, so its rows are not adjacent.
      const big = bigLeft > 0 && random() < bigLeft / (TOTAL - i);
      if (!big) {
        const pid = 2 + Math.floor(random() * OTHERS);
        totals[pid]! += 100;
        entry.run(pid, 'adjusted', 100, at, totals[pid]!, null, null, null, pid, 'Adjustment: Bulk', at);
        continue;
      }
      bigLeft -= 1;
      const roll = random();
      if (roll < 0.9 || lastCommission === 0) {
        const amount = 1000 + Math.floor(random() * 20000);
        lastSale = Number(sale.run(`ORD-${i}`, amount, 0, at, at).lastInsertRowid);
        const earned = Math.floor((amount * 1000 + 5000) / 10000);
        lastCommission = Number(commission.run(lastSale, earned, 0, at + 30 * DAY, at).lastInsertRowid);
        totals[1]! += earned;
        entry.run(1, 'earned', earned, at + 30 * DAY, totals[1]!, lastCommission, null, null, null, `Commission on order ORD-${i}`, at);
      } else if (roll < 0.95) {
        const refundId = Number(refund.run(lastSale, 100, at).lastInsertRowid);
        totals[1]! -= 10;
        entry.run(1, 'reversed', -10, at, totals[1]!, lastCommission, refundId, null, null, 'Refund (partial)', at);
      } else if (roll < 0.99) {
        const payoutId = Number(payout.run(500, `PO-${i}`, at).lastInsertRowid);
        totals[1]! -= 500;
        entry.run(1, 'paid_out', -500, at, totals[1]!, null, null, payoutId, null, 'Payout', at);
      } else {
        totals[1]! += 50;
        entry.run(1, 'adjusted', 50, at, totals[1]!, null, null, null, 1, 'Adjustment: Bulk', at);
      }
    }
    const balance = db.prepare("INSERT INTO balances (partner_id, currency, total, updated_at) VALUES (?, 'USD', ?, ?)");
    for (let pid = 1; pid <= OTHERS + 1; pid += 1) if (totals[pid]) balance.run(pid, totals[pid]!, now);
  })();
  for (const index of indexes) db.exec(index.sql);
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
  return { bigId: 1, seconds: (performance.now() - started) / 1000 };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const ledgerBench: Bench = {
  id: 'ledger',
  title: 'Ledger report latency on 1M entries',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'rp-bench-ledger-'));
    const path = join(dir, 'ledger.sqlite');
    const db = openDatabase(path);
    const clicks = new ClickRecorder(db);
    try {
      migrate(db);
      const now = Date.now();
      const { bigId, seconds } = generate(db, now);
      const config = loadConfig({ RP_DATABASE: path, RP_ADMIN_KEY: 'bench-admin-key-0123456789' });
      const app = createApp({ db, config, now: () => now, clicks });
      const policy = { maxHours: config.sessionMaxHours, idleMinutes: config.sessionIdleMinutes };
      const token = createSession(db, bigId, policy, now).token;
      const headers = { Authorization: `Bearer ${token}` };
      const get = async (query: string) => {
        const res = await app.request(`/api/partner/ledger${query}`, { headers });
        if (res.status !== 200) throw new Error(`ledger${query}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { nextCursor: string | null; entries: unknown[] };
      };

      // A cursor 1,000 pages (50,000 entries) deep, walked once, to time a far page.
      let deepCursor: string | null = null;
      {
        let cursor: string | null = null;
        for (let page = 0; page < 1000; page += 1) {
          const body: { nextCursor: string | null } = await get(`?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
          cursor = body.nextCursor;
        }
        deepCursor = cursor;
      }
      const last30 = new Date(now - 29 * DAY).toISOString().slice(0, 10);

      const cases: Array<[string, () => unknown]> = [
        ['first page, 50 entries (app.request)', () => get('?limit=50')],
        ['first page, 50 entries (domain ledgerPage only)', () => ledgerPage(db, bigId, { limit: 50 }, now)],
        ['first page, 200 entries (app.request)', () => get('?limit=200')],
        ['page 1,001 via cursor (app.request)', () => get(`?limit=50&cursor=${deepCursor}`)],
        ['last 30 days, first page (app.request)', () => get(`?limit=50&from=${last30}`)],
        ['type=paid_out, first page (app.request)', () => get('?limit=50&type=paid_out')],
        ['GET /partner/balance (app.request)', async () => (await app.request('/api/partner/balance', { headers })).text()],
      ];
      const rows: Array<[string, number, number, number]> = [];
      for (const [name, fn] of cases) {
        const s = stats(await time(RUNS, fn));
        rows.push([name, s.median, s.p95, s.p99]);
      }
      const first = rows[0]!;
      const bigEntries = (db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE partner_id = ?').get(bigId) as { n: number }).n;
      const total = (db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
      const ms = (n: number) => Number(n.toFixed(3));
      return {
        id: 'ledger',
        title: `GET /api/partner/ledger for a partner with ${bigEntries.toLocaleString('en')} of ${total.toLocaleString('en')} entries`,
        method: `${RUNS} timed runs after ${WARMUP} warm-up, sequential, in-process app.request() on a real SQLite file (WAL, synchronous=FULL); data generated in ${seconds.toFixed(1)} s`,
        table: {
          columns: ['request', 'median ms', 'p95 ms', 'p99 ms', '× first page'],
          rows: rows.map(([name, median, p95, p99]) => [name, ms(median), ms(p95), ms(p99), Number((median / first[1]).toFixed(2))]),
        },
        data: { entries: total, partnerEntries: bigEntries, runs: RUNS, generateSeconds: seconds, cases: rows.map(([name, median, p95, p99]) => ({ name, median, p95, p99 })) },
        budgets: [{ name: `first page median < ${BUDGET_MS} ms`, pass: first[1] < BUDGET_MS }],
        notes: [`budget: first page median under ${BUDGET_MS} ms — ${first[1] < BUDGET_MS ? 'met' : 'MISSED'} (${ms(first[1])} ms)`],
      };
    } finally {
      clicks.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
