// Partner reports: balance, summary, ledger statement, commissions, leads, sales; keyset
// pagination; CSV exports that stream; and partner isolation on every one of them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CommissionPage, LeadPage, LedgerPage, SalePage, Summary } from '@rp/contract';
import { appendEntry } from '../src/domain/ledger.ts';
import { commissionsSql, encodeCursor, leadsSql, ledgerSql, maskContact, maskEmail, maskName, salesSql } from '../src/domain/reports.ts';
import { csvText, type CsvCell } from '../src/domain/csv.ts';
import { decimalAmount } from '../src/domain/money.ts';
import { assertError, call, makeApp, sessionFor } from './helpers.ts';
import { click, DAY, enrolled, ok, program, usd } from './money-helpers.ts';

const t = makeApp();
let a: { id: number; code: string };
let b: { id: number; code: string };
let shop: number;
const start = t.clock.now(); // 2030-01-15T09:00Z

before(async () => {
  shop = program(t, [{ type: 'percent_of_sale', basisPoints: 1000 }, { type: 'flat_per_lead', amount: 200 }], { holdDays: 10, name: 'Shop, "Main"' });
  const pa = await enrolled(t, [shop], { code: 'alpha' });
  const pb = await enrolled(t, [shop], { code: 'bravo' });
  // Both partners get the same kind of history; B's references all start with B- so a leak shows.
  for (const [p, prefix] of [[pa, 'A'], [pb, 'B']] as const) {
    for (let i = 0; i < 12; i += 1) {
      click(t, p.id, i * DAY);
      if (i % 2 === 0) {
        await ok(t, 'leads', {
          programId: shop,
          leadId: `${prefix}-lead-${i}`,
          email: `${prefix.toLowerCase()}lead${i}@example.com`,
          name: i === 0 ? 'Dana "DD" Doe, Jr' : `Lead ${prefix}${i}`,
          attribution: { partnerCode: p.code },
          occurredAt: new Date(start - i * DAY).toISOString(),
        });
      }
      await ok(t, 'sales', {
        programId: shop,
        orderId: i === 3 ? `=HYPERLINK("x"),${prefix}-${i}` : `${prefix}-order-${i}`,
        amount: usd(10000 + i * 100),
        attribution: { partnerCode: p.code, ...(i % 2 === 0 ? { leadId: `${prefix}-lead-${i}` } : {}) },
        occurredAt: new Date(start - i * DAY).toISOString(),
      });
    }
  }
  await ok(t, 'refunds', { orderId: 'A-order-11', amount: usd(5550) }); // half of 111.00 → 5.55 of 11.10 reversed
  await ok(t, 'payouts', { partnerCode: 'alpha', amount: usd(1000), method: 'bank', reference: 'PO-2030-01' });
  await ok(t, 'adjustments', { partnerCode: 'alpha', amount: usd(-250), reason: 'Fee, "wire"' });
  a = pa;
  b = pb;
});

/** A GET as this partner, with a fresh session (the tests move the clock past idle timeouts). */
const get = (who: { id: number }, path: string) => call(t.app, 'GET', path, { token: sessionFor(t, who.id) });

describe('balance and summary', () => {
  it('balance: available and pending apart, adding up to the total', async () => {
    const res = await get(a, '/partner/balance');
    assert.equal(res.status, 200);
    // A earned 12 sales (10 % of 100.00..111.00 = 10.00..11.10 → 126.60) + 6 leads × 2.00 = 138.60,
    // less 5.55 reversed, 10.00 paid out, 2.50 adjusted = 120.55.
    const body = res.json as any;
    assert.deepEqual(body.total, usd(12055));
    assert.equal(body.available.amount + body.pending.amount, 12055);
    assert.ok(body.pending.amount > 0 && body.available.amount > 0, JSON.stringify(body));
    assertError(await call(t.app, 'GET', '/partner/balance'), 401, 'unauthorized');
  });

  it('summary: funnel and daily series for the period, earned this month', async () => {
    const res = await get(a, '/partner/summary?from=2030-01-10&to=2030-01-15');
    assert.equal(res.status, 200, res.text);
    const s = Summary.parse(res.json);
    assert.equal(s.daily.length, 6);
    assert.deepEqual(s.funnel, { clicks: 6, leads: 3, sales: 6 });
    assert.deepEqual(s.daily.at(-1), { day: '2030-01-15', clicks: 1, leads: 1, sales: 1 });
    assert.deepEqual(s.daily[0], { day: '2030-01-10', clicks: 1, leads: 0, sales: 1 });
    assert.deepEqual(s.daily[1], { day: '2030-01-11', clicks: 1, leads: 1, sales: 1 });
    // Every earned entry was written this month (the clock is 2030-01-15).
    assert.deepEqual(s.earnedThisMonth, usd(12660 + 1200));
    const dflt = Summary.parse((await get(a, '/partner/summary')).json);
    assert.equal(dflt.daily.length, 30);
    assert.equal(dflt.to, '2030-01-15');
    assert.deepEqual(dflt.funnel, { clicks: 12, leads: 6, sales: 12 });
    assertError(await get(a, '/partner/summary?from=2029-01-01&to=2030-01-15'), 400, 'invalid_request');
    assertError(await get(a, '/partner/summary?from=2030-01-15&to=2030-01-01'), 400, 'invalid_request');
  });
});

