// Fixtures for the money tests: programs with rules, clicks, and admin calls with an Idempotency-Key.
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { clickDayCounter } from '../src/domain/click-writer.ts';
import { createProgram, type NewRule } from '../src/domain/programs.ts';
import { enroll } from '../src/domain/partners.ts';
import { ADMIN_KEY, addPartner, call, type TestContext } from './helpers.ts';

export const DAY = 86_400_000;

export function program(t: TestContext, rules: NewRule[], fields: { currency?: string; windowDays?: number; holdDays?: number; name?: string } = {}) {
  return createProgram(
    t.db,
    {
      name: fields.name ?? `Program ${randomUUID().slice(0, 6)}`,
      description: '',
      currency: fields.currency ?? 'USD',
      attributionWindowDays: fields.windowDays ?? 30,
      holdDays: fields.holdDays ?? 0,
      rules,
    },
    t.clock.now(),
  );
}

/** An active partner enrolled in the given programs. */
export async function enrolled(t: TestContext, programIds: number[], fields: Parameters<typeof addPartner>[1] = {}) {
  const p = await addPartner(t, fields);
  for (const id of programIds) enroll(t.db, p.id, id, t.clock.now());
  return p;
}

let clickCounter = 0;
/** A click row as the redirect would have written it, `agoMs` before the clock. Returns its public id. */
export function click(t: TestContext, partnerId: number, agoMs = 0): string {
  clickCounter += 1;
  const now = t.clock.now();
  let dest = t.db.prepare('SELECT id FROM destinations LIMIT 1').get() as { id: number } | undefined;
  if (!dest) {
    dest = {
      id: Number(
        t.db.prepare(`INSERT INTO destinations (name, url, created_at) VALUES ('Shop', 'https://shop.example.com/', ?)`).run(now).lastInsertRowid,
      ),
    };
  }
  let link = t.db.prepare('SELECT id FROM links WHERE partner_id = ? LIMIT 1').get(partnerId) as { id: number } | undefined;
  if (!link) {
    link = {
      id: Number(
        t.db
          .prepare(`INSERT INTO links (slug, partner_id, destination_id, target_url, created_at) VALUES (?, ?, ?, 'https://shop.example.com/', ?)`)
          .run(`t-${partnerId}-${clickCounter}`, partnerId, dest.id, now).lastInsertRowid,
      ),
    };
  }
  const publicId = `clk_test_${clickCounter}_${randomUUID().slice(0, 8)}`;
  const at = now - agoMs;
  t.db.transaction(() => {
    t.db
      .prepare(`INSERT INTO clicks (public_id, link_id, partner_id, visitor_hash, ua_class, created_at) VALUES (?, ?, ?, ?, 'desktop', ?)`)
      .run(publicId, link.id, partnerId, Buffer.from([clickCounter & 255]), at);
    // As the click writer does in the same transaction: the per-day tally the reports read.
    const days = clickDayCounter(t.db).start();
    days.add(partnerId, link.id, at);
    for (const [linkId, n] of days.write()) t.db.prepare('UPDATE links SET click_count = click_count + ? WHERE id = ?').run(n, linkId);
  })();
  return publicId;
}

/** POST to an admin conversion route with a fresh (or given) Idempotency-Key. */
export function admin(t: TestContext, path: string, body: unknown, key: string = randomUUID()) {
  return call(t.app, 'POST', `/admin/${path}`, { token: ADMIN_KEY, body, headers: { 'Idempotency-Key': key } });
}

/** Like admin(), but the call must succeed with 201; answers the JSON body. */
export async function ok(t: TestContext, path: string, body: unknown, key?: string): Promise<any> {
  const res = await admin(t, path, body, key);
  assert.equal(res.status, 201, res.text);
  return res.json;
}

export const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Row counts of every money table, to show a refused call wrote nothing. */
export function moneyCounts(t: TestContext) {
  const tables = ['coupons', 'leads', 'sales', 'sale_items', 'refunds', 'commissions', 'payouts', 'adjustments', 'ledger_entries', 'balances', 'idempotency_keys'];
  return Object.fromEntries(tables.map((name) => [name, (t.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
}

/** Every partner's (or these partners') stored total equals the sum of their entries. */
export function assertBalancesConsistent(t: TestContext, partnerIds?: number[]) {
  const only = partnerIds ? `WHERE b.partner_id IN (${partnerIds.map(Number).join(',')})` : '';
  const bad = t.db
    .prepare(
      `SELECT b.partner_id, b.currency, b.total, (SELECT coalesce(sum(amount), 0) FROM ledger_entries e WHERE e.partner_id = b.partner_id AND e.currency = b.currency) AS sum
       FROM balances b ${only}`,
    )
    .all() as Array<{ total: number; sum: number }>;
  for (const row of bad) assert.equal(row.total, row.sum, JSON.stringify(row));
  if (partnerIds) return;
  const orphan = t.db
    .prepare('SELECT count(*) AS n FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM balances b WHERE b.partner_id = e.partner_id AND b.currency = e.currency)')
    .get() as { n: number };
  assert.equal(orphan.n, 0);
}
