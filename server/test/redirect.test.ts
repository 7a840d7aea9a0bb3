import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { AdminDestination, TrackedLink } from '@rp/contract';
import { ConfigError, loadConfig } from '../src/config.ts';
import { classifyUserAgent, ClickRecorder, isBot, REPEAT_WINDOW_MS, uaClass, visitorHasher } from '../src/domain/clicks.ts';
import { createProgram } from '../src/domain/programs.ts';
import { ADMIN_KEY, addPartner, call, makeApp, sessionFor, type TestContext } from './helpers.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const HEADLESS = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36';

interface Fixture {
  t: TestContext;
  partner: { id: number };
  token: string;
  destination: AdminDestination;
  link: TrackedLink;
}

/** An app with a destination and one link to it (target `https://shop.example/coffee?size=large&utm_campaign=spring`). */
async function fixture(env: Record<string, string> = {}, t = makeApp({ RP_TRUST_PROXY: 'true', ...env })): Promise<Fixture> {
  const partner = await addPartner(t);
  const token = sessionFor(t, partner.id);
  const dRes = await call(t.app, 'POST', '/admin/destinations', { token: ADMIN_KEY, body: { name: 'Shop', url: 'https://shop.example/' } });
  const destination = AdminDestination.parse(dRes.json);
  const lRes = await call(t.app, 'POST', '/partner/links', {
    token,
    body: { destinationId: destination.id, path: '/coffee?size=large', campaign: 'spring' },
  });
  assert.equal(lRes.status, 201, lRes.text);
  return { t, partner, token, destination, link: TrackedLink.parse(lRes.json) };
}

function visit(t: TestContext, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return t.app.request(path, { method, headers: { 'User-Agent': CHROME, 'X-Forwarded-For': '203.0.113.7', ...headers } });
}

