import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminDestination, AdminDestinationList, ClickPage, DestinationList, LinkList, TrackedLink } from '@rp/contract';
import { newSlug } from '../src/domain/links.ts';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor, type TestContext } from './helpers.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

async function addDestination(t: TestContext, body: Record<string, unknown>) {
  const res = await call(t.app, 'POST', '/admin/destinations', { token: ADMIN_KEY, body });
  assert.equal(res.status, 201, res.text);
  return AdminDestination.parse(res.json);
}

async function makeLink(t: TestContext, token: string, body: Record<string, unknown>) {
  const res = await call(t.app, 'POST', '/partner/links', { token, body });
  assert.equal(res.status, 201, res.text);
  return TrackedLink.parse(res.json);
}

/** One click by a distinct visitor (the test app trusts X-Forwarded-For). */
async function click(t: TestContext, slug: string, visitor: string) {
  const res = await t.app.request(`/r/${slug}`, { headers: { 'User-Agent': BROWSER, 'X-Forwarded-For': visitor } });
  assert.equal(res.status, 302);
}

describe('admin destinations', () => {
  const t = makeApp();

  it('creates, lists and updates destinations', async () => {
    const created = await addDestination(t, { name: '  Espresso gear ', url: 'https://Shop.Example/shop/espresso', description: 'Grinders.' });
    assert.deepEqual(created, {
      id: created.id,
      name: 'Espresso gear',
      url: 'https://shop.example/shop/espresso',
      description: 'Grinders.',
      allowSubpaths: true,
      active: true,
      createdAt: new Date(t.clock.now()).toISOString(),
    });
    const home = await addDestination(t, { name: 'Home', url: 'https://shop.example', allowSubpaths: false });
    assert.equal(home.url, 'https://shop.example/');
    assert.equal(home.description, '');
    assert.equal(home.allowSubpaths, false);

    const patched = await call(t.app, 'PATCH', `/admin/destinations/${created.id}`, {
      token: ADMIN_KEY,
      body: { name: 'Gear', active: false, allowSubpaths: false },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(AdminDestination.parse(patched.json), { ...created, name: 'Gear', active: false, allowSubpaths: false });

    const list = AdminDestinationList.parse((await call(t.app, 'GET', '/admin/destinations', { token: ADMIN_KEY })).json);
    assert.deepEqual(
      list.destinations.map((d) => [d.name, d.active]),
      [
        ['Gear', false],
        ['Home', true],
      ],
    );
  });

  it('refuses bad destinations field by field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: '', url: 'https://shop.example/' }, 'name'],
      [{ name: 'x', url: 'javascript:alert(1)' }, 'url'],
      [{ name: 'x', url: 'ftp://shop.example/' }, 'url'],
      [{ name: 'x', url: 'https://user:pw@shop.example/' }, 'url'],
      [{ name: 'x', url: '/relative' }, 'url'],
      [{ name: 'x', url: `https://shop.example/${'a'.repeat(2100)}` }, 'url'],
      [{ name: 'x', url: 'https://shop.example/', allowSubpaths: 'yes' }, 'allowSubpaths'],
      [{ name: 'x', url: 'https://shop.example/', active: false }, 'active'],
    ];
    for (const [body, field] of cases) {
      const error = assertError(await call(t.app, 'POST', '/admin/destinations', { token: ADMIN_KEY, body }), 400, 'invalid_request');
      assert.ok(error.fields?.[field], `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(error)}`);
    }
    const patchUrl = await call(t.app, 'PATCH', '/admin/destinations/1', { token: ADMIN_KEY, body: { url: 'https://evil.example/' } });
    assert.ok(assertError(patchUrl, 400, 'invalid_request').fields?.['url'], 'a destination URL cannot be changed');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    assertError(await call(t.app, 'PATCH', '/admin/destinations/9999', { token: ADMIN_KEY, body: { name: 'x' } }), 404, 'not_found');
    for (const id of ['abc', '1.5', '-1', '0', '1e3', '99999999999999999999', '%20']) {
      const error = assertError(await call(t.app, 'PATCH', `/admin/destinations/${id}`, { token: ADMIN_KEY, body: { name: 'x' } }), 400, 'invalid_request');
      assert.ok(error.fields?.['id'], id);
    }
  });

  it('needs the admin key', async () => {
    const partner = await addPartner(t);
    const token = sessionFor(t, partner.id);
    assertError(await call(t.app, 'GET', '/admin/destinations'), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/destinations', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/admin/destinations', { token, body: { name: 'x', url: 'https://a.example/' } }), 401, 'unauthorized');
    assertError(await call(t.app, 'PATCH', '/admin/destinations/1', { token, body: { name: 'x' } }), 401, 'unauthorized');
  });
});

