import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { AdminBanner, AdminBannerList, BannerList, MediaUpload, ResourcePageList, EmailCopyList } from '@rp/contract';
import { inspectImage, mediaDir } from '../src/domain/media.ts';
import { makePng } from '../src/seed/resources.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor, signIn, type TestContext } from './helpers.ts';

const t = makeApp({ RP_PUBLIC_URL: 'https://partners.example.com' });
const admin = (method: string, path: string, body?: unknown) => call(t.app, method, `/admin${path}`, { token: ADMIN_KEY, body });
const files = (ctx: TestContext = t) => (existsSync(mediaDir(ctx.config)) ? readdirSync(mediaDir(ctx.config)) : []);

async function upload(body: BodyInit | Uint8Array, contentType: string | null, token = ADMIN_KEY) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const res = await t.app.request('/api/admin/media', { method: 'POST', headers, body: body as BodyInit });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'); // 1×1
/** A JPEG header: SOI, an APP0 segment, then a baseline frame of 640×480. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'binary'),
  Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]),
  Buffer.from([0xff, 0xd9]),
]);
/** A lossless WebP header of 300×250. */
function webp(width: number, height: number) {
  const bits = (width - 1) | ((height - 1) << 14);
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8L', 8, 'ascii');
  b.writeUInt32LE(10, 16);
  b[20] = 0x2f;
  b.writeUInt32LE(bits, 21);
  return b;
}
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';

let destinationId: number;
let image: MediaUpload;
let a: { id: number; token: string };
let b: { id: number; token: string };

before(async () => {
  const dest = await admin('POST', '/destinations', { name: 'Home', url: 'https://shop.example/' });
  destinationId = (dest.json as { id: number }).id;
  const pa = await addPartner(t);
  a = { id: pa.id, token: sessionFor(t, pa.id) };
  const pb = await addPartner(t);
  b = { id: pb.id, token: sessionFor(t, pb.id) };
});

describe('inspectImage', () => {
  it('reads type and size from the bytes', () => {
    assert.deepEqual(inspectImage(makePng(728, 90)), { type: 'image/png', width: 728, height: 90 });
    assert.deepEqual(inspectImage(GIF), { type: 'image/gif', width: 1, height: 1 });
    assert.deepEqual(inspectImage(JPEG), { type: 'image/jpeg', width: 640, height: 480 });
    assert.deepEqual(inspectImage(webp(300, 250)), { type: 'image/webp', width: 300, height: 250 });
    assert.equal(inspectImage(Buffer.from(SVG)), null);
    assert.equal(inspectImage(Buffer.from('<html><script>alert(1)</script></html>')), null);
    assert.equal(inspectImage(makePng(1, 1).subarray(0, 20)), null, 'truncated header');
    const huge = makePng(1, 1);
    huge.writeUInt32BE(20_000, 16);
    assert.equal(inspectImage(huge), null, 'absurd dimensions');
  });
});