/** Poll (without flushing) until `done()` holds, for at most 5 s. */
async function until(done: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!done()) {
    assert.ok(Date.now() < deadline, `timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const clickRows = (t: TestContext) => t.db.prepare('SELECT * FROM clicks ORDER BY id').all() as Array<Record<string, unknown>>;
const clickCount = (t: TestContext, linkId: number) =>
  (t.db.prepare('SELECT click_count FROM links WHERE id = ?').get(linkId) as { click_count: number }).click_count;

describe('GET /r/:slug', () => {
  const shared = makeApp({ RP_TRUST_PROXY: 'true' }); // made here: an app made inside before() would close with it
  let f: Fixture;
  before(async () => {
    f = await fixture({}, shared);
  });

  it('302s to exactly the stored target plus rp_click, whatever the visitor sends', async () => {
    const res = await visit(f.t, `/r/${f.link.slug}?rp_click=forged&next=https://evil.example&url=//evil.example`, {
      Host: 'evil.example',
      'X-Forwarded-Host': 'evil.example',
      Referer: 'https://blog.example/posts/42?secret=1',
    });
    assert.equal(res.status, 302);
    const location = res.headers.get('Location')!;
    const match = /^https:\/\/shop\.example\/coffee\?size=large&utm_campaign=spring&rp_click=([A-Za-z0-9_-]{21})$/.exec(location);
    assert.ok(match, location);
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal(res.headers.get('Set-Cookie'), null, 'no cookie without RP_COOKIE_DOMAIN');
    assert.equal(await res.text(), '');

    f.t.clicks.flush();
    const row = clickRows(f.t).find((r) => r['public_id'] === match[1]);
    assert.ok(row, 'the click id in the Location is the recorded click');
    assert.equal(row['link_id'], f.link.id);
    assert.equal(row['partner_id'], f.partner.id);
    assert.equal(row['referrer_host'], 'blog.example');
    assert.equal(row['ua_class'], 'desktop');
    assert.equal(row['created_at'], f.t.clock.now());
  });

  it('answers a plain-text 404, never a redirect, for unknown, malformed or disabled links', async () => {
    const other = await call(f.t.app, 'POST', '/partner/links', { token: f.token, body: { destinationId: f.destination.id } });
    const disabled = TrackedLink.parse(other.json);
    f.t.db.prepare('UPDATE links SET disabled_at = ? WHERE id = ?').run(f.t.clock.now(), disabled.id);
    for (const path of ['/r/AAAAAAAA', '/r/short', '/r/..%2F..%2Fapi', `/r/${f.link.slug}x`, '/r/%2F%2Fevil.com', `/r/${disabled.slug}`, '/r/']) {
      const res = await visit(f.t, path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('Location'), null, path);
      assert.match(res.headers.get('Content-Type') ?? '', /^text\/plain/, path);
      assert.match(await res.text(), /not found|does not exist/i, path);
    }
  });

  it('stops redirecting when the merchant withdraws the destination', async () => {
    const g = await fixture();
    await call(g.t.app, 'PATCH', `/admin/destinations/${g.destination.id}`, { token: ADMIN_KEY, body: { active: false } });
    const res = await visit(g.t, `/r/${g.link.slug}`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Location'), null);
  });

  it('redirects bots, previews and HEAD requests without a click id and does not count them', async () => {
    const g = await fixture();
    const bots = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'TelegramBot (like TwitterBot)',
      'curl/8.5.0',
      'Wget/1.21.4',
      'python-requests/2.31.0',
      '',
      '   ',
    ];
    for (const ua of bots) {
      const res = await visit(g.t, `/r/${g.link.slug}`, { 'User-Agent': ua });
      assert.equal(res.status, 302, ua);
      assert.equal(res.headers.get('Location'), g.link.targetUrl, ua);
    }
    const head = await visit(g.t, `/r/${g.link.slug}`, {}, 'HEAD');
    assert.equal(head.status, 302);
    assert.equal(head.headers.get('Location'), g.link.targetUrl);
    assert.equal(g.t.clicks.pending, 0);
    g.t.clicks.flush();
    assert.equal(clickRows(g.t).length, 0);
    assert.equal(clickCount(g.t, g.link.id), 0);

    // Headless Chrome is a browser (it is what end-to-end tests drive): counted.
    const headless = await visit(g.t, `/r/${g.link.slug}`, { 'User-Agent': HEADLESS });
    assert.match(headless.headers.get('Location') ?? '', /rp_click=/);
  });

  it('counts a repeat click by one visitor within 30 minutes once, reusing its id, and again after', async () => {
    const g = await fixture();
    const idOf = async (headers: Record<string, string> = {}) => {
      const res = await visit(g.t, `/r/${g.link.slug}`, headers);
      return new URL(res.headers.get('Location')!).searchParams.get('rp_click');
    };
    const first = await idOf();
    g.t.clock.advance(10 * 60_000);
    assert.equal(await idOf(), first, 'same visitor, 10 minutes later');
    g.t.clicks.flush();
    g.t.clock.advance(19 * 60_000);
    assert.equal(await idOf(), first, 'same visitor, 29 minutes after the first click, after a flush');
    const otherVisitor = await idOf({ 'X-Forwarded-For': '198.51.100.9' });
    const otherBrowser = await idOf({ 'User-Agent': IPHONE });
    assert.notEqual(otherVisitor, first);
    assert.notEqual(otherBrowser, first);
    g.t.clock.advance(REPEAT_WINDOW_MS - 29 * 60_000 + 1);
    const later = await idOf();
    assert.ok(later && later !== first, 'counted again once the window has passed');
    g.t.clicks.flush();
    assert.equal(clickCount(g.t, g.link.id), 4);
    assert.equal(clickRows(g.t).length, 4);
  });

  it('remembers repeat clicks across a restart, from the table', async () => {
    const g = await fixture();
    const first = new URL((await visit(g.t, `/r/${g.link.slug}`)).headers.get('Location')!).searchParams.get('rp_click');
    g.t.clicks.flush();
    // A second recorder over the same database: what a restarted server starts with.
    const fresh = new ClickRecorder(g.t.db);
    const row = g.t.db.prepare('SELECT visitor_hash FROM clicks').get() as { visitor_hash: Buffer };
    const visitorHash = row.visitor_hash.toString('latin1');
    assert.equal(fresh.repeatOf(g.link.id, visitorHash, g.t.clock.now() + 60_000), first);
    assert.equal(fresh.repeatOf(g.link.id, visitorHash, g.t.clock.now() + REPEAT_WINDOW_MS + 1), null);
    fresh.close();
  });

  it('writes clicks in batches: buffered until flush, on the timer, or at 2000', async () => {
    const g = await fixture();
    const distinct = (i: number) => ({ 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` });
    await visit(g.t, `/r/${g.link.slug}`, distinct(1));
    await visit(g.t, `/r/${g.link.slug}`, distinct(2));
    assert.equal(g.t.clicks.pending, 2);
    assert.equal(clickRows(g.t).length, 0, 'not written yet');
    assert.equal(clickCount(g.t, g.link.id), 0);
    assert.equal(g.t.clicks.flush(), 2);
    assert.equal(clickRows(g.t).length, 2);
    assert.equal(clickCount(g.t, g.link.id), 2, 'click_count bumped in the same batch');
    assert.equal(g.t.clicks.flush(), 0);

    await visit(g.t, `/r/${g.link.slug}`, distinct(3));
    assert.equal(g.t.clicks.pending, 1);
    // Batches are written by the worker thread: no flush here, the count gets there by itself.
    await until(() => clickCount(g.t, g.link.id) === 3, 'the timer posted it and the worker wrote it');
    assert.equal(g.t.clicks.pending, 0, 'the timer posted it');

    for (let i = 10; i < 2010; i++) await visit(g.t, `/r/${g.link.slug}`, distinct(i));
    assert.equal(g.t.clicks.pending, 0, 'a full batch is posted at once');
    await until(() => clickCount(g.t, g.link.id) === 2003, 'the worker wrote the full batch');
    const days = g.t.db.prepare('SELECT day, clicks FROM click_days WHERE link_id = ?').all(g.link.id);
    assert.deepEqual(days, [{ day: '2030-01-15', clicks: 2003 }]);
  });

  it('keeps no raw address: a keyed hash of address and user agent, the referrer host, a device class', async () => {
    const g = await fixture();
    const address = '203.0.113.77';
    await visit(g.t, `/r/${g.link.slug}`, { 'X-Forwarded-For': `${address}, 10.0.0.1`, 'User-Agent': IPHONE, Referer: 'android-app://com.slack/' });
    g.t.clicks.flush();
    const [row] = clickRows(g.t);
    assert.ok(row);
    for (const [column, value] of Object.entries(row)) {
      const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
      assert.ok(!text.includes(address) && !text.includes('203.0.113'), `${column} holds the address`);
      assert.ok(!text.includes('iPhone'), `${column} holds the user agent`);
    }
    const { value: secret } = g.t.db.prepare("SELECT value FROM server_secrets WHERE name = 'visitor_hash'").get() as { value: Buffer };
    assert.equal(secret.length, 32);
    const expected = createHmac('sha256', secret).update(address).update('\n').update(IPHONE).digest();
    assert.deepEqual(row['visitor_hash'], expected);
    assert.equal(row['ua_class'], 'mobile');
    assert.equal(row['referrer_host'], '', 'not an http(s) referrer');
  });

  it('does not credit a suspended partner, but still sends the visitor on', async () => {
    const g = await fixture();
    g.t.db.prepare("UPDATE partners SET status = 'suspended' WHERE id = ?").run(g.partner.id);
    const res = await visit(g.t, `/r/${g.link.slug}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('Location'), g.link.targetUrl);
    assert.equal(g.t.clicks.pending, 0);
  });

  it('stops redirecting at once once a cached link is disabled, its destination deactivated or its partner suspended', async () => {
    const g = await fixture();
    const counted = async () => {
      const res = await visit(g.t, `/r/${g.link.slug}`, { 'X-Forwarded-For': `192.0.2.${(visits += 1)}` });
      return res.status === 404 ? 'not found' : /rp_click=/.test(res.headers.get('Location') ?? '') ? 'counted' : 'not counted';
    };
    let visits = 0;
    assert.equal(await counted(), 'counted'); // the lookup is now cached
    g.t.db.prepare("UPDATE partners SET status = 'suspended' WHERE id = ?").run(g.partner.id);
    assert.equal(await counted(), 'not counted');
    g.t.db.prepare("UPDATE partners SET status = 'active' WHERE id = ?").run(g.partner.id);
    assert.equal(await counted(), 'counted');
    const off = await call(g.t.app, 'PATCH', `/admin/destinations/${g.destination.id}`, { token: ADMIN_KEY, body: { active: false } });
    assert.equal(off.status, 200, off.text);
    assert.equal(await counted(), 'not found');
    const on = await call(g.t.app, 'PATCH', `/admin/destinations/${g.destination.id}`, { token: ADMIN_KEY, body: { active: true } });
    assert.equal(on.status, 200, on.text);
    assert.equal(await counted(), 'counted');
    g.t.db.prepare('UPDATE links SET disabled_at = ? WHERE id = ?').run(g.t.clock.now(), g.link.id);
    assert.equal(await counted(), 'not found');
  });

  it('is not under /api: no CORS, no JSON', async () => {
    const res = await visit(f.t, `/r/${f.link.slug}`, { Origin: 'https://evil.example' });
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal((await visit(f.t, '/api/r/AAAAAAAA')).status, 404);
  });
});