describe('ledger', () => {
  it('is a statement: opening balance, entries with cause and running balance, closing balance', async () => {
    const all = LedgerPage.parse((await get(a, '/partner/ledger?limit=200')).json);
    assert.deepEqual(all.openingBalance, usd(0));
    assert.deepEqual(all.closingBalance, usd(12055));
    assert.equal(all.entries.length, 12 + 6 + 3);
    const [adj, payout, reversal] = all.entries;
    assert.deepEqual([adj!.type, adj!.cause, adj!.balance], ['adjusted', { kind: 'adjustment', reference: 'Fee, "wire"' }, usd(12055)]);
    assert.deepEqual([payout!.type, payout!.cause, payout!.amount], ['paid_out', { kind: 'payout', reference: 'PO-2030-01' }, usd(-1000)]);
    assert.deepEqual([reversal!.type, reversal!.cause, reversal!.amount], ['reversed', { kind: 'refund', reference: 'A-order-11' }, usd(-555)]);
    // Running balance: each entry's balance is the next older entry's plus its own amount.
    for (let i = 0; i < all.entries.length - 1; i += 1) {
      assert.equal(all.entries[i]!.balance.amount, all.entries[i + 1]!.balance.amount + all.entries[i]!.amount.amount);
    }
    const sale = all.entries.find((e) => e.cause.reference === 'A-order-0')!;
    assert.equal(sale.programName, 'Shop, "Main"');
    assert.equal(sale.status, 'pending'); // sale on the 15th, 10-day hold
    const lead = all.entries.find((e) => e.cause.kind === 'lead')!;
    assert.match(lead.cause.reference, /^A-lead-/);
  });

  it('filters by type and by period, with the opening balance before the period', async () => {
    const earned = LedgerPage.parse((await get(a, '/partner/ledger?type=earned&limit=200')).json);
    assert.equal(earned.entries.length, 18);
    assert.ok(earned.entries.every((e) => e.type === 'earned'));
    // Every entry was written on 2030-01-15 (the test clock); move on a day and add one.
    t.clock.advance(DAY);
    await ok(t, 'adjustments', { partnerCode: 'alpha', amount: usd(45), reason: 'Next day' });
    const next = LedgerPage.parse((await get(a, '/partner/ledger?from=2030-01-16&to=2030-01-16')).json);
    assert.deepEqual(next.openingBalance, usd(12055));
    assert.deepEqual(next.closingBalance, usd(12100));
    assert.deepEqual(next.entries.map((e) => e.amount.amount), [45]);
    const before = LedgerPage.parse((await get(a, '/partner/ledger?to=2030-01-15&limit=1')).json);
    assert.deepEqual(before.closingBalance, usd(12055));
    const empty = LedgerPage.parse((await get(a, '/partner/ledger?from=2029-01-01&to=2029-01-31')).json);
    assert.deepEqual([empty.openingBalance, empty.closingBalance, empty.entries], [usd(0), usd(0), []]);
  });

  it('refuses bad queries with 400', async () => {
    for (const q of ['from=2030-13-01', 'limit=0', 'limit=201', 'type=bogus', 'partnerId=2', 'from=2030-01-20&to=2030-01-10', 'cursor=%%%', `cursor=${Buffer.from('1:x').toString('base64url')}`]) {
      assertError(await get(a, `/partner/ledger?${q}`), 400, 'invalid_request');
    }
  });
});

