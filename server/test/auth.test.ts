import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SessionInfo, SignInResponse } from '@rp/contract';
import { ADMIN_KEY, DEFAULT_PASSWORD, addPartner, assertError, call, makeApp, sessionFor, signIn } from './helpers.ts';

const t = makeApp();
const MINUTE = 60_000;
let active: { id: number; code: string; password: string };

before(async () => {
  active = await addPartner(t, { code: 'Harbor-Fan', password: 'correct horse battery', name: 'Hana Fan' });
  await addPartner(t, { code: 'waiting', status: 'pending' });
  await addPartner(t, { code: 'banned', status: 'suspended' });
});

describe('sign-in', () => {
  it('answers a token, expiry and the partner, in the contract shape', async () => {
    const res = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'Harbor-Fan', password: 'correct horse battery' } });
    assert.equal(res.status, 200, res.text);
    const body = SignInResponse.parse(res.json);
    assert.deepEqual(body.partner, { code: 'Harbor-Fan', name: 'Hana Fan' });
    assert.equal(body.idleTimeoutSeconds, 120 * 60);
    assert.equal(Date.parse(body.expiresAt), t.clock.now() + 12 * 60 * MINUTE);
    assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
  });

  it('treats the partner code case-insensitively and trims it', async () => {
    const res = await call(t.app, 'POST', '/auth/sign-in', { body: { code: '  hARBOR-fan ', password: 'correct horse battery' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(SignInResponse.parse(res.json).partner.code, 'Harbor-Fan');
  });

  it('gives the same answer for an unknown code and a wrong password, at a similar cost', async () => {
    let start = performance.now();
    const wrong = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'Harbor-Fan', password: 'wrong' } });
    const wrongMs = performance.now() - start;
    start = performance.now();
    const unknown = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'nobody-here', password: 'wrong' } });
    const unknownMs = performance.now() - start;

    const error = assertError(wrong, 401, 'invalid_credentials');
    assert.equal(error.message, 'The partner code or password is incorrect.');
    assert.equal(unknown.status, wrong.status);
    assert.equal(unknown.text, wrong.text);
    // Without the dummy hash an unknown code would answer in about a millisecond.
    assert.ok(unknownMs > wrongMs / 3, `unknown code took ${unknownMs} ms, wrong password ${wrongMs} ms`);
  });

  it('refuses a pending partner with the right password, and says why', async () => {
    const error = assertError(
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'waiting', password: DEFAULT_PASSWORD } }),
      403,
      'forbidden',
    );
    assert.equal(error.message, 'Your partner account is awaiting approval.');
  });

  it('refuses a suspended partner with the right password, and says why', async () => {
    const error = assertError(
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'banned', password: DEFAULT_PASSWORD } }),
      403,
      'forbidden',
    );
    assert.equal(error.message, 'Your partner account is suspended. Contact the program manager.');
  });

  it('does not reveal the status of a pending partner to a wrong password', async () => {
    assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'waiting', password: 'nope' } }), 401, 'invalid_credentials');
  });

  it('validates the body', async () => {
    const error = assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: '', password: '' } }), 400, 'invalid_request');
    assert.deepEqual(error.fields, { code: 'Enter your partner code.', password: 'Enter your password.' });
  });
});

describe('sessions', () => {
  it('tells who the token belongs to', async () => {
    const token = await signIn(t, active.code, active.password);
    const res = await call(t.app, 'GET', '/auth/session', { token });
    assert.equal(res.status, 200, res.text);
    const info = SessionInfo.parse(res.json);
    assert.deepEqual(info.partner, { code: 'Harbor-Fan', name: 'Hana Fan' });
    assert.equal(info.idleTimeoutSeconds, 7200);
  });

  it('refuses a missing, malformed or made-up token, and the admin key', async () => {
    assertError(await call(t.app, 'GET', '/auth/session'), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/auth/session', { headers: { Authorization: 'Basic abc' } }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/auth/session', { token: 'x'.repeat(43) }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/profile', { token: ADMIN_KEY }), 401, 'unauthorized');
  });

  it('sign-out revokes the token', async () => {
    const token = sessionFor(t, active.id);
    const out = await call(t.app, 'POST', '/auth/sign-out', { token });
    assert.equal(out.status, 204);
    assert.equal(out.text, '');
    assertError(await call(t.app, 'GET', '/auth/session', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/profile', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/auth/sign-out', { token }), 401, 'unauthorized');
  });

  it('signing out one session leaves the partner’s other sessions alone', async () => {
    const first = sessionFor(t, active.id);
    const second = sessionFor(t, active.id);
    assert.equal((await call(t.app, 'POST', '/auth/sign-out', { token: first })).status, 204);
    assert.equal((await call(t.app, 'GET', '/auth/session', { token: second })).status, 200);
  });

  it('ends after the idle timeout, and activity keeps it alive', async () => {
    const token = sessionFor(t, active.id);
    t.clock.advance(119 * MINUTE);
    assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200);
    t.clock.advance(119 * MINUTE); // 238 minutes since sign-in, 119 since the last request
    assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200);
    t.clock.advance(120 * MINUTE);
    assertError(await call(t.app, 'GET', '/auth/session', { token }), 401, 'unauthorized');
  });

  it('records activity at most once a minute', async () => {
    const token = sessionFor(t, active.id);
    const lastSeen = () =>
      (t.db.prepare('SELECT last_seen_at AS at FROM sessions ORDER BY id DESC LIMIT 1').get() as { at: number }).at;
    const start = t.clock.now();
    t.clock.advance(59_000);
    assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200);
    assert.equal(lastSeen(), start);
    t.clock.advance(1_000);
    assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200);
    assert.equal(lastSeen(), start + 60_000);
  });

  it('ends at the absolute expiry however active the partner is', async () => {
    const token = sessionFor(t, active.id);
    for (let hour = 0; hour < 12; hour += 1) {
      t.clock.advance(59 * MINUTE);
      assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200, `after ${hour + 1} requests`);
    }
    t.clock.advance(11 * MINUTE); // 11 h 59 min after sign-in
    assert.equal((await call(t.app, 'GET', '/auth/session', { token })).status, 200);
    t.clock.advance(1 * MINUTE); // exactly 12 h: over
    assertError(await call(t.app, 'GET', '/auth/session', { token }), 401, 'unauthorized');
  });

  it('a suspension takes effect on existing sessions at once', async () => {
    const partner = await addPartner(t, { code: 'soon-suspended' });
    const token = sessionFor(t, partner.id);
    t.db.prepare(`UPDATE partners SET status = 'suspended' WHERE id = ?`).run(partner.id);
    assertError(await call(t.app, 'GET', '/partner/profile', { token }), 401, 'unauthorized');
  });

  it('stores only a hash of the token', async () => {
    const token = sessionFor(t, active.id);
    const rows = t.db.prepare('SELECT token_hash FROM sessions').all() as Array<{ token_hash: Buffer }>;
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(!row.token_hash.toString('latin1').includes(token));
    const raw = t.db.prepare('SELECT count(*) AS n FROM sessions WHERE token_hash = ?').get(token) as { n: number };
    assert.equal(raw.n, 0);
  });
});
