import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OutboxList, PasswordResetAccepted } from '@rp/contract';
import { RESET_TOKEN_TTL_MS } from '../src/domain/password-reset.ts';
import { RESET_ADDRESS_LIMIT, RESET_IDENTIFIER_LIMIT } from '../src/routes/accounts.ts';
import { ADMIN_KEY, addPartner, assertError, call, DEFAULT_PASSWORD, makeApp, sessionFor, signIn, type TestContext } from './helpers.ts';

const NEW_PASSWORD = 'quiet-orchard-bicycle-77';

/** The reset mail is queued (setImmediate), not awaited by the request. */
const mailQueued = () => new Promise((resolve) => setTimeout(resolve, 10));

function setup() {
  return makeApp({ RP_TRUST_PROXY: 'true', RP_PUBLIC_URL: 'https://partners.example.com' });
}

let ip = 0;
function requestReset(t: TestContext, identifier: unknown, address = `10.1.0.${(ip += 1) % 250}`) {
  return call(t.app, 'POST', '/auth/password-reset', { body: { identifier }, headers: { 'X-Forwarded-For': address } });
}

const confirm = (t: TestContext, token: unknown, password: unknown = NEW_PASSWORD) =>
  call(t.app, 'POST', '/auth/password-reset/confirm', { body: { token, password } });

async function outbox(t: TestContext) {
  const res = await call(t.app, 'GET', '/admin/outbox', { token: ADMIN_KEY });
  assert.equal(res.status, 200, res.text);
  return OutboxList.parse(res.json).messages;
}

/** Ask for a reset and return the token from the mailed link. */
async function resetToken(t: TestContext, identifier: string): Promise<string> {
  assert.equal((await requestReset(t, identifier)).status, 202);
  await mailQueued();
  const [latest] = await outbox(t);
  const token = /reset-password\.html#token=([\w-]+)/.exec(latest?.text ?? '')?.[1];
  assert.ok(token, latest?.text);
  return token;
}

const tokenRows = (t: TestContext) => (t.db.prepare('SELECT count(*) AS n FROM password_reset_tokens').get() as { n: number }).n;