/** Follow nextCursor to the end; every id once. */
async function walk(who: { id: number }, path: string, limit: number) {
  const ids: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(who, `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, res.text);
    const body = res.json as { rows?: Array<{ id: number }>; entries?: Array<{ id: number }>; nextCursor: string | null };
    ids.push(...(body.rows ?? body.entries ?? []).map((r) => r.id));
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { ids, pages };
}

describe('reports', () => {
  it('commissions, leads and sales, newest first, partner-scoped', async () => {
    const commissions = CommissionPage.parse((await get(a, '/partner/reports/commissions?limit=200')).json);
    assert.equal(commissions.rows.length, 18);
    const refunded = commissions.rows.find((r) => r.reference === 'A-order-11')!;
    assert.deepEqual([refunded.amount, refunded.reversed, refunded.source], [usd(1110), usd(555), 'sale']);
    assert.ok(commissions.rows.some((r) => r.status === 'paid'));
    assert.ok(commissions.rows.some((r) => r.status === 'pending'));

    const leads = LeadPage.parse((await get(a, '/partner/reports/leads?limit=200')).json);
    assert.equal(leads.rows.length, 6);
    assert.deepEqual(leads.rows[0], { ...leads.rows[0], leadId: 'A-lead-0', contact: 'Dana J. · a•••@example.com', status: 'converted' });
    assert.ok(leads.rows.every((r) => !r.contact.includes('alead')));

    const sales = SalePage.parse((await get(a, '/partner/reports/sales?from=2030-01-05&to=2030-01-15&limit=200')).json);
    assert.deepEqual(sales.rows.map((r) => r.orderId), ['A-order-0', 'A-order-1', 'A-order-2', '=HYPERLINK("x"),A-3', 'A-order-4', 'A-order-5', 'A-order-6', 'A-order-7', 'A-order-8', 'A-order-9', 'A-order-10']);
    assert.deepEqual(sales.rows[0]!.commission, usd(1000));
  });

  it('a cursor walk covers every row exactly once, in order', async () => {
    for (const [path, total] of [
      ['/partner/ledger', 22],
      ['/partner/reports/commissions', 18],
      ['/partner/reports/leads', 6],
      ['/partner/reports/sales', 12],
    ] as const) {
      const { ids, pages } = await walk(a, path, 5);
      assert.equal(ids.length, total, path);
      assert.equal(new Set(ids).size, total, path);
      assert.equal(pages, Math.ceil(total / 5), path);
      const whole = await walk(a, path, 200);
      assert.deepEqual(ids, whole.ids, path);
    }
    // A filtered walk stays inside its period.
    const { ids } = await walk(a, '/partner/reports/sales?from=2030-01-10&to=2030-01-12', 2);
    assert.equal(ids.length, 3);
  });

  it('partner isolation: B never sees A’s rows, in any report or export, whatever the query', async () => {
    const aSale = t.db.prepare("SELECT id, occurred_at FROM sales WHERE order_id = 'A-order-0'").get() as { id: number; occurred_at: number };
    const forged = encodeCursor({ at: aSale.occurred_at + 1, id: aSale.id + 1 });
    for (const path of ['/partner/ledger', '/partner/reports/commissions', '/partner/reports/leads', '/partner/reports/sales']) {
      for (const q of ['?limit=200', `?limit=200&cursor=${forged}`]) {
        const res = await get(b, path + q);
        assert.equal(res.status, 200, res.text);
        assert.ok(!res.text.includes('A-'), `${path}${q} leaked A's rows`);
        assert.ok(res.text.includes('B-'), `${path}${q} shows B's rows`);
      }
    }
    for (const path of ['/partner/ledger.csv', '/partner/reports/commissions.csv', '/partner/reports/leads.csv', '/partner/reports/sales.csv']) {
      const res = await get(b, path);
      assert.equal(res.status, 200, res.text);
      assert.ok(!res.text.includes('A-'), `${path} leaked A's rows`);
      assert.ok(res.text.includes('B-'), path);
      assertError(await call(t.app, 'GET', path), 401, 'unauthorized');
    }
    const bBalance = (await get(b, '/partner/balance')).json as any;
    assert.notDeepEqual(bBalance.total, (await get(a, '/partner/balance')).json);
  });
});