describe('media upload', () => {
  it('stores a PNG under a random name and serves it with its type, nosniff and a long cache', async () => {
    const png = makePng(300, 250);
    const res = await upload(new Uint8Array(png), 'image/png');
    assert.equal(res.status, 201, res.text);
    image = MediaUpload.parse(res.json);
    assert.equal(image.contentType, 'image/png');
    assert.deepEqual([image.width, image.height, image.size], [300, 250, png.length]);
    assert.equal(image.url, `https://partners.example.com/media/${image.name}`);
    assert.deepEqual(files(), [image.name]);

    const served = await t.app.request(`/media/${image.name}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Content-Type'), 'image/png');
    assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(served.headers.get('Cache-Control') ?? '', /max-age=31536000/);
    assert.match(served.headers.get('Content-Security-Policy') ?? '', /sandbox/);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
  });

  it('takes bodies above the API default limit (up to 2 MB), raw or multipart, whatever type is declared', async () => {
    const big = Buffer.concat([makePng(10, 10), Buffer.alloc(100 * 1024)]); // trailing bytes after IEND: still a PNG header
    const raw = await upload(new Uint8Array(big), 'application/octet-stream');
    assert.equal(raw.status, 201, raw.text);
    assert.equal(MediaUpload.parse(raw.json).size, big.length);

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(GIF)], { type: 'image/png' }), 'banner.png');
    const multi = await t.app.request('/api/admin/media', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}` }, body: form });
    assert.equal(multi.status, 201, await multi.clone().text());
    const gif = MediaUpload.parse(await multi.json());
    assert.equal(gif.contentType, 'image/gif', 'the real type, not the declared one');
    assert.match(gif.name, /\.gif$/);
    const served = await t.app.request(`/media/${gif.name}`);
    assert.equal(served.headers.get('Content-Type'), 'image/gif');

    assert.equal((await upload(new Uint8Array(JPEG), 'image/jpeg')).status, 201);
    assert.equal((await upload(new Uint8Array(webp(300, 250)), 'image/webp')).status, 201);
    // The larger limit is the upload's alone: other admin bodies still stop at 16 KB.
    assertError(await admin('POST', '/resource-pages', { title: 'x', slug: 'x', html: 'a'.repeat(20_000) }), 413, 'payload_too_large');
  });

  it('refuses the wrong type, too large, empty, and non-admins, writing nothing', async () => {
    const before = files();
    assertError(await upload('<html><script>alert(1)</script></html>', 'image/png'), 415, 'unsupported_media_type');
    assertError(await upload(SVG, 'image/png'), 415, 'unsupported_media_type');
    assertError(await upload(SVG, 'image/svg+xml'), 415, 'unsupported_media_type');
    assertError(await upload(`<?xml version="1.0"?>${SVG}`, 'image/svg+xml'), 415, 'unsupported_media_type');
    assertError(await upload(new Uint8Array(Buffer.from('GIF8' + 'x'.repeat(20))), 'image/gif'), 415, 'unsupported_media_type');
    const tooLarge = Buffer.concat([makePng(10, 10), Buffer.alloc(2 * 1024 * 1024)]);
    assertError(await upload(new Uint8Array(tooLarge), 'image/png'), 413, 'payload_too_large');
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(tooLarge)]), 'big.png');
    const multi = await t.app.request('/api/admin/media', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}` }, body: form });
    assert.equal(multi.status, 413);
    assertError(await upload(new Uint8Array(0), 'image/png'), 400, 'invalid_request');
    assertError(await upload(new Uint8Array(0), null), 400, 'invalid_request');
    const noFile = new FormData();
    noFile.set('other', 'x');
    const missing = await t.app.request('/api/admin/media', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}` }, body: noFile });
    assert.equal(missing.status, 400);
    const broken = await upload('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', 'multipart/form-data; boundary=x');
    assert.ok(broken.status === 400 || broken.status === 415, broken.text);
    assertError(await upload(new Uint8Array(makePng(5, 5)), 'image/png', a.token), 401, 'unauthorized');
    assertError(await upload(new Uint8Array(makePng(5, 5)), 'image/png', 'wrong'), 401, 'unauthorized');
    assert.deepEqual(files(), before);
  });

  it('serves only names it made', async () => {
    for (const path of ['/media/nope.png', '/media/..%2Frp.sqlite', '/media/%2e%2e/rp.sqlite', `/media/${image.name.replace('.png', '.gif')}`, '/media/rp.sqlite']) {
      assert.equal((await t.app.request(path)).status, 404, path);
    }
  });
});

