import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  ADDRESS_LIMIT,
  addressKey,
  CODE_LIMIT,
  codeKey,
  lockedFor,
  recordFailure,
} from '../src/domain/throttle.ts';
import { addPartner, assertError, call, makeApp, type TestContext } from './helpers.ts';

// Every failed attempt through HTTP costs a real scrypt (~0.4 s), so the long runs of failures
// some tests need as a starting point are recorded directly; the last one always goes through HTTP.

const MINUTE = 60_000;

function attempt(t: TestContext, code: string, password: string, address?: string) {
  return call(t.app, 'POST', '/auth/sign-in', {
    body: { code, password },
    headers: address ? { 'X-Forwarded-For': `${address}, 10.0.0.1` } : {},
  });
}

function throttleRow(t: TestContext, key: string) {
  return t.db.prepare('SELECT failures, locked_until FROM login_throttle WHERE key = ?').get(key) as
    | { failures: number; locked_until: number | null }
    | undefined;
}

describe('per partner code', () => {
  // Trust the proxy header so each test can act from its own client address.
  const t = makeApp({ RP_TRUST_PROXY: 'true' });
  let partner: { code: string; password: string };
  before(async () => {
    partner = await addPartner(t, { code: 'target' });
  });

  it('locks the code after 5 failures in 15 minutes, refusing even the right password', async () => {
    for (let i = 1; i <= 5; i += 1) {
      if (i > 1) t.clock.advance(MINUTE);
      // From different addresses: the lock is on the code, whoever guesses.
      assertError(await attempt(t, 'TARGET', `guess-${i}`, `192.0.2.${i}`), 401, 'invalid_credentials');
    }
    const locked = await attempt(t, 'target', partner.password, '198.51.100.7');
    const error = assertError(locked, 429, 'throttled');
    assert.equal(error.retryAfterSeconds, 15 * 60);
    assert.equal(locked.headers.get('Retry-After'), String(15 * 60));
    assert.equal(error.message, 'Too many sign-in attempts. Try again in 15 minutes.');

    t.clock.advance(10 * MINUTE + 30_000);
    const later = assertError(await attempt(t, 'target', partner.password, '198.51.100.7'), 429, 'throttled');
    assert.equal(later.retryAfterSeconds, 4 * 60 + 30);
    assert.equal(later.message, 'Too many sign-in attempts. Try again in 5 minutes.');

    t.clock.advance(4 * MINUTE + 30_000);
    assert.equal((await attempt(t, 'target', partner.password, '198.51.100.7')).status, 200);
  });

  it('counts a burst of parallel guesses one by one: no more than 5 ever reach the password check', async () => {
    await addPartner(t, { code: 'burst' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attempt(t, 'burst', `parallel-guess-${i}`, `203.0.113.${i + 1}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('forgets failures older than the window', async () => {
    for (let i = 0; i < CODE_LIMIT - 1; i += 1) recordFailure(t.db, codeKey('target'), CODE_LIMIT, t.clock.now());
    t.clock.advance(16 * MINUTE);
    // Would be the fifth failure inside one window; the window is over, so it is the first.
    assertError(await attempt(t, 'target', 'bad', '192.0.2.50'), 401, 'invalid_credentials');
    assert.equal(throttleRow(t, codeKey('target'))?.failures, 1);
    assert.equal((await attempt(t, 'target', partner.password, '192.0.2.51')).status, 200);
  });

  it('a successful sign-in clears the code’s failures', async () => {
    for (let i = 0; i < CODE_LIMIT - 1; i += 1) recordFailure(t.db, codeKey('target'), CODE_LIMIT, t.clock.now());
    assert.equal(throttleRow(t, codeKey('target'))?.failures, CODE_LIMIT - 1);
    assert.equal((await attempt(t, 'target', partner.password, '192.0.2.60')).status, 200);
    assert.equal(throttleRow(t, codeKey('target')), undefined);
    // The address's count is kept: one good account must not reset an attacker's budget.
    assert.ok(throttleRow(t, addressKey('192.0.2.50')));
  });

  it('counts unknown codes too, lower-cased', async () => {
    assertError(await attempt(t, 'No-Such-Code', 'x', '203.0.113.1'), 401, 'invalid_credentials');
    assert.equal(throttleRow(t, codeKey('no-such-code'))?.failures, 1);
  });

  it('locks after exactly the limit, then starts a fresh count', () => {
    const key = codeKey('counting');
    for (let i = 0; i < CODE_LIMIT - 1; i += 1) recordFailure(t.db, key, CODE_LIMIT, t.clock.now());
    assert.equal(lockedFor(t.db, [key], t.clock.now()), 0);
    recordFailure(t.db, key, CODE_LIMIT, t.clock.now());
    assert.equal(lockedFor(t.db, [key], t.clock.now()), 15 * MINUTE);
    t.clock.advance(15 * MINUTE);
    assert.equal(lockedFor(t.db, [key], t.clock.now()), 0);
    assert.equal(throttleRow(t, key)?.failures, 0);
  });
});

describe('per client address', () => {
  const t = makeApp({ RP_TRUST_PROXY: 'true' });
  let partner: { code: string; password: string };
  before(async () => {
    partner = await addPartner(t, { code: 'bystander' });
  });

  it('locks an address after 20 failures in 15 minutes, for every code', async () => {
    const address = '192.0.2.200';
    for (let i = 0; i < ADDRESS_LIMIT - 1; i += 1) recordFailure(t.db, addressKey(address), ADDRESS_LIMIT, t.clock.now());
    // The 20th failure, through HTTP, with a code that has no failures of its own.
    assertError(await attempt(t, 'fresh-guess', 'x', address), 401, 'invalid_credentials');

    const locked = await attempt(t, partner.code, partner.password, address);
    const error = assertError(locked, 429, 'throttled');
    assert.equal(error.retryAfterSeconds, 900);
    assert.equal(locked.headers.get('Retry-After'), '900');
    // Another address signs in to the same partner without trouble.
    assert.equal((await attempt(t, partner.code, partner.password, '192.0.2.201')).status, 200);
  });
});

describe('without a trusted proxy', () => {
  const t = makeApp();

  it('ignores X-Forwarded-For, so a client cannot dodge the address limit by forging it', async () => {
    assertError(await attempt(t, 'spoofer', 'x', '198.51.100.1'), 401, 'invalid_credentials');
    // app.request() has no socket, so the address is 'unknown', never the forged header.
    assert.equal(throttleRow(t, addressKey('unknown'))?.failures, 1);
    assert.equal(throttleRow(t, addressKey('198.51.100.1')), undefined);
  });
});