describe('CSV exports', () => {
  it('the ledger statement: header, opening line, entries oldest first with running balance, closing line', async () => {
    const res = await get(a, '/partner/ledger.csv?from=2030-01-15&to=2030-01-16');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('Content-Disposition'), 'attachment; filename="ledger-alpha-from-2030-01-15-to-2030-01-16.csv"');
    const lines = res.text.split('\r\n');
    assert.equal(lines.at(-1), '');
    assert.equal(lines[0], 'date,type,description,cause,reference,program,status,available_at,amount,balance,currency');
    assert.equal(lines[1], '2030-01-15,opening_balance,Opening balance,,,,,,,0.00,USD');
    assert.equal(lines.at(-2), '2030-01-16,closing_balance,Closing balance,,,,,,,121.00,USD');
    assert.equal(lines.length, 2 + 22 + 1 + 1);
    // Oldest first: the first entry is the first lead's commission, 2.00 → balance 2.00.
    assert.match(lines[2]!, /^2030-01-15T09:00:00\.000Z,earned,Commission on lead A-lead-0,lead,A-lead-0,"Shop, ""Main""",pending,.*,2\.00,2\.00,USD$/);
    assert.ok(lines.some((l) => l.includes(',adjusted,"Adjustment: Fee, ""wire""",adjustment,"Fee, ""wire""",,available,') && l.endsWith(',-2.50,120.55,USD')));
    // A formula in merchant text is defused.
    assert.ok(lines.some((l) => l.includes(`,sale,"'=HYPERLINK(""x""),A-3",`)), 'formula defused and quoted');
    const typed = await get(a, '/partner/ledger.csv?type=paid_out');
    const typedLines = typed.text.trim().split('\r\n');
    assert.equal(typedLines.length, 4);
    assert.match(typedLines[2]!, /,paid_out,Payout by bank \(PO-2030-01\),payout,PO-2030-01,,available,.*,-10\.00,/);
    assert.equal(typedLines[1], ',opening_balance,Opening balance,,,,,,,0.00,USD');
  });

  it('reports: header and one line per row, money as decimals with the currency', async () => {
    const commissions = (await get(a, '/partner/reports/commissions.csv')).text.trim().split('\r\n');
    assert.equal(commissions[0], 'date,program,source,reference,amount,reversed,status,available_at,currency');
    assert.equal(commissions.length, 1 + 18);
    assert.ok(commissions.some((l) => /,sale,A-order-11,11\.10,5\.55,(available|paid),/.test(l)));
    const leads = await get(a, '/partner/reports/leads.csv');
    assert.equal(leads.headers.get('Content-Disposition'), 'attachment; filename="leads-alpha.csv"');
    const leadLines = leads.text.trim().split('\r\n');
    assert.equal(leadLines[0], 'date,program,lead_id,contact,status');
    assert.equal(leadLines.length, 7);
    assert.ok(leadLines.includes('2030-01-15T09:00:00.000Z,"Shop, ""Main""",A-lead-0,Dana J. · a•••@example.com,converted'));
    const sales = (await get(a, '/partner/reports/sales.csv?from=2030-01-15')).text.trim().split('\r\n');
    assert.deepEqual(sales, [
      'date,program,order_id,amount,refunded,commission,status,currency',
      '2030-01-15T09:00:00.000Z,"Shop, ""Main""",A-order-0,100.00,0.00,10.00,pending,USD',
    ]);
  });

  it('streams from its own connection: other requests run while an export is half read', async () => {
    const big = await enrolled(t, [shop], { code: 'bigledger' });
    t.db.transaction(() => {
      for (let i = 0; i < 5000; i += 1) {
        appendEntry(t.db, {
          partnerId: big.id,
          type: 'adjusted',
          amount: 1,
          currency: 'USD',
          availableAt: 0,
          cause: { adjustmentId: Number(t.db.prepare("INSERT INTO adjustments (partner_id, amount, currency, reason, created_at) VALUES (?, 1, 'USD', 'bulk', ?)").run(big.id, t.clock.now()).lastInsertRowid) },
          description: `Bulk entry ${i} with some words to make the line longer, and a comma`,
          createdAt: t.clock.now(),
        });
      }
    })();
    const token = sessionFor(t, big.id);
    const res = await t.app.request('/api/partner/ledger.csv', { headers: { Authorization: `Bearer ${token}` } });
    const reader = res.body!.getReader();
    const first = await reader.read();
    assert.ok(first.value && first.value.length > 1000 && first.value.length < 200_000, 'a first chunk, not the whole file');
    // The shared connection is free: a write and a read go through mid-export.
    await ok(t, 'adjustments', { partnerCode: 'bigledger', amount: usd(7), reason: 'mid-export' });
    assert.equal((await get(big, '/partner/balance')).status, 200);
    let text = new TextDecoder().decode(first.value);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += new TextDecoder().decode(next.value);
    }
    const lines = text.trim().split('\r\n');
    // One snapshot: the export began before the mid-export adjustment and does not contain it.
    assert.equal(lines.length, 1 + 1 + 5000 + 1);
    assert.ok(lines.at(-1)!.endsWith(',50.00,USD'));
    // A cancelled export closes its connection and leaves the app working.
    const again = await t.app.request('/api/partner/ledger.csv', { headers: { Authorization: `Bearer ${token}` } });
    const r2 = again.body!.getReader();
    await r2.read();
    await r2.cancel();
    assert.equal((await get(big, '/partner/ledger?limit=1')).status, 200);
  });

  it('cells are quoted only when they must be, and formulas are defused', () => {
    // One cell through the shared csv-stringify configuration, without its CRLF.
    const csvCell = (value: CsvCell) => csvText([[value]]).slice(0, -2);
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('a\rb'), '"a\rb"');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\uFF1D1+1'), "'\uFF1D1+1");
    assert.equal(csvCell('-5.25'), '-5.25');
    assert.equal(csvCell('-5 off'), "'-5 off");
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(' padded'), '" padded"');
    assert.equal(csvText([['a', 1], ['b', null]], ['name', 'n']), 'name,n\r\na,1\r\nb,\r\n');
    assert.equal(csvText([], ['name', 'n']), 'name,n\r\n', 'an empty export still has its header');
    assert.equal(decimalAmount(-5, 'USD'), '-0.05');
    assert.equal(decimalAmount(123456, 'USD'), '1234.56');
    assert.equal(decimalAmount(500, 'JPY'), '500');
    assert.equal(decimalAmount(1234, 'BHD'), '1.234');
  });

  it('contact details are masked', () => {
    assert.equal(maskEmail('dana@example.com'), 'd•••@example.com');
    assert.equal(maskEmail(''), '');
    assert.equal(maskName('Dana Demo'), 'Dana D.');
    assert.equal(maskName('Dana'), 'Dana');
    assert.equal(maskContact('', 'x@y.example'), 'x•••@y.example');
  });
});

