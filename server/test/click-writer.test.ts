// The click writer: batches of clicks written by a worker thread on its own connection, and what
// flush() and close() promise on top of it (see ClickRecorder in src/domain/clicks.ts).
import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { AdminDestination, SaleResult, TrackedLink } from '@rp/contract';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrate, openDatabase } from '../src/db/database.ts';
import { clickWriter, HASH_BYTES, type ClickBatch } from '../src/domain/click-writer.ts';
import { ClickRecorder, newClickId } from '../src/domain/clicks.ts';
import { ADMIN_KEY, call, makeApp, sessionFor, testClock, type TestContext } from './helpers.ts';
import { admin, enrolled, program, usd } from './money-helpers.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

let visitors = 0;
/** A redirect by a new visitor; answers the click id in the Location. */
async function visit(app: TestContext['app'], slug: string): Promise<string> {
  visitors += 1;
  const res = await app.request(`/r/${slug}`, {
    headers: { 'User-Agent': CHROME, 'X-Forwarded-For': `10.1.${(visitors >> 8) & 255}.${visitors & 255}` },
  });
  assert.equal(res.status, 302);
  const id = new URL(res.headers.get('Location')!).searchParams.get('rp_click');
  assert.ok(id);
  return id;
}

/** A partner enrolled in a 10 % program, with one link; answers what the tests need. */
async function setup(t: TestContext) {
  const shop = program(t, [{ type: 'percent_of_sale', basisPoints: 1000 }], { holdDays: 0, windowDays: 30 });
  const partner = await enrolled(t, [shop]);
  const token = sessionFor(t, partner.id);
  const dRes = await call(t.app, 'POST', '/admin/destinations', { token: ADMIN_KEY, body: { name: 'Shop', url: 'https://shop.example/' } });
  const destination = AdminDestination.parse(dRes.json);
  const lRes = await call(t.app, 'POST', '/partner/links', { token, body: { destinationId: destination.id } });
  assert.equal(lRes.status, 201, lRes.text);
  return { shop, partner, link: TrackedLink.parse(lRes.json) };
}

const rowOf = (t: TestContext, publicId: string) =>
  t.db.prepare('SELECT link_id, partner_id FROM clicks WHERE public_id = ?').get(publicId) as { link_id: number; partner_id: number } | undefined;
const clickCount = (t: TestContext, linkId: number) =>
  (t.db.prepare('SELECT click_count FROM links WHERE id = ?').get(linkId) as { click_count: number }).click_count;

