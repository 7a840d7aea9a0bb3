import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminPartnerPage, AdminSessionInfo, AdminSignInResponse, CenterSettings, OutboxList } from '@rp/contract';
import { disableAdminUser } from '../src/domain/admin-sessions.ts';
import { ADDRESS_LIMIT, addressKey, CODE_LIMIT, recordFailure } from '../src/domain/throttle.ts';
import { DEMO_ADMIN, DEMO_PARTNER, seedDemo } from '../src/seed/demo.ts';
import {
  ADMIN_KEY,
  addAdminUser,
  addPartner,
  adminSessionFor,
  assertError,
  call,
  makeApp,
  sessionFor,
  signIn,
  signInAdmin,
  type TestContext,
} from './helpers.ts';

const MINUTE = 60_000;
const INVALID = 'The email address or password is incorrect.';

function signInAttempt(t: TestContext, email: string, password: string, address?: string) {
  return call(t.app, 'POST', '/auth/admin/sign-in', {
    body: { email, password },
    headers: address ? { 'X-Forwarded-For': address } : {},
  });
}

const sessionOf = (t: TestContext, token: string) => call(t.app, 'GET', '/auth/admin/session', { token });
const count = (t: TestContext, table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('admin sign-in', () => {
  const t = makeApp();
  let maya: { id: number; email: string; password: string };
  before(async () => {
    maya = await addAdminUser(t, { email: 'maya@shop.example', name: 'Maya Lindqvist', password: 'correct horse battery' });
  });

  it('answers a token, expiry and the admin, in the contract shape', async () => {
    const res = await signInAttempt(t, 'maya@shop.example', 'correct horse battery');
    assert.equal(res.status, 200, res.text);
    const body = AdminSignInResponse.parse(res.json);
    assert.deepEqual(body.admin, { email: 'maya@shop.example', name: 'Maya Lindqvist' });
    assert.equal(body.idleTimeoutSeconds, 120 * 60);
    assert.equal(Date.parse(body.expiresAt), t.clock.now() + 12 * 60 * MINUTE);
    assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
  });

  it('treats the email case-insensitively and trims it', async () => {
    const res = await signInAttempt(t, '  Maya@SHOP.example ', 'correct horse battery');
    assert.equal(res.status, 200, res.text);
    assert.equal(AdminSignInResponse.parse(res.json).admin.email, 'maya@shop.example');
  });

  it('gives the same answer for an unknown email and a wrong password, at a similar cost', async () => {
    let start = performance.now();
    const wrong = await signInAttempt(t, maya.email, 'wrong password');
    const wrongMs = performance.now() - start;
    start = performance.now();
    const unknown = await signInAttempt(t, 'nobody@shop.example', 'wrong password');
    const unknownMs = performance.now() - start;

    assert.equal(assertError(wrong, 401, 'invalid_credentials').message, INVALID);
    assert.equal(unknown.status, wrong.status);
    assert.equal(unknown.text, wrong.text);
    // Without the dummy hash an unknown email would answer in about a millisecond.
    assert.ok(unknownMs > wrongMs / 3, `unknown email took ${unknownMs} ms, wrong password ${wrongMs} ms`);
  });

  it('a partner’s code and password do not sign in to the back office', async () => {
    const partner = await addPartner(t, { code: 'not-staff', email: 'staff@shop.example' });
    assertError(await signInAttempt(t, partner.code, partner.password), 401, 'invalid_credentials');
    assertError(await signInAttempt(t, 'staff@shop.example', partner.password), 401, 'invalid_credentials');
  });

  it('refuses a disabled user with the right password, and says why; a wrong password learns nothing', async () => {
    const user = await addAdminUser(t, { email: 'gone@shop.example' });
    assert.equal(disableAdminUser(t.db, 'GONE@shop.example', t.clock.now()), true);
    const error = assertError(await signInAttempt(t, user.email, user.password), 403, 'forbidden');
    assert.equal(error.message, 'This admin account is disabled.');
    assert.equal(assertError(await signInAttempt(t, user.email, 'wrong password'), 401, 'invalid_credentials').message, INVALID);
  });

  it('validates the body field by field and writes nothing', async () => {
    const sessions = count(t, 'admin_sessions');
    const throttle = count(t, 'login_throttle');
    const empty = assertError(await call(t.app, 'POST', '/auth/admin/sign-in', { body: { email: '  ', password: '' } }), 400, 'invalid_request');
    assert.deepEqual(empty.fields, { email: 'Enter your email address.', password: 'Enter your password.' });
    const long = assertError(
      await call(t.app, 'POST', '/auth/admin/sign-in', { body: { email: `${'a'.repeat(250)}@x.example`, password: 'x'.repeat(257) } }),
      400,
      'invalid_request',
    );
    assert.deepEqual(long.fields, { email: 'Use at most 254 characters.', password: 'A password has at most 256 characters.' });
    const extra = assertError(
      await call(t.app, 'POST', '/auth/admin/sign-in', { body: { email: maya.email, password: 'x', code: 'demo' } }),
      400,
      'invalid_request',
    );
    assert.deepEqual(extra.fields, { code: 'Unknown field.' });
    assertError(await call(t.app, 'POST', '/auth/admin/sign-in', { body: { email: maya.email } }), 400, 'invalid_request');
    assertError(
      await call(t.app, 'POST', '/auth/admin/sign-in', { rawBody: '{', headers: { 'Content-Type': 'application/json' } }),
      400,
      'invalid_json',
    );
    assert.equal(count(t, 'admin_sessions'), sessions);
    assert.equal(count(t, 'login_throttle'), throttle);
  });

  it('stores only a hash of the token', async () => {
    const token = await signInAdmin(t, maya.email, maya.password);
    const rows = t.db.prepare('SELECT token_hash FROM admin_sessions').all() as Array<{ token_hash: Buffer }>;
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(!row.token_hash.toString('latin1').includes(token));
    assert.deepEqual(t.db.prepare('SELECT count(*) AS n FROM admin_sessions WHERE token_hash = ?').get(token), { n: 0 });
  });
});

describe('admin sessions', () => {
  const t = makeApp();
  let maya: { id: number; email: string; password: string };
  before(async () => {
    maya = await addAdminUser(t, { email: 'maya@shop.example', name: 'Maya Lindqvist' });
  });

  it('tell who the token belongs to', async () => {
    const token = await signInAdmin(t, maya.email, maya.password);
    const res = await sessionOf(t, token);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(AdminSessionInfo.parse(res.json), {
      expiresAt: new Date(t.clock.now() + 12 * 60 * MINUTE).toISOString(),
      idleTimeoutSeconds: 7200,
      admin: { email: 'maya@shop.example', name: 'Maya Lindqvist' },
    });
  });

  it('the session routes refuse a missing or made-up token, admin keys and partner sessions', async () => {
    const partner = await addPartner(t);
    for (const token of [undefined, 'x'.repeat(43), ADMIN_KEY, sessionFor(t, partner.id)]) {
      assertError(await sessionOf(t, token as string), 401, 'unauthorized');
      assertError(await call(t.app, 'POST', '/auth/admin/sign-out', { token }), 401, 'unauthorized');
    }
  });

  it('sign-out revokes the token, and leaves the user’s other sessions alone', async () => {
    const token = adminSessionFor(t, maya.id);
    const other = adminSessionFor(t, maya.id);
    const out = await call(t.app, 'POST', '/auth/admin/sign-out', { token });
    assert.equal(out.status, 204);
    assert.equal(out.text, '');
    assertError(await sessionOf(t, token), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/auth/admin/sign-out', { token }), 401, 'unauthorized');
    assert.equal((await sessionOf(t, other)).status, 200);
  });

  it('a session revoked in the database is refused at once', async () => {
    const token = adminSessionFor(t, maya.id);
    t.db.prepare('UPDATE admin_sessions SET revoked_at = ? WHERE id = (SELECT max(id) FROM admin_sessions)').run(t.clock.now());
    assertError(await sessionOf(t, token), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/partners', { token }), 401, 'unauthorized');
  });

  it('ends after the idle timeout, and activity (on admin routes too) keeps it alive', async () => {
    const token = adminSessionFor(t, maya.id);
    t.clock.advance(119 * MINUTE);
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token })).status, 200);
    t.clock.advance(119 * MINUTE); // 238 minutes since sign-in, 119 since the last request
    assert.equal((await sessionOf(t, token)).status, 200);
    t.clock.advance(120 * MINUTE);
    assertError(await call(t.app, 'GET', '/admin/settings', { token }), 401, 'unauthorized');
    assertError(await sessionOf(t, token), 401, 'unauthorized');
  });

  it('records activity at most once a minute', async () => {
    const token = adminSessionFor(t, maya.id);
    const lastSeen = () => (t.db.prepare('SELECT last_seen_at AS at FROM admin_sessions ORDER BY id DESC LIMIT 1').get() as { at: number }).at;
    const start = t.clock.now();
    t.clock.advance(59_000);
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token })).status, 200);
    assert.equal(lastSeen(), start);
    t.clock.advance(1_000);
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token })).status, 200);
    assert.equal(lastSeen(), start + 60_000);
  });

  it('ends at the absolute expiry however active the admin is', async () => {
    const token = adminSessionFor(t, maya.id);
    for (let hour = 0; hour < 12; hour += 1) {
      t.clock.advance(59 * MINUTE);
      assert.equal((await sessionOf(t, token)).status, 200, `after ${hour + 1} requests`);
    }
    t.clock.advance(11 * MINUTE); // 11 h 59 min after sign-in
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token })).status, 200);
    t.clock.advance(1 * MINUTE); // exactly 12 h: over
    assertError(await sessionOf(t, token), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token }), 401, 'unauthorized');
  });

  it('disabling the user ends their sessions at once', async () => {
    const user = await addAdminUser(t);
    const token = adminSessionFor(t, user.id);
    assert.equal((await sessionOf(t, token)).status, 200);
    disableAdminUser(t.db, user.email, t.clock.now());
    assertError(await sessionOf(t, token), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/settings', { token }), 401, 'unauthorized');
    // Even should a session row escape the revocation, the disabled user is checked on each request.
    t.db.prepare('UPDATE admin_sessions SET revoked_at = NULL WHERE admin_user_id = ?').run(user.id);
    assertError(await sessionOf(t, token), 401, 'unauthorized');
  });
});