describe('banners', () => {
  let banner: AdminBanner;

  it('are created from an uploaded image, its size read from the file', async () => {
    const res = await admin('POST', '/banners', { name: 'Rectangle', image: image.name, alt: 'Fresh "coffee" <now> & more', destinationId });
    assert.equal(res.status, 201, res.text);
    banner = AdminBanner.parse(res.json);
    assert.deepEqual([banner.width, banner.height], [300, 250]);
    assert.equal(banner.imageUrl, image.url);
  });

  it('refuse bad input with 400 and write nothing', async () => {
    const count = () => (t.db.prepare('SELECT COUNT(*) AS n FROM banners').get() as { n: number }).n;
    const before = count();
    const bad = [
      { name: 'x', image: image.name, alt: 'x', destinationId, width: 1, height: 1 },
      { name: 'x', image: image.name, alt: '', destinationId },
      { name: 'x', image: image.name, destinationId },
      { name: 'x', image: '../../rp.sqlite', alt: 'x', destinationId },
      { name: 'x', image: `${'0'.repeat(32)}.png`, alt: 'x', destinationId },
      { name: 'x', image: image.name, alt: 'x', destinationId: 999 },
      { name: 'x', image: image.name, alt: 'x', destinationId: '1' },
      null,
    ];
    for (const body of bad) assertError(await admin('POST', '/banners', body), 400, 'invalid_request');
    assertError(await call(t.app, 'POST', '/admin/banners', { token: ADMIN_KEY, rawBody: 'not json', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    assertError(await admin('PATCH', `/banners/${banner.id}`, { width: 5000 }), 400, 'invalid_request');
    assertError(await admin('PATCH', '/banners/0', { name: 'x' }), 400, 'invalid_request');
    assertError(await admin('PATCH', '/banners/999', { name: 'x' }), 404, 'not_found');
    assert.equal(count(), before);
  });

  it("carry the signed-in partner's own link, with every value escaped", async () => {
    const forA = BannerList.parse((await call(t.app, 'GET', '/partner/banners', { token: a.token })).json).banners;
    const forB = BannerList.parse((await call(t.app, 'GET', '/partner/banners', { token: b.token })).json).banners;
    assert.equal(forA.length, 1);
    assert.equal(forB.length, 1);
    const slugOf = (partnerId: number) => (t.db.prepare('SELECT slug FROM links WHERE partner_id = ?').get(partnerId) as { slug: string }).slug;
    const linkA = `https://partners.example.com/r/${slugOf(a.id)}`;
    const linkB = `https://partners.example.com/r/${slugOf(b.id)}`;
    assert.notEqual(linkA, linkB);
    assert.equal(forA[0]!.link, linkA);
    assert.equal(forB[0]!.link, linkB);
    assert.ok(!forA[0]!.html.includes(slugOf(b.id)), "A never gets B's link");
    assert.ok(!forB[0]!.html.includes(slugOf(a.id)), "B never gets A's link");
    assert.equal(
      forA[0]!.html,
      `<a href="${linkA}"><img src="${image.url}" width="300" height="250" alt="Fresh &#34;coffee&#34; &#60;now&#62; &#38; more"></a>`,
    );
    assert.equal(forA[0]!.alt, 'Fresh "coffee" <now> & more');
    assert.deepEqual([forA[0]!.width, forA[0]!.height, forA[0]!.imageUrl], [300, 250, image.url]);
  });

  it('update (size follows a new image), hide when inactive, delete', async () => {
    const gif = MediaUpload.parse((await upload(new Uint8Array(GIF), 'image/gif')).json);
    const updated = AdminBanner.parse((await admin('PATCH', `/banners/${banner.id}`, { image: gif.name })).json);
    assert.deepEqual([updated.width, updated.height, updated.image], [1, 1, gif.name]);
    await admin('PATCH', `/banners/${banner.id}`, { active: false });
    assert.deepEqual(BannerList.parse((await call(t.app, 'GET', '/partner/banners', { token: a.token })).json).banners, []);
    assert.equal((await admin('DELETE', `/banners/${banner.id}`)).status, 204);
    assert.deepEqual(AdminBannerList.parse((await admin('GET', '/banners')).json).banners, []);
  });

  it('admin routes refuse partner tokens; partner routes refuse the admin key', async () => {
    assertError(await call(t.app, 'GET', '/admin/banners', { token: a.token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/admin/banners', { token: a.token, body: {} }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/banners', { token: ADMIN_KEY }), 401, 'unauthorized');
  });
});

describe('demo seed resources', () => {
  const demo = makeApp({ RP_PUBLIC_URL: 'http://localhost:8787' });

  it('gives the demo partner pages, email copy and banners whose images exist', async () => {
    assert.equal(await seedDemo(demo.db, demo.config, demo.clock.now()), true);
    const token = await signIn(demo, 'demo', 'demo-partner');
    const pages = ResourcePageList.parse((await call(demo.app, 'GET', '/partner/resource-pages', { token })).json).pages;
    assert.deepEqual(pages.map((p) => p.title), ['Brand guidelines', 'How to talk about our coffee']);
    const emails = EmailCopyList.parse((await call(demo.app, 'GET', '/partner/email-copy', { token })).json).emails;
    assert.equal(emails.length, 2);
    assert.match(emails[0]!.bodyText, /\nDana$/);
    const banners = BannerList.parse((await call(demo.app, 'GET', '/partner/banners', { token })).json).banners;
    assert.deepEqual(banners.map((x) => [x.width, x.height]), [[728, 90], [300, 250], [160, 600]]);
    assert.equal(files(demo).length, 3);
    for (const banner of banners) {
      const res = await demo.app.request(new URL(banner.imageUrl).pathname);
      assert.equal(res.status, 200);
      assert.deepEqual(inspectImage(Buffer.from(await res.arrayBuffer())), { type: 'image/png', width: banner.width, height: banner.height });
    }
    assert.equal(await seedDemo(demo.db, demo.config, demo.clock.now()), false);
    assert.equal(files(demo).length, 3, 'a second run writes no more images');
    assert.ok(existsSync(join(demo.dir, 'media')), 'media lives beside the database by default');
  });
});