describe('attribution cookie', () => {
  it('is set for the configured parent domain, lasting the longest active attribution window', async () => {
    const f = await fixture({ RP_PUBLIC_URL: 'https://partners.example.com', RP_COOKIE_DOMAIN: '.example.com' });
    const program = (days: number) =>
      createProgram(f.t.db, { name: `P${days}`, description: '', currency: 'USD', attributionWindowDays: days, holdDays: 0, rules: [] }, f.t.clock.now());
    program(30);
    program(90);
    f.t.db.prepare('UPDATE programs SET archived_at = 1 WHERE id = ?').run(program(365));
    const res = await visit(f.t, `/r/${f.link.slug}`);
    const id = new URL(res.headers.get('Location')!).searchParams.get('rp_click');
    assert.equal(res.headers.get('Set-Cookie'), `rp_click=${id}; Domain=example.com; Path=/; Max-Age=${90 * 86_400}; Secure; SameSite=Lax`);
    assert.equal(f.link.url, `https://partners.example.com/r/${f.link.slug}`);

    const bot = await visit(f.t, `/r/${f.link.slug}`, { 'User-Agent': 'Twitterbot/1.0' });
    assert.equal(bot.headers.get('Set-Cookie'), null, 'no cookie without a click id');
  });

  it('is not Secure on a plain-http public URL, and defaults to 30 days without programs', async () => {
    const f = await fixture({ RP_PUBLIC_URL: 'http://r.shop.test:8080', RP_COOKIE_DOMAIN: 'shop.test' });
    const res = await visit(f.t, `/r/${f.link.slug}`);
    assert.match(res.headers.get('Set-Cookie') ?? '', /^rp_click=[A-Za-z0-9_-]{21}; Domain=shop\.test; Path=\/; Max-Age=2592000; SameSite=Lax$/);
  });
});