describe('query plans', () => {
  /** The access path SQLite picks for the report's main table (the first line of EXPLAIN QUERY PLAN). */
  const plan = (sql: string, params: unknown[]) =>
    (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  const ranges = [
    { fromMs: null, toMs: null },
    { fromMs: 1, toMs: 2 },
    { fromMs: 1, toMs: null },
  ];
  const cursors = [null, { at: 1, id: 1 }];

  it('every partner-scoped report reads an index range of that partner, never a scan', () => {
    for (const range of ranges) {
      for (const cursor of cursors) {
        const cases: Array<[string, { sql: string; params: unknown[] }, unknown[], RegExp]> = [
          ['ledger', ledgerSql(range, cursor, undefined, 'DESC'), [1, 'USD'], /^SEARCH e USING INDEX ledger_by_partner_time \(partner_id=\?/],
          // "My payouts" over a period must not walk every earning of the period.
          ['ledger by type', ledgerSql(range, cursor, 'paid_out', 'DESC'), [1, 'USD'], /^SEARCH e USING INDEX ledger_by_partner_type_time \(partner_id=\? AND type=\?/],
          ['ledger csv by type', ledgerSql(range, cursor, 'paid_out', 'ASC'), [1, 'USD'], /^SEARCH e USING INDEX ledger_by_partner_type_time \(partner_id=\? AND type=\?/],
          ['commissions', commissionsSql(range, cursor), [1], /^SEARCH c USING INDEX commissions_by_partner_time \(partner_id=\?/],
          ['leads', leadsSql(range, cursor), [1], /^SEARCH l USING INDEX leads_by_partner_time \(partner_id=\?/],
          ['sales', salesSql(range, cursor), [1], /^SEARCH s USING INDEX sales_by_partner_time \(partner_id=\?/],
        ];
        for (const [name, q, head, expected] of cases) {
          const detail = plan(`${q.sql} LIMIT 51`, [...head, ...q.params]);
          const where = `${name} ${JSON.stringify({ range, cursor })}: ${detail.join(' | ')}`;
          assert.match(detail[0] ?? '', expected, where);
          assert.ok(!detail.some((d) => /^SCAN|TEMP B-TREE/.test(d)), where);
        }
      }
    }
  });
});