describe('session expiry comes from the partner session settings', () => {
  const t = makeApp({ RP_SESSION_IDLE_MINUTES: '30', RP_SESSION_MAX_HOURS: '2' });

  it('RP_SESSION_IDLE_MINUTES and RP_SESSION_MAX_HOURS', async () => {
    const user = await addAdminUser(t);
    const res = await signInAttempt(t, user.email, user.password);
    const body = AdminSignInResponse.parse(res.json);
    assert.equal(body.idleTimeoutSeconds, 30 * 60);
    assert.equal(Date.parse(body.expiresAt), t.clock.now() + 2 * 60 * MINUTE);
    t.clock.advance(30 * MINUTE);
    assertError(await sessionOf(t, body.token), 401, 'unauthorized');

    const active = adminSessionFor(t, user.id);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(29 * MINUTE);
      assert.equal((await sessionOf(t, active)).status, 200);
    }
    t.clock.advance(4 * MINUTE); // 2 h after sign-in
    assertError(await sessionOf(t, active), 401, 'unauthorized');
  });
});

describe('which credentials open which routes', () => {
  const t = makeApp();
  let adminToken: string;
  let partnerToken: string;
  before(async () => {
    const admin = await addAdminUser(t);
    adminToken = adminSessionFor(t, admin.id);
    const partner = await addPartner(t, { code: 'shopfan' });
    partnerToken = sessionFor(t, partner.id);
  });

  it('an admin session works on the admin API: settings, partners, keys, the outbox', async () => {
    const settings = await call(t.app, 'GET', '/admin/settings', { token: adminToken });
    assert.equal(settings.status, 200, settings.text);
    const patched = await call(t.app, 'PATCH', '/admin/settings', { token: adminToken, body: { name: 'Back Office Center' } });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(CenterSettings.parse(patched.json).name, 'Back Office Center');

    const partners = await call(t.app, 'GET', '/admin/partners', { token: adminToken });
    assert.equal(partners.status, 200, partners.text);
    assert.deepEqual(
      AdminPartnerPage.parse(partners.json).partners.map((p) => p.code),
      ['shopfan'],
    );
    assert.equal((await call(t.app, 'GET', '/admin/keys', { token: adminToken })).status, 200);
    const outbox = await call(t.app, 'GET', '/admin/outbox', { token: adminToken });
    assert.equal(outbox.status, 200, outbox.text);
    OutboxList.parse(outbox.json);
  });

  it('admin keys still work on the admin API', async () => {
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token: ADMIN_KEY })).status, 200);
    const created = await call(t.app, 'POST', '/admin/keys', { token: adminToken, body: { name: 'Made by a signed-in admin' } });
    assert.equal(created.status, 201, created.text);
    const secret = (created.json as { secret: string }).secret;
    assert.equal((await call(t.app, 'GET', '/admin/settings', { token: secret })).status, 200);
  });

  it('admin routes refuse partner session tokens', async () => {
    assert.equal((await call(t.app, 'GET', '/partner/profile', { token: partnerToken })).status, 200);
    for (const [method, path] of [
      ['GET', '/admin/settings'],
      ['PATCH', '/admin/settings'],
      ['GET', '/admin/partners'],
      ['GET', '/admin/outbox'],
    ] as const) {
      const error = assertError(await call(t.app, method, path, { token: partnerToken, body: method === 'PATCH' ? { name: 'x' } : undefined }), 401, 'unauthorized');
      assert.equal(error.message, 'Sign in to the back office, or send a valid admin API key.');
    }
  });

  it('partner routes refuse admin session tokens and admin keys', async () => {
    for (const token of [adminToken, ADMIN_KEY]) {
      for (const path of ['/partner/profile', '/partner/center', '/auth/session']) {
        assertError(await call(t.app, 'GET', path, { token }), 401, 'unauthorized');
      }
      assertError(await call(t.app, 'POST', '/auth/sign-out', { token }), 401, 'unauthorized');
    }
    // The admin session survived all that: refusing it elsewhere did not end it.
    assert.equal((await sessionOf(t, adminToken)).status, 200);
  });
});

