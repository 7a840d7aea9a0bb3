import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ErrorBody } from '@rp/contract';
import { MAX_BODY_BYTES } from '../src/app.ts';
import { addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp({ RP_CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173' });
let token: string;

before(async () => {
  token = sessionFor(t, (await addPartner(t)).id);
});

describe('bad input is a 4xx JSON error, never a 5xx', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    for (const rawBody of ['{"code": "demo",', 'not json', '', '{"a":1}}']) {
      const res = await call(t.app, 'POST', '/auth/sign-in', { rawBody, headers: { 'Content-Type': 'application/json' } });
      assertError(res, 400, 'invalid_json');
    }
    assertError(
      await call(t.app, 'PATCH', '/partner/profile', { token, rawBody: '{name:', headers: { 'Content-Type': 'application/json' } }),
      400,
      'invalid_json',
    );
  });

  it('wrong types → 400 invalid_request with fields', async () => {
    const cases: unknown[] = [null, [], 'text', 42, { code: 12, password: true }, { code: ['demo'], password: {} }];
    for (const body of cases) {
      const res = await call(t.app, 'POST', '/auth/sign-in', { body });
      const error = assertError(res, 400, 'invalid_request');
      assert.ok(error.message.length > 0);
    }
    const error = assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: 12, password: true } }), 400, 'invalid_request');
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['code', 'password']);
  });

  it('unknown fields → 400', async () => {
    const error = assertError(
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'demo', password: 'x', remember: true } }),
      400,
      'invalid_request',
    );
    assert.deepEqual(error.fields, { remember: 'Unknown field.' });
  });

  it('a body that is not JSON → 415', async () => {
    for (const headers of [{ 'Content-Type': 'text/plain' }, { 'Content-Type': 'application/x-www-form-urlencoded' }, {}] as Array<Record<string, string>>) {
      const res = await call(t.app, 'POST', '/auth/sign-in', { rawBody: 'code=demo&password=x', headers });
      assertError(res, 415, 'unsupported_media_type');
    }
    assertError(
      await call(t.app, 'PATCH', '/partner/profile', { token, rawBody: '{"name":"x"}', headers: { 'Content-Type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    );
    // A JSON media type with parameters is fine.
    const ok = await call(t.app, 'PATCH', '/partner/profile', {
      token,
      rawBody: '{"company":"ok"}',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    assert.equal(ok.status, 200, ok.text);
  });

  it('a body over 16 KB → 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ code: 'demo', password: 'x'.repeat(MAX_BODY_BYTES) });
    assertError(await call(t.app, 'POST', '/auth/sign-in', { rawBody: big, headers: { 'Content-Type': 'application/json' } }), 413, 'payload_too_large');
    assertError(
      await call(t.app, 'POST', '/auth/sign-in', {
        rawBody: big,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) },
      }),
      413,
      'payload_too_large',
    );
    // Just under the limit is read and validated normally.
    const fits = JSON.stringify({ company: 'c'.repeat(MAX_BODY_BYTES - 100) });
    assertError(await call(t.app, 'PATCH', '/partner/profile', { token, rawBody: fits, headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_request');
  });

  it('unknown routes and methods → 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/center'],
      ['GET', '/auth/sign-in'],
      ['GET', ''],
    ] as const) {
      assertError(await call(t.app, method, path), 404, 'not_found');
    }
    // Behind a guard, an unknown path asks for credentials first, then is not found.
    assertError(await call(t.app, 'GET', '/partner/nope'), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/nope', { token }), 404, 'not_found');
  });

  it('error bodies are exactly the contract shape', async () => {
    const res = await call(t.app, 'GET', '/nope');
    assert.equal(res.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(ErrorBody.parse(res.json), { error: { code: 'not_found', message: 'No route GET /api/nope.' } });
  });
});

describe('unexpected failures', () => {
  it('answer 500 internal with a generic message, and log the detail', async (ctx) => {
    const broken = makeApp();
    broken.db.exec('DROP TABLE settings');
    const logged = ctx.mock.method(console, 'error', () => {});
    const error = assertError(await call(broken.app, 'GET', '/center'), 500, 'internal');
    assert.equal(error.message, 'Something went wrong on our side. Please try again.');
    assert.equal(logged.mock.callCount(), 1);
    assert.match(String(logged.mock.calls[0]?.arguments[1]), /no such table: settings/);
  });
});

describe('CORS', () => {
  it('allows the configured origins only', async () => {
    const allowed = await t.app.request('/api/center', { headers: { Origin: 'https://shop.example.com' } });
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
    const other = await t.app.request('/api/center', { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('answers preflight with the headers the elements send', async () => {
    const res = await t.app.request('/api/partner/profile', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'http://localhost:5173');
    assert.match(res.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/);
    assert.match(res.headers.get('Access-Control-Allow-Headers') ?? '', /Content-Type/);
    assert.match(res.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null);
  });

  it('lets a merchant back office send admin calls with an Idempotency-Key, from an allowed origin only', async () => {
    const requested = ['idempotency-key', 'authorization', 'content-type'];
    const preflight = (origin: string) =>
      t.app.request('/api/admin/sales', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requested.join(', ') },
      });
    const res = await preflight('https://shop.example.com');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://shop.example.com');
    assert.match(res.headers.get('Access-Control-Allow-Methods') ?? '', /\bPOST\b/);
    // What the browser checks: every requested header is in the allowed list (names are case-insensitive).
    const allowed = (res.headers.get('Access-Control-Allow-Headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    for (const header of requested) assert.ok(allowed.includes(header), `${header} allowed: ${allowed.join(', ')}`);
    // A replayed answer says so in a header the page's script can read.
    const real = await t.app.request('/api/admin/sales', { method: 'POST', headers: { Origin: 'https://shop.example.com' } });
    assert.match(real.headers.get('Access-Control-Expose-Headers') ?? '', /\bIdempotent-Replayed\b/);

    const other = await preflight('https://evil.example.com');
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
  });
});

describe('health and headers', () => {
  it('GET /health', async () => {
    const res = await call(t.app, 'GET', '/health');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { status: 'ok' });
  });

  it('API answers are not cached and not sniffed', async () => {
    const res = await call(t.app, 'GET', '/partner/profile', { token });
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
  });
});