async function until<T>(value: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const v = value();
    if (v !== undefined) return v;
    assert.ok(Date.now() < deadline, `timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let orders = 0;
const sale = (t: TestContext, programId: number, clickId: string) =>
  admin(t, 'sales', { programId, orderId: `CW-${++orders}`, amount: usd(10_000), attribution: { clickId } });

describe('click writer (worker thread)', () => {
  it('writes on the worker; every click is in the table when flush() returns', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link, partner } = await setup(t);
    assert.equal(t.clicks.usesWorker, true);
    const ids = [await visit(t.app, link.slug), await visit(t.app, link.slug), await visit(t.app, link.slug)];
    assert.equal(t.clicks.pending, 3);
    assert.equal(t.clicks.flush(), 3);
    for (const id of ids) assert.deepEqual(rowOf(t, id), { link_id: link.id, partner_id: partner.id });
    assert.equal(clickCount(t, link.id), 3);

    // More than one batch in flight: 4200 clicks post two full batches, the rest stays buffered.
    const many: string[] = [];
    for (let i = 0; i < 4200; i++) many.push(await visit(t.app, link.slug));
    assert.equal(t.clicks.pending, 200);
    t.clicks.flush();
    assert.equal(clickCount(t, link.id), 4203);
    assert.ok(many.every((id) => rowOf(t, id)));
  });

  it('uses its own connection: WAL, synchronous=NORMAL, busy_timeout; the app’s connection stays FULL', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link } = await setup(t);
    await visit(t.app, link.slug);
    t.clicks.flush();
    const settings = await until(() => t.clicks.workerConnection, 'the worker reports its connection');
    const { nice, ...connection } = settings;
    assert.deepEqual(connection, { journalMode: 'wal', synchronous: 1, busyTimeoutMs: 5000, foreignKeys: true });
    // On Linux the writer thread alone yields to the redirect; the main thread keeps its priority.
    if (process.platform === 'linux') assert.equal(nice, Math.min(19, getPriority() + 5));
    else assert.equal(nice, getPriority());
    assert.equal(t.db.pragma('synchronous', { simple: true }), 2, 'FULL on the connection that writes money');
  });

  it('close() writes the pending clicks; clicks after it are written at once', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link } = await setup(t);
    // A second app over the same database, with its own recorder, closed here.
    const clicks = new ClickRecorder(t.db);
    const app = createApp({ db: t.db, config: t.config, now: t.clock.now, clicks });
    const first = await visit(app, link.slug);
    clicks.flush(); // the worker is up and has written a batch
    const pending = [await visit(app, link.slug), await visit(app, link.slug)];
    assert.equal(clicks.pending, 2);
    clicks.close();
    assert.equal(clicks.pending, 0);
    for (const id of [first, ...pending]) assert.ok(rowOf(t, id), id);
    const late = await visit(app, link.slug);
    assert.equal(clicks.pending, 0);
    assert.ok(rowOf(t, late), 'written at once after close()');
    assert.equal(clickCount(t, link.id), 4);
  });

  it('a click id from a redirect attributes a sale at once (buffered, in flight, or written)', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { shop, partner, link } = await setup(t);
    // The very first click of this recorder: still buffered, no worker started yet.
    const firstRes = await sale(t, shop, await visit(t.app, link.slug));
    assert.equal(firstRes.status, 201, firstRes.text);
    assert.equal(SaleResult.parse(firstRes.json).partnerCode, partner.code);

    // A batch posted to the worker (2000 clicks) and a few still buffered.
    const ids: string[] = [];
    for (let i = 0; i < 2005; i++) ids.push(await visit(t.app, link.slug));
    assert.equal(t.clicks.pending, 5);
    for (const id of [ids[0]!, ids[1999]!, ids[2004]!]) {
      const res = await sale(t, shop, id);
      assert.equal(res.status, 201, res.text);
      const body = SaleResult.parse(res.json);
      assert.equal(body.attributedBy, 'click');
      assert.equal(body.partnerCode, partner.code);
    }
    t.clicks.flush();
    assert.equal(clickCount(t, link.id), 2006, 'each click once, whoever wrote it');
    assert.equal((t.db.prepare('SELECT count(*) AS n FROM clicks').get() as { n: number }).n, 2006);
    // The worker carries on after batches were taken back from it.
    const after = await visit(t.app, link.slug);
    t.clicks.flush();
    assert.ok(rowOf(t, after));
  });

  it('a refused conversion (rolled back) does not lose the clicks written in its transaction', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { shop, link } = await setup(t);
    await visit(t.app, link.slug);
    t.clicks.flush(); // the worker is running
    const buffered = await visit(t.app, link.slug);
    const res = await sale(t, shop, 'no-such-click');
    assert.equal(res.status, 422, res.text);
    assert.equal(rowOf(t, buffered), undefined, 'written in the refused sale’s transaction, rolled back with it');
    t.clicks.flush();
    assert.ok(rowOf(t, buffered), 'queued again and written');
    assert.equal(clickCount(t, link.id), 2);
  });
});

/**
 * Another connection to the database, on a thread of its own (this one will block), holds the
 * write lock for `ms`: the click writer's worker cannot write meanwhile, as with a slow disk or
 * the CLI in a long transaction. Resolves once the lock is held; `released` once it is let go.
 */
async function holdWriteLock(path: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const holder = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require('better-sqlite3'))(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { path, ms } },
  );
  await once(holder, 'message');
  return { released: once(holder, 'exit') };
}

describe('click writer under overload (the worker falls behind)', () => {
  it('drops no click: past maxQueued batches the redirect waits for the worker to catch up', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link } = await setup(t);
    const logged: string[] = [];
    const clicks = new ClickRecorder(t.db, { maxBuffered: 10, maxQueued: 2, log: (message) => logged.push(message) });
    const app = createApp({ db: t.db, config: t.config, now: t.clock.now, clicks });
    try {
      const lock = await holdWriteLock(t.db.name, 700);
      const started = performance.now();
      const ids: string[] = [];
      // Batches 1 and 2 queue; posting batch 3 must wait until the worker has written batch 1.
      for (let i = 0; i < 40; i++) ids.push(await visit(app, link.slug));
      const waited = performance.now() - started;
      await lock.released;
      assert.ok(waited >= 400, `the redirect waited for the worker (${Math.round(waited)} ms)`);
      clicks.flush();
      assert.ok(ids.every((id) => rowOf(t, id)), 'every click written');
      assert.equal(clickCount(t, link.id), 40);
      assert.deepEqual(logged, []);
    } finally {
      clicks.close();
    }
  });

  it('a worker stuck past flushTimeoutMs is logged, and its clicks still queue and get written', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link } = await setup(t);
    const logged: string[] = [];
    const clicks = new ClickRecorder(t.db, { maxBuffered: 10, maxQueued: 1, flushTimeoutMs: 150, log: (message) => logged.push(message) });
    const app = createApp({ db: t.db, config: t.config, now: t.clock.now, clicks });
    try {
      const lock = await holdWriteLock(t.db.name, 1200);
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push(await visit(app, link.slug));
      assert.ok(logged.length >= 1 && logged.every((m) => m.includes('a full queue gave up waiting for the worker')), logged.join('\n'));
      await lock.released;
      clicks.flush();
      assert.ok(ids.every((id) => rowOf(t, id)), 'every click written once the lock is free');
      assert.equal(clickCount(t, link.id), 30);
    } finally {
      clicks.close();
    }
  });
});

describe('writing a batch', () => {
  it('writes every size of batch (500-, 100-, 20-, 5- and 1-row statements) with the per-link and per-day counts', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link, partner } = await setup(t);
    const write = clickWriter(t.db, (message, error) => assert.fail(`${message} ${String(error)}`));
    const day = Date.UTC(2030, 0, 15, 12);
    let made = 0;
    const batchOf = (n: number, at: (i: number) => number): ClickBatch => {
      const strings: string[] = [];
      const nums: number[] = [];
      for (let i = 0; i < n; i++) {
        strings.push(newClickId(at(i)), i % 2 ? 'news.example' : '', 'mobile');
        nums.push(link.id, partner.id, at(i));
      }
      made += n;
      return { n, strings, nums: Float64Array.from(nums), hashes: new Uint8Array(n * HASH_BYTES).fill(7) };
    };
    for (const n of [1, 4, 5, 26, 126, 500, 1337]) assert.equal(write(batchOf(n, () => day)), n);
    // One batch across midnight (UTC): counted on both days.
    assert.equal(write(batchOf(10, (i) => Date.UTC(2030, 0, 15, 23, 59, 59) + i * 200)), 10);
    const rows = t.db.prepare('SELECT count(*) AS n, count(DISTINCT public_id) AS ids FROM clicks').get();
    assert.deepEqual(rows, { n: made, ids: made });
    assert.equal(clickCount(t, link.id), made);
    const days = t.db.prepare('SELECT day, clicks FROM click_days WHERE link_id = ? ORDER BY day').all(link.id);
    assert.deepEqual(days, [
      { day: '2030-01-15', clicks: made - 5 },
      { day: '2030-01-16', clicks: 5 },
    ]);
    const sample = t.db.prepare("SELECT referrer_host, ua_class, length(visitor_hash) AS bytes FROM clicks WHERE referrer_host <> '' LIMIT 1").get();
    assert.deepEqual(sample, { referrer_host: 'news.example', ua_class: 'mobile', bytes: HASH_BYTES });
  });

  it('a bad click (its link gone) is logged and the rest of its batch still written', async () => {
    const t = makeApp({ RP_TRUST_PROXY: 'true' });
    const { link, partner } = await setup(t);
    const logged: string[] = [];
    const write = clickWriter(t.db, (message) => logged.push(message));
    const n = 27; // a 20-row, a 5-row and two 1-row statements
    const strings: string[] = [];
    const nums: number[] = [];
    for (let i = 0; i < n; i++) {
      strings.push(newClickId(), '', 'desktop');
      nums.push(i === 21 ? 999_999 : link.id, partner.id, Date.now());
    }
    assert.equal(write({ n, strings, nums: Float64Array.from(nums), hashes: new Uint8Array(n * HASH_BYTES) }), n - 1);
    assert.equal(clickCount(t, link.id), n - 1);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, new RegExp(`click ${strings[3 * 21]} not recorded`));
    assert.equal(rowOf(t, strings[3 * 21]!), undefined);
  });
});

describe('click writer on an in-memory database', () => {
  it('writes on the main thread: a second connection to :memory: would be another database', async () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const clock = testClock();
    const clicks = new ClickRecorder(db);
    const config = loadConfig({ RP_DATABASE: ':memory:', RP_ADMIN_KEY: ADMIN_KEY, RP_TRUST_PROXY: 'true' });
    const t: TestContext = { app: createApp({ db, config, now: clock.now, clicks }), db, config, clock, dir: '', clicks };
    after(() => {
      clicks.close();
      db.close();
    });
    assert.equal(clicks.usesWorker, false);
    const { link } = await setup(t);
    const id = await visit(t.app, link.slug);
    assert.equal(clicks.flush(), 1);
    assert.ok(rowOf(t, id));
    assert.equal(clicks.workerConnection, undefined);
  });
});

describe('click ids', () => {
  it('sort by time and differ within one millisecond', async () => {
    const { newClickId } = await import('../src/domain/clicks.ts');
    const at = Date.parse('2030-01-15T09:00:00.000Z');
    const [a, b, later] = [newClickId(at), newClickId(at), newClickId(at + 1)];
    assert.match(a, /^[0-9a-z]{9}[A-Za-z0-9_-]{12}$/);
    assert.notEqual(a, b);
    assert.ok(a.slice(0, 9) === b.slice(0, 9) && a < later && b < later, `${a} ${b} < ${later}`);
  });
});