describe('admin sign-in throttling', () => {
  // Trust the proxy header so each test can act from its own client address.
  const t = makeApp({ RP_TRUST_PROXY: 'true' });
  const throttleRow = (key: string) =>
    t.db.prepare('SELECT failures, locked_until FROM login_throttle WHERE key = ?').get(key) as { failures: number } | undefined;
  let target: { email: string; password: string };
  before(async () => {
    target = await addAdminUser(t, { email: 'target@shop.example' });
  });

  it('locks the email after 5 failures in 15 minutes, refusing even the right password', async () => {
    for (let i = 1; i <= CODE_LIMIT; i += 1) {
      if (i > 1) t.clock.advance(MINUTE);
      // From different addresses: the lock is on the email, whoever guesses.
      assertError(await signInAttempt(t, 'TARGET@shop.example', `guess-${i}`, `192.0.2.${i}`), 401, 'invalid_credentials');
    }
    const locked = await signInAttempt(t, target.email, target.password, '198.51.100.7');
    const error = assertError(locked, 429, 'throttled');
    assert.equal(error.retryAfterSeconds, 15 * 60);
    assert.equal(locked.headers.get('Retry-After'), String(15 * 60));
    assert.equal(error.message, 'Too many sign-in attempts. Try again in 15 minutes.');

    t.clock.advance(15 * MINUTE);
    assert.equal((await signInAttempt(t, target.email, target.password, '198.51.100.7')).status, 200);
  });

  it('counts unknown emails too, and a success clears the email’s failures but not the address’s', async () => {
    assertError(await signInAttempt(t, 'No-One@shop.example', 'x', '203.0.113.9'), 401, 'invalid_credentials');
    assert.equal(throttleRow('admin-email:no-one@shop.example')?.failures, 1);

    assertError(await signInAttempt(t, target.email, 'x', '203.0.113.9'), 401, 'invalid_credentials');
    assert.equal(throttleRow('admin-email:target@shop.example')?.failures, 1);
    assert.equal((await signInAttempt(t, target.email, target.password, '203.0.113.9')).status, 200);
    assert.equal(throttleRow('admin-email:target@shop.example'), undefined);
    assert.equal(throttleRow(addressKey('203.0.113.9'))?.failures, 2);
  });

  it('counts a burst of parallel guesses one by one: no more than 5 reach the password check', async () => {
    await addAdminUser(t, { email: 'burst@shop.example' });
    const answers = await Promise.all(
      Array.from({ length: 7 }, (_, i) => signInAttempt(t, 'burst@shop.example', `parallel-guess-${i}`, `203.0.113.${i + 20}`)),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [401, 401, 401, 401, 401, 429, 429]);
  });

  it('locks an address after 20 failures, for every email, with partner sign-in failures counted too', async () => {
    const address = '192.0.2.200';
    for (let i = 0; i < ADDRESS_LIMIT - 1; i += 1) recordFailure(t.db, addressKey(address), ADDRESS_LIMIT, t.clock.now());
    // The 20th failure: a partner sign-in from the same address.
    assertError(
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'guess', password: 'x' }, headers: { 'X-Forwarded-For': address } }),
      401,
      'invalid_credentials',
    );
    const locked = await signInAttempt(t, target.email, target.password, address);
    assert.equal(assertError(locked, 429, 'throttled').retryAfterSeconds, 900);
    assert.equal(locked.headers.get('Retry-After'), '900');
    // Another address signs the same admin in without trouble.
    assert.equal((await signInAttempt(t, target.email, target.password, '192.0.2.201')).status, 200);
  });
});