describe('tracking configuration', () => {
  const KEY = 'a-long-enough-admin-key';
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ RP_ADMIN_KEY: KEY, ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('reads RP_PUBLIC_URL and RP_COOKIE_DOMAIN', () => {
    assert.equal(loadConfig({ RP_ADMIN_KEY: KEY, PORT: '9000' }).publicUrl, 'http://localhost:9000');
    const config = loadConfig({ RP_ADMIN_KEY: KEY, RP_PUBLIC_URL: 'https://Partners.Example.com/', RP_COOKIE_DOMAIN: '.Example.com' });
    assert.equal(config.publicUrl, 'https://partners.example.com');
    assert.equal(config.cookieDomain, 'example.com');
    assert.equal(loadConfig({ RP_ADMIN_KEY: KEY }).cookieDomain, null);
  });

  it('refuses a public URL with a path and a cookie domain browsers would refuse', () => {
    assert.match(problems({ RP_PUBLIC_URL: 'https://partners.example.com/app' })[0] ?? '', /^RP_PUBLIC_URL: /);
    assert.match(problems({ RP_PUBLIC_URL: 'partners.example.com' })[0] ?? '', /^RP_PUBLIC_URL: /);
    assert.match(problems({ RP_COOKIE_DOMAIN: 'not a domain' })[0] ?? '', /^RP_COOKIE_DOMAIN: /);
    assert.match(problems({ RP_COOKIE_DOMAIN: 'example.com; Path=/x' })[0] ?? '', /^RP_COOKIE_DOMAIN: /);
    assert.match(problems({ RP_PUBLIC_URL: 'https://partners.example.com', RP_COOKIE_DOMAIN: '.other.com' })[0] ?? '', /^RP_COOKIE_DOMAIN: .*parent/);
    assert.match(problems({ RP_PUBLIC_URL: 'https://partners.notexample.com', RP_COOKIE_DOMAIN: 'example.com' })[0] ?? '', /^RP_COOKIE_DOMAIN: /);
  });
});