describe('partner links', () => {
  const t = makeApp({ RP_PUBLIC_URL: 'https://partners.example.com/', RP_TRUST_PROXY: 'true' });
  let tokenA: string;
  let tokenB: string;
  let open: AdminDestination;
  let closed: AdminDestination;
  let inactive: AdminDestination;

  before(async () => {
    const a = await addPartner(t);
    const b = await addPartner(t);
    tokenA = sessionFor(t, a.id);
    tokenB = sessionFor(t, b.id);
    open = await addDestination(t, { name: 'Shop', url: 'https://shop.example/start?lang=en', description: 'The shop.' });
    closed = await addDestination(t, { name: 'Wholesale', url: 'https://shop.example/wholesale', allowSubpaths: false });
    inactive = await addDestination(t, { name: 'Old', url: 'https://old.example/' });
    await call(t.app, 'PATCH', `/admin/destinations/${inactive.id}`, { token: ADMIN_KEY, body: { active: false } });
  });

  it('lists only active destinations to partners', async () => {
    const res = await call(t.app, 'GET', '/partner/destinations', { token: tokenA });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(DestinationList.parse(res.json).destinations, [
      { id: open.id, name: 'Shop', url: 'https://shop.example/start?lang=en', description: 'The shop.', allowSubpaths: true },
      { id: closed.id, name: 'Wholesale', url: 'https://shop.example/wholesale', description: '', allowSubpaths: false },
    ]);
  });

  it('creates a link to the destination itself, with the campaign as utm_campaign', async () => {
    const link = await makeLink(t, tokenA, { destinationId: open.id, campaign: 'spring-2030' });
    assert.match(link.slug, /^[A-Za-z0-9][A-Za-z0-9_-]{7}$/);
    const many = new Set(Array.from({ length: 2000 }, () => newSlug()));
    assert.equal(many.size, 2000);
    for (const slug of many) assert.match(slug, /^[A-Za-z0-9][A-Za-z0-9_-]{7}$/);
    assert.deepEqual(link, {
      id: link.id,
      slug: link.slug,
      url: `https://partners.example.com/r/${link.slug}`,
      destinationId: open.id,
      destinationName: 'Shop',
      targetUrl: 'https://shop.example/start?lang=en&utm_campaign=spring-2030',
      campaign: 'spring-2030',
      clicks: 0,
      createdAt: new Date(t.clock.now()).toISOString(),
    });
    const plain = await makeLink(t, tokenA, { destinationId: closed.id });
    assert.equal(plain.targetUrl, 'https://shop.example/wholesale');
    assert.notEqual(plain.slug, link.slug);
  });

  it('builds a path on the destination origin, and drops a planted rp_click', async () => {
    const link = await makeLink(t, tokenA, { destinationId: open.id, path: '/shop/espresso?color=red&rp_click=forged#reviews' });
    assert.equal(link.targetUrl, 'https://shop.example/shop/espresso?color=red#reviews');
    const res = await t.app.request(`/r/${link.slug}`, { headers: { 'User-Agent': BROWSER } });
    assert.match(res.headers.get('Location') ?? '', /^https:\/\/shop\.example\/shop\/espresso\?color=red&rp_click=[A-Za-z0-9_-]{21}#reviews$/);
  });

  it('refuses a path where the destination does not allow one', async () => {
    const res = await call(t.app, 'POST', '/partner/links', { token: tokenA, body: { destinationId: closed.id, path: '/other' } });
    assert.ok(assertError(res, 400, 'invalid_request').fields?.['path']);
  });

  it('refuses every open-redirect attempt with a field error on path, or keeps it on the origin', async () => {
    const refused = [
      '//evil.com',
      '//evil.com/path',
      '/\\evil.com',
      '\\\\evil.com',
      '/\\/evil.com',
      'https://evil.com',
      'http://evil.com/',
      'evil.com',
      '///evil.com',
      '/..//evil.com',
      '/./\u002f/evil.com',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/a\r\nLocation: https://evil.com',
      '/a\nSet-Cookie: x=1',
      '/a\u0000b',
      '/a\tb',
      ' //evil.com',
      `/${'a'.repeat(600)}`,
    ];
    for (const path of refused) {
      const res = await call(t.app, 'POST', '/partner/links', { token: tokenA, body: { destinationId: open.id, path } });
      const error = assertError(res, 400, 'invalid_request');
      assert.ok(error.fields?.['path'], `${JSON.stringify(path)} → ${res.text}`);
    }
    // These parse as paths on the merchant's own site: allowed, and provably on its origin.
    const harmless: Array<[string, string]> = [
      ['/%2F%2Fevil.com', 'https://shop.example/%2F%2Fevil.com'],
      ['/%5C%5Cevil.com', 'https://shop.example/%5C%5Cevil.com'],
      ['/@evil.com', 'https://shop.example/@evil.com'],
      ['/%0d%0aLocation:%20x', 'https://shop.example/%0d%0aLocation:%20x'],
    ];
    for (const [path, expected] of harmless) {
      const link = await makeLink(t, tokenA, { destinationId: open.id, path });
      assert.equal(new URL(link.targetUrl).origin, 'https://shop.example', path);
      assert.equal(link.targetUrl, expected);
      const res = await t.app.request(`/r/${link.slug}`, { headers: { 'User-Agent': BROWSER } });
      assert.equal(res.status, 302);
      assert.equal(new URL(res.headers.get('Location')!).origin, 'https://shop.example', path);
    }
  });

  it('refuses inactive, unknown and malformed destinations', async () => {
    for (const destinationId of [inactive.id, 9999]) {
      const res = await call(t.app, 'POST', '/partner/links', { token: tokenA, body: { destinationId } });
      assert.ok(assertError(res, 400, 'invalid_request').fields?.['destinationId']);
    }
    for (const body of [{}, { destinationId: '1' }, { destinationId: 1.5 }, { destinationId: open.id, campaign: 'has space' }, { destinationId: open.id, extra: 1 }]) {
      assertError(await call(t.app, 'POST', '/partner/links', { token: tokenA, body }), 400, 'invalid_request');
    }
  });

  it('lists only the partner’s own links, newest first, with click counts', async () => {
    const before = LinkList.parse((await call(t.app, 'GET', '/partner/links', { token: tokenA })).json).links;
    t.clock.advance(1000);
    const first = await makeLink(t, tokenA, { destinationId: open.id, path: '/one' });
    t.clock.advance(1000);
    const second = await makeLink(t, tokenA, { destinationId: open.id, path: '/two' });
    const other = await makeLink(t, tokenB, { destinationId: open.id, path: '/b' });
    await click(t, first.slug, '198.51.100.1');
    await click(t, first.slug, '198.51.100.2');
    await click(t, second.slug, '198.51.100.3');
    t.clicks.flush();

    const mine = LinkList.parse((await call(t.app, 'GET', '/partner/links', { token: tokenA })).json).links;
    assert.deepEqual(
      mine.slice(0, 2).map((l) => [l.slug, l.clicks]),
      [
        [second.slug, 1],
        [first.slug, 2],
      ],
    );
    assert.equal(mine.length, before.length + 2);
    assert.ok(!mine.some((l) => l.slug === other.slug));
    const theirs = LinkList.parse((await call(t.app, 'GET', '/partner/links', { token: tokenB })).json).links;
    assert.deepEqual(
      theirs.map((l) => l.slug),
      [other.slug],
    );
  });

  it('needs a session', async () => {
    for (const [method, path] of [
      ['GET', '/partner/destinations'],
      ['GET', '/partner/links'],
      ['POST', '/partner/links'],
      ['GET', '/partner/reports/clicks'],
      ['GET', '/partner/reports/clicks.csv'],
    ] as const) {
      assertError(await call(t.app, method, path, { body: method === 'POST' ? { destinationId: open.id } : undefined }), 401, 'unauthorized');
      assertError(await call(t.app, method, path, { token: ADMIN_KEY }), 401, 'unauthorized');
    }
  });
});

describe('clicks report', () => {
  const t = makeApp({ RP_TRUST_PROXY: 'true' });
  let tokenA: string;
  let tokenB: string;
  let linkA1: TrackedLink;
  let linkA2: TrackedLink;
  let linkB: TrackedLink;
  const DAY = 86_400_000;
  const start = Date.parse('2030-01-15T09:00:00.000Z');

  before(async () => {
    const a = await addPartner(t);
    const b = await addPartner(t);
    tokenA = sessionFor(t, a.id);
    tokenB = sessionFor(t, b.id);
    const shop = await addDestination(t, { name: 'Shop, "the" one', url: 'https://shop.example/' });
    const gear = await addDestination(t, { name: '=HYPERLINK("https://evil.example")', url: 'https://shop.example/gear' });
    linkA1 = await makeLink(t, tokenA, { destinationId: shop.id, campaign: 'news' });
    linkA2 = await makeLink(t, tokenA, { destinationId: gear.id });
    linkB = await makeLink(t, tokenB, { destinationId: shop.id });
    // Jan 15: A1 ×3, A2 ×1, B ×2; Jan 16: A1 ×1; Jan 18: A2 ×2 (distinct visitors each).
    let visitor = 0;
    const clicks = async (link: TrackedLink, n: number) => {
      for (let i = 0; i < n; i++) await click(t, link.slug, `192.0.2.${++visitor}`);
    };
    await clicks(linkA1, 3);
    await clicks(linkA2, 1);
    await clicks(linkB, 2);
    t.clock.advance(DAY);
    await clicks(linkA1, 1);
    t.clock.advance(2 * DAY);
    await clicks(linkA2, 2);
    // Not flushed on purpose: the report flushes buffered clicks itself.
    // New sessions: three days have passed, the first ones are idle-expired.
    tokenA = sessionFor(t, a.id);
    tokenB = sessionFor(t, b.id);
  });

  const report = async (token: string, query: string) => {
    const res = await call(t.app, 'GET', `/partner/reports/clicks${query}`, { token });
    assert.equal(res.status, 200, res.text);
    return ClickPage.parse(res.json);
  };

  it('counts clicks per link and day, newest day first, for the partner only', async () => {
    const page = await report(tokenA, '');
    assert.deepEqual(
      page.rows.map((r) => [r.day, r.slug, r.clicks]),
      [
        ['2030-01-18', linkA2.slug, 2],
        ['2030-01-16', linkA1.slug, 1],
        ['2030-01-15', linkA2.slug, 1],
        ['2030-01-15', linkA1.slug, 3],
      ],
    );
    assert.equal(page.nextCursor, null);
    assert.deepEqual(page.rows[3], { day: '2030-01-15', linkId: linkA1.id, slug: linkA1.slug, destinationName: 'Shop, "the" one', campaign: 'news', clicks: 3 });
    const b = await report(tokenB, '');
    assert.deepEqual(
      b.rows.map((r) => [r.day, r.slug, r.clicks]),
      [['2030-01-15', linkB.slug, 2]],
    );
  });

  it('filters by date range, inclusive', async () => {
    const page = await report(tokenA, '?from=2030-01-16&to=2030-01-17');
    assert.deepEqual(
      page.rows.map((r) => [r.day, r.slug]),
      [['2030-01-16', linkA1.slug]],
    );
    assert.equal((await report(tokenA, '?from=2030-01-19')).rows.length, 0);
    assert.equal((await report(tokenA, '?to=2030-01-15')).rows.length, 2);
  });

  it('pages with a keyset cursor, each row exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: ClickPage = await report(tokenA, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.rows.map((r) => `${r.day}/${r.slug}`));
      cursor = page.nextCursor;
      pages += 1;
    }
    assert.equal(pages, 4);
    assert.deepEqual(seen, [`2030-01-18/${linkA2.slug}`, `2030-01-16/${linkA1.slug}`, `2030-01-15/${linkA2.slug}`, `2030-01-15/${linkA1.slug}`]);
  });

  it('refuses a bad range, cursor or limit', async () => {
    for (const query of ['?from=2030-01-20&to=2030-01-10', '?cursor=garbage', '?limit=0', '?limit=500', '?from=yesterday', '?other=1']) {
      assertError(await call(t.app, 'GET', `/partner/reports/clicks${query}`, { token: tokenA }), 400, 'invalid_request');
    }
  });

  it('exports the same rows as CSV, streamed, as a download', async () => {
    const res = await t.app.request('/api/partner/reports/clicks.csv?from=2030-01-15&to=2030-01-16', { headers: { Authorization: `Bearer ${tokenA}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('Content-Disposition') ?? '', /^attachment; filename="clicks_2030-01-15_2030-01-16\.csv"$/);
    assert.ok(res.body instanceof ReadableStream, 'a stream, not a buffered string');
    const text = await res.text();
    assert.equal(
      text,
      [
        'day,link_id,slug,destination,campaign,clicks',
        `2030-01-16,${linkA1.id},${linkA1.slug},"Shop, ""the"" one",news,1`,
        `2030-01-15,${linkA2.id},${linkA2.slug},"'=HYPERLINK(""https://evil.example"")",,1`,
        `2030-01-15,${linkA1.id},${linkA1.slug},"Shop, ""the"" one",news,3`,
        '',
      ].join('\r\n'),
    );
    const b = await (await t.app.request('/api/partner/reports/clicks.csv', { headers: { Authorization: `Bearer ${tokenB}` } })).text();
    assert.equal(b, `day,link_id,slug,destination,campaign,clicks\r\n2030-01-15,${linkB.id},${linkB.slug},"Shop, ""the"" one",,2\r\n`);
    assertError(await call(t.app, 'GET', '/partner/reports/clicks.csv?from=2030-02-01&to=2030-01-01', { token: tokenA }), 400, 'invalid_request');
  });

  it('exports more rows than one page, in order', async () => {
    // 1,200 (day, link) rows straight into the per-day counts, to cross the 1,000-row page size.
    const partner = await addPartner(t);
    const token = sessionFor(t, partner.id);
    const dest = await addDestination(t, { name: 'Bulk', url: 'https://bulk.example/' });
    const links: TrackedLink[] = [];
    for (let i = 0; i < 4; i++) links.push(await makeLink(t, token, { destinationId: dest.id }));
    const insert = t.db.prepare('INSERT INTO click_days (partner_id, day, link_id, clicks) VALUES (?, ?, ?, ?)');
    t.db.transaction(() => {
      for (let d = 0; d < 300; d++) {
        const day = new Date(start - d * DAY).toISOString().slice(0, 10);
        for (const link of links) insert.run(partner.id, day, link.id, d + 1);
      }
    })();
    const text = await (await t.app.request('/api/partner/reports/clicks.csv', { headers: { Authorization: `Bearer ${token}` } })).text();
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 1200);
    const days = lines.slice(1).map((l) => l.split(',')[0]!);
    assert.deepEqual(days, [...days].sort().reverse());
    assert.equal(new Set(lines).size, lines.length);
  });
});