describe('demo admin user', () => {
  it('is seeded in demo mode only, once, and signs in', async () => {
    const t = makeApp();
    // A demo database seeded before admin users existed: the demo partner is there, so the
    // rest of the seed is skipped, and the admin user is added on its own.
    await addPartner(t, { code: DEMO_PARTNER.code });
    assert.equal(await seedDemo(t.db, t.config, t.clock.now()), false);
    assert.equal(count(t, 'admin_users'), 0, 'outside demo mode there is no default admin user');

    assert.equal(await seedDemo(t.db, { ...t.config, demo: true }, t.clock.now()), false);
    const token = await signInAdmin(t, DEMO_ADMIN.email, DEMO_ADMIN.password);
    assert.deepEqual(AdminSessionInfo.parse((await sessionOf(t, token)).json).admin, {
      email: 'admin@harborandpine.example',
      name: 'Maya Lindqvist',
    });

    // Idempotent, and edits made during the demo survive a restart.
    t.db.prepare('UPDATE admin_users SET name = ? WHERE email = ?').run('Maya L.', DEMO_ADMIN.email);
    const rows = t.db.prepare('SELECT * FROM admin_users').all();
    assert.equal(await seedDemo(t.db, { ...t.config, demo: true }, t.clock.now()), false);
    assert.deepEqual(t.db.prepare('SELECT * FROM admin_users').all(), rows);
  });

  it('a demo partner cannot use the demo admin’s credentials on partner sign-in, nor the reverse', async () => {
    const t = makeApp();
    await addPartner(t, { code: DEMO_PARTNER.code, password: DEMO_PARTNER.password });
    await seedDemo(t.db, { ...t.config, demo: true }, t.clock.now());
    const partnerToken = await signIn(t, DEMO_PARTNER.code, DEMO_PARTNER.password);
    assertError(await signInAttempt(t, DEMO_PARTNER.code, DEMO_PARTNER.password), 401, 'invalid_credentials');
    assertError(
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: DEMO_ADMIN.email, password: DEMO_ADMIN.password } }),
      401,
      'invalid_credentials',
    );
    assertError(await call(t.app, 'GET', '/admin/settings', { token: partnerToken }), 401, 'unauthorized');
  });
});