describe('user agents', () => {
  it('classes devices coarsely', () => {
    assert.equal(uaClass(CHROME), 'desktop');
    assert.equal(uaClass('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15'), 'desktop');
    assert.equal(uaClass(IPHONE), 'mobile');
    assert.equal(uaClass('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36'), 'mobile');
    assert.equal(uaClass(IPAD), 'tablet');
    assert.equal(uaClass('Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 Chrome/124.0 Safari/537.36'), 'tablet');
    assert.equal(uaClass('SomeTV/1.0'), 'other');
  });

  it('tells bots from browsers', () => {
    for (const ua of [CHROME, IPHONE, IPAD, HEADLESS]) assert.equal(isBot(ua), false, ua);
    for (const ua of ['Googlebot/2.1', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)', 'Slack-ImgProxy', 'Discordbot/2.0', 'TelegramBot', 'Go-http-client/1.1', 'CURL/8.5', 'WhatsApp/2.23', '', '  '])
      assert.equal(isBot(ua), true, ua);
  });

  it('answers both at once as the redirect asks', () => {
    for (const ua of [CHROME, IPHONE, IPAD, HEADLESS, 'SomeTV/1.0', 'Googlebot/2.1', 'CURL/8.5', '', 'Mozilla/5.0 (iPad; Tablet) DuckDuckBot'])
      assert.equal(classifyUserAgent(ua), isBot(ua) ? 'bot' : uaClass(ua), ua);
  });
});

describe('visitor hash', () => {
  it('is HMAC-SHA256 of address and user agent under the secret (as a latin1 string), for any length and any characters', () => {
    const hmac = (secret: Buffer, message: string) => createHmac('sha256', secret).update(message).digest();
    for (const secret of [Buffer.alloc(32, 7), Buffer.alloc(64, 1), Buffer.alloc(100, 3), Buffer.alloc(0)]) {
      const hash = visitorHasher(secret);
      // A user agent longer than the prepared buffer, then short ones again (nothing of the long one may linger).
      for (const ua of [CHROME, 'x'.repeat(5000), IPHONE, 'é ü \u00ff ☕ 🦊', '☕'.repeat(400), ''])
        for (const address of ['203.0.113.7', '2001:db8::1', '']) assert.deepEqual(Buffer.from(hash(address, ua), 'latin1'), hmac(secret, `${address}\n${ua}`), `${secret.length} ${ua.slice(0, 20)}`);
    }
  });
});
