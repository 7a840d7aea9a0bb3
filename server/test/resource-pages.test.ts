import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminResourcePage, AdminResourcePageList, ResourcePage, ResourcePageList } from '@rp/contract';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp({ RP_PUBLIC_URL: 'https://partners.example.com' });
let token: string;

before(async () => {
  const partner = await addPartner(t);
  token = sessionFor(t, partner.id);
});

const admin = (method: string, path: string, body?: unknown) => call(t.app, method, `/admin${path}`, { token: ADMIN_KEY, body });
const count = () => (t.db.prepare('SELECT COUNT(*) AS n FROM resource_pages').get() as { n: number }).n;

describe('resource pages', () => {
  it('stores HTML sanitized on write and answers what was kept', async () => {
    const res = await admin('POST', '/resource-pages', {
      title: 'Brand guidelines',
      slug: 'brand-guidelines',
      html: '<h2 style="color:red" onclick="x()">Name</h2><script>alert(1)</script><p><a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">ok</a></p>',
      published: true,
    });
    assert.equal(res.status, 201, res.text);
    const page = AdminResourcePage.parse(res.json);
    const expected = '<h2>Name</h2><p><a rel="noopener noreferrer">bad</a> <a href="https://ok.example/" rel="noopener noreferrer">ok</a></p>';
    assert.equal(page.html, expected);
    const stored = t.db.prepare('SELECT html FROM resource_pages WHERE id = ?').get(page.id) as { html: string };
    assert.equal(stored.html, expected, 'the database holds only the sanitized HTML');
  });

  it('lists only published pages to partners, in order, without HTML; serves one by slug', async () => {
    const draft = AdminResourcePage.parse((await admin('POST', '/resource-pages', { title: 'Draft', slug: 'draft', html: '<p>soon</p>' })).json);
    assert.equal(draft.published, false);
    const first = AdminResourcePage.parse(
      (
        await admin('POST', '/resource-pages', {
          title: 'Talking about coffee',
          slug: 'talking-about-coffee',
          html: '<p>Hi</p><img src="/media/0123456789abcdef0123456789abcdef.png" alt="Logo">',
          published: true,
          position: 0,
        })
      ).json,
    );
    await admin('PATCH', `/resource-pages/${first.id}`, { position: 0 });
    await admin('PATCH', '/resource-pages/1', { position: 5 });

    const list = await call(t.app, 'GET', '/partner/resource-pages', { token });
    assert.equal(list.status, 200, list.text);
    const { pages } = ResourcePageList.parse(list.json);
    assert.deepEqual(pages.map((p) => p.slug), ['talking-about-coffee', 'brand-guidelines']);

    const one = await call(t.app, 'GET', '/partner/resource-pages/talking-about-coffee', { token });
    assert.equal(one.status, 200, one.text);
    const page = ResourcePage.parse(one.json);
    assert.equal(
      page.html,
      '<p>Hi</p><img src="https://partners.example.com/media/0123456789abcdef0123456789abcdef.png" alt="Logo" />',
      'our own images are made absolute on the public URL',
    );
    assertError(await call(t.app, 'GET', '/partner/resource-pages/draft', { token }), 404, 'not_found');
    assertError(await call(t.app, 'GET', '/partner/resource-pages/nope', { token }), 404, 'not_found');
    assertError(await call(t.app, 'GET', '/partner/resource-pages/Bad%20Slug', { token }), 400, 'invalid_request');
  });

  it('updates, sanitizing new HTML, and deletes', async () => {
    const created = AdminResourcePage.parse((await admin('POST', '/resource-pages', { title: 'Temp', slug: 'temp', html: '<p>a</p>' })).json);
    const updated = await admin('PATCH', `/resource-pages/${created.id}`, { html: '<p onmouseover="x()">b</p><iframe src="https://evil.example"></iframe>', published: true });
    assert.equal(updated.status, 200, updated.text);
    const page = AdminResourcePage.parse(updated.json);
    assert.equal(page.html, '<p>b</p>');
    assert.equal(page.published, true);
    assert.equal(page.title, 'Temp');
    const listed = AdminResourcePageList.parse((await admin('GET', '/resource-pages')).json);
    assert.ok(listed.pages.some((p) => p.slug === 'temp'));

    const deleted = await admin('DELETE', `/resource-pages/${created.id}`);
    assert.equal(deleted.status, 204);
    assertError(await admin('DELETE', `/resource-pages/${created.id}`), 404, 'not_found');
    assertError(await admin('PATCH', `/resource-pages/${created.id}`, { title: 'x' }), 404, 'not_found');
    assertError(await call(t.app, 'GET', '/partner/resource-pages/temp', { token }), 404, 'not_found');
  });

  it('refuses a slug already in use with 409, on create and on update', async () => {
    const before = count();
    const error = assertError(await admin('POST', '/resource-pages', { title: 'Again', slug: 'brand-guidelines', html: '' }), 409, 'conflict');
    assert.ok(error.fields?.['slug']);
    assert.equal(count(), before);
    const other = AdminResourcePage.parse((await admin('POST', '/resource-pages', { title: 'Other', slug: 'other', html: '' })).json);
    assertError(await admin('PATCH', `/resource-pages/${other.id}`, { slug: 'brand-guidelines' }), 409, 'conflict');
  });

  it('answers malformed input with 400 and writes nothing', async () => {
    const before = count();
    for (const body of [
      {},
      { title: '', slug: 'x', html: '' },
      { title: 'x', slug: 'Not A Slug', html: '' },
      { title: 'x', slug: 'x', html: 42 },
      { title: 'x', slug: 'x', html: '', extra: 1 },
      { title: 'x', slug: 'x', html: 'a'.repeat(100_001) },
      [],
      null,
    ]) {
      if (JSON.stringify(body).length > 16_000) {
        assertError(await admin('POST', '/resource-pages', body), 413, 'payload_too_large');
      } else {
        assertError(await admin('POST', '/resource-pages', body), 400, 'invalid_request');
      }
    }
    assertError(await call(t.app, 'POST', '/admin/resource-pages', { token: ADMIN_KEY, rawBody: '{"title":', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    assertError(await admin('PATCH', '/resource-pages/abc', { title: 'x' }), 400, 'invalid_request');
    assertError(await admin('PATCH', '/resource-pages/1', { published: 'yes' }), 400, 'invalid_request');
    assert.equal(count(), before);
  });

  it('admin routes refuse partner tokens; partner routes refuse the admin key', async () => {
    assertError(await call(t.app, 'GET', '/admin/resource-pages', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/admin/resource-pages', { token, body: { title: 'x', slug: 'x', html: '' } }), 401, 'unauthorized');
    assertError(await call(t.app, 'DELETE', '/admin/resource-pages/1', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/resource-pages', { token: ADMIN_KEY }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/resource-pages'), 401, 'unauthorized');
  });
});
