import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, defaultStaticRoots, expandDemoPage, staticSite } from '../src/static.ts';
import { assertError, call, makeApp } from './helpers.ts';

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-static-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const demoDir = join(dir, 'demo');
  const elementsDir = join(dir, 'dist');
  const site = makeApp({}, { site: staticSite({ demoDir, elementsDir }) });
  mkdirSync(join(demoDir, 'assets'), { recursive: true });
  mkdirSync(join(demoDir, 'partials'), { recursive: true });
  writeFileSync(join(demoDir, 'index.html'), '<!doctype html><title>Shop</title>');
  writeFileSync(join(demoDir, 'partners.html'), '<!doctype html><title>Partners</title>');
  writeFileSync(join(demoDir, 'assets', 'site.css'), 'body{}');

  it('serves the demo site with a strict CSP', async () => {
    for (const [path, type] of [
      ['/', 'text/html'],
      ['/partners.html', 'text/html'],
      ['/assets/site.css', 'text/css'],
    ] as const) {
      const res = await site.app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('Content-Type') ?? '', new RegExp(type));
      assert.equal(res.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(res.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
    }
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self';/);
    assert.equal((await site.app.request('/missing.html')).status, 404);
    assert.equal((await site.app.request('/../package.json')).status, 404);
    assert.equal((await site.app.request('/%2e%2e/package.json')).status, 404);
  });

  it('puts the shared header and footer in place, the current section marked, and serves no partial alone', async () => {
    writeFileSync(
      join(demoDir, 'partials', 'header.html'),
      '<nav><a href="/shop.html" data-nav="shop">Shop</a> <a href="/join.html" data-nav="partners">Partners</a> <a href="/about.html">About</a></nav>\n',
    );
    writeFileSync(join(demoDir, 'partials', 'footer.html'), '<footer>© <!-- year --> Shop</footer>');
    writeFileSync(join(demoDir, 'join.html'), '<body><!-- include: header nav=partners --><main>Join</main><!-- include: footer --></body>');
    writeFileSync(join(demoDir, 'signin.html'), '<body><!-- include: header nav=partners --></body>');

    const page = await site.app.request('/join.html');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
    assert.equal(
      await page.text(),
      `<body><nav><a href="/shop.html">Shop</a> <a href="/join.html" aria-current="page">Partners</a> <a href="/about.html">About</a></nav><main>Join</main><footer>© ${new Date().getFullYear()} Shop</footer></body>`,
    );
    // Another page of the same section: its link is current, but it is not this page.
    assert.match(await (await site.app.request('/signin.html')).text(), /<a href="\/join.html" aria-current="true">Partners<\/a>/);
    assert.equal((await site.app.request('/join.html', { method: 'HEAD' })).status, 200);
    assert.equal((await site.app.request('/partials/header.html')).status, 404);
  });

  it('fails loudly on a page that names a partial that does not exist', () => {
    const read = (name: string): string => {
      if (name === 'header') return '<header></header>';
      throw new Error(`no partial ${name}`);
    };
    assert.throws(() => expandDemoPage('<!-- include: heder -->', read, '/a.html'), /no partial heder/);
    assert.equal(expandDemoPage('<p>©<!-- year --></p><!-- include: header -->', read, '/a.html', 2031), '<p>©2031</p><header></header>');
  });

  it('explains a missing elements bundle, then serves it once built', async () => {
    let res = await site.app.request('/rp/rp-elements.js');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /npm run build/);
    mkdirSync(elementsDir, { recursive: true });
    writeFileSync(join(elementsDir, 'rp-elements.js'), 'export {};');
    res = await site.app.request('/rp/rp-elements.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /javascript/);
    assert.equal(await res.text(), 'export {};');
    res = await site.app.request('/rp/nothing.js');
    assert.equal(res.status, 404);
    assert.doesNotMatch(await res.text(), /npm run build/);
  });

  it('is asked only for what no route answers: nothing of it runs on the redirect', async () => {
    const res = await site.app.request('/r/no-such-link');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /This link does not exist/);
    assert.equal(res.headers.get('Content-Security-Policy'), null, 'the redirect answers alone');
    assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer');
    const nested = await site.app.request('/r/a/b');
    assert.equal(nested.status, 404);
    assert.equal(nested.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY, 'no route: the site says not found');
  });

  it('keeps /api answers JSON, never files', async () => {
    const res = await call(site.app, 'GET', '/nope');
    assertError(res, 404, 'not_found');
    assert.equal((await call(site.app, 'GET', '/center')).status, 200);
  });
});

describe('the demo site as served', () => {
  const site = makeApp({}, { site: staticSite(defaultStaticRoots) });
  const pages = readdirSync(defaultStaticRoots.demoDir).filter((name) => name.endsWith('.html'));

  it('has its header and footer once, in demo/partials, with one current section per page', async () => {
    assert.ok(pages.length >= 8, pages.join(', '));
    for (const name of pages) {
      const source = readFileSync(join(defaultStaticRoots.demoDir, name), 'utf8');
      assert.doesNotMatch(source, /class="site-(header|footer)"/, `${name} repeats the shared header or footer`);
      const served = await (await site.app.request(`/${name}`)).text();
      assert.doesNotMatch(served, /<!--\s*(include|year)|data-nav=/, `${name}: every marker expanded`);
      assert.match(served, new RegExp(`© ${new Date().getFullYear()} Harbor`), `${name}: this year in the footer`);
      if (name === 'back-office.html') continue; // its own admin chrome
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(served)?.[0] ?? '';
      assert.equal(nav.match(/aria-current=/g)?.length, 1, `${name}: one current item in the main nav`);
      assert.match(served, /<footer class="site-footer">/, name);
    }
  });
});