describe('password reset', () => {
  it('answers the same for a known code, a known email and an unknown identifier; mails a link only when known', async () => {
    const t = setup();
    await addPartner(t, { code: 'marta', email: 'marta@example.com', name: 'Marta' });
    const answers = [];
    for (const identifier of ['marta', 'nobody', 'MARTA@example.com', 'nobody@example.com']) {
      const res = await requestReset(t, identifier);
      assert.equal(res.status, 202, res.text);
      answers.push(PasswordResetAccepted.parse(res.json));
    }
    assert.match(answers[0]!.message, /If an account matches/);
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    await mailQueued();
    const mails = await outbox(t);
    assert.equal(mails.length, 2);
    for (const mail of mails) {
      assert.equal(mail.to, 'marta@example.com');
      assert.equal(mail.sentAt, null);
      assert.match(mail.text, /https:\/\/partners\.example\.com\/reset-password\.html#token=[\w-]{43}\b/);
      assert.match(mail.text, /partner code \(your username\) is: marta/);
      assert.match(mail.html ?? '', /href="https:\/\/partners\.example\.com\/reset-password\.html#token=/);
    }
    // Only the newest token stays usable: the second request replaced the first one.
    assert.equal(tokenRows(t), 1);
  });

  it('sets the new password once, ends every session and lifts the sign-in lock', async () => {
    const t = setup();
    const partner = await addPartner(t, { code: 'oskar', email: 'oskar@example.com' });
    const oldSession = sessionFor(t, partner.id);
    for (let i = 0; i < 5; i += 1) {
      await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'oskar', password: 'wrong-password!' }, headers: { 'X-Forwarded-For': `10.2.0.${i}` } });
    }
    assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'oskar', password: DEFAULT_PASSWORD } }), 429, 'throttled');
    const token = await resetToken(t, 'oskar');
    const done = await confirm(t, token);
    assert.equal(done.status, 204, done.text);
    assertError(await call(t.app, 'GET', '/auth/session', { token: oldSession }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'oskar', password: DEFAULT_PASSWORD } }), 401, 'invalid_credentials');
    await signIn(t, 'oskar', NEW_PASSWORD);
    const again = assertError(await confirm(t, token, 'another-long-secret-99'), 400, 'invalid_request');
    assert.match(again.fields?.['token'] ?? '', /already used/);
    await signIn(t, 'oskar', NEW_PASSWORD);
  });

  it('expires a token after 30 minutes', async () => {
    const t = setup();
    await addPartner(t, { code: 'pia', email: 'pia@example.com' });
    const token = await resetToken(t, 'pia');
    t.clock.advance(RESET_TOKEN_TTL_MS);
    const expired = assertError(await confirm(t, token), 400, 'invalid_request');
    assert.match(expired.message, /expired/);
    const fresh = await resetToken(t, 'pia');
    t.clock.advance(RESET_TOKEN_TTL_MS - 1);
    assert.equal((await confirm(t, fresh)).status, 204);
  });

  it('invalidates an older token when a newer one is asked for; refuses unknown tokens', async () => {
    const t = setup();
    await addPartner(t, { code: 'quinn', email: 'quinn@example.com' });
    const first = await resetToken(t, 'quinn');
    const second = await resetToken(t, 'quinn@example.com');
    assert.notEqual(first, second);
    assert.match(assertError(await confirm(t, first), 400, 'invalid_request').message, /not valid/);
    assert.match(assertError(await confirm(t, 'x'.repeat(43)), 400, 'invalid_request').message, /not valid/);
    assert.equal((await confirm(t, second)).status, 204);
  });

  it('applies the sign-up password policy on confirm, keeping the token usable', async () => {
    const t = setup();
    await addPartner(t, { code: 'rosalind', email: 'rosa.lind@example.com' });
    const token = await resetToken(t, 'rosalind');
    const cases: Array<[string, RegExp]> = [
      ['short-pw', /at least 12/],
      ['password1234', /too common/],
      ['i-am-rosalind-really', /partner code/],
      ['rosa.lind-forever!', /email/],
    ];
    for (const [password, message] of cases) {
      const error = assertError(await confirm(t, token, password), 400, 'invalid_request');
      assert.match(error.fields?.['password'] ?? '', message, password);
    }
    assert.equal((await confirm(t, token)).status, 204);
  });

  it('mails pending partners but not suspended ones', async () => {
    const t = setup();
    await addPartner(t, { code: 'pending1', status: 'pending' });
    await addPartner(t, { code: 'suspended1', status: 'suspended' });
    assert.equal((await requestReset(t, 'suspended1')).status, 202);
    assert.equal((await requestReset(t, 'pending1')).status, 202);
    await mailQueued();
    const mails = await outbox(t);
    assert.deepEqual(mails.map((m) => m.to), ['pending1@example.com']);
  });

  it('throttles per identifier and per address, known or not', async () => {
    const t = setup();
    for (let i = 0; i < RESET_IDENTIFIER_LIMIT; i += 1) assert.equal((await requestReset(t, 'Ghost')).status, 202);
    const locked = await requestReset(t, 'ghost');
    assertError(locked, 429, 'throttled');
    assert.ok(Number(locked.headers.get('Retry-After')) > 0);
    for (let i = 0; i < RESET_ADDRESS_LIMIT; i += 1) {
      assert.equal((await requestReset(t, `someone-${i}`, '198.51.100.7')).status, 202);
    }
    assertError(await requestReset(t, 'someone-else', '198.51.100.7'), 429, 'throttled');
    t.clock.advance(16 * 60_000);
    assert.equal((await requestReset(t, 'ghost', '198.51.100.7')).status, 202);
  });

  it('answers 400 to malformed bodies, never 5xx', async () => {
    const t = setup();
    for (const body of [{}, { identifier: '' }, { identifier: 5 }, { identifier: 'x'.repeat(255) }, { identifier: 'a', extra: 1 }]) {
      assertError(await call(t.app, 'POST', '/auth/password-reset', { body }), 400, 'invalid_request');
    }
    for (const body of [{}, { token: 'abc' }, { token: '', password: NEW_PASSWORD }, { token: 'a'.repeat(201), password: NEW_PASSWORD }, { token: 'abc', password: 12 }]) {
      assertError(await call(t.app, 'POST', '/auth/password-reset/confirm', { body }), 400, 'invalid_request');
    }
    for (const path of ['/auth/password-reset', '/auth/password-reset/confirm']) {
      assertError(await call(t.app, 'POST', path, { rawBody: '{"identifier":', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    }
    assert.equal(tokenRows(t), 0);
  });

  it('shows the outbox to admins only, newest first, with a limit', async () => {
    const t = setup();
    const partner = await addPartner(t, { code: 'sven', email: 'sven@example.com' });
    await resetToken(t, 'sven');
    t.clock.advance(1000);
    await resetToken(t, 'sven');
    assertError(await call(t.app, 'GET', '/admin/outbox'), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/admin/outbox', { token: sessionFor(t, partner.id) }), 401, 'unauthorized');
    const all = await outbox(t);
    assert.equal(all.length, 2);
    assert.ok(all[0]!.id > all[1]!.id);
    const one = await call(t.app, 'GET', '/admin/outbox?limit=1', { token: ADMIN_KEY });
    assert.deepEqual(OutboxList.parse(one.json).messages, [all[0]]);
    assertError(await call(t.app, 'GET', '/admin/outbox?limit=0', { token: ADMIN_KEY }), 400, 'invalid_request');
    assertError(await call(t.app, 'GET', '/admin/outbox?limit=abc', { token: ADMIN_KEY }), 400, 'invalid_request');
  });
});
