import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignUpOptions, SignUpResponse } from '@rp/contract';
import { codeBase } from '../src/domain/signup.ts';
import { createProgram } from '../src/domain/programs.ts';
import { SIGNUP_ADDRESS_LIMIT } from '../src/routes/accounts.ts';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, signIn, type TestContext } from './helpers.ts';

const PASSWORD = 'violet-harbor-lantern-42';
let ip = 0;

/** Each app trusts X-Forwarded-For so that tests can sign up from distinct addresses. */
function setup(approval: 'automatic' | 'review' = 'review') {
  const t = makeApp({ RP_TRUST_PROXY: 'true' });
  t.db.prepare('UPDATE settings SET signup_approval = ? WHERE id = 1').run(approval);
  return t;
}

/** The merchant switches approval through the settings API; sign-up follows at once. */
async function setApproval(t: TestContext, approval: 'automatic' | 'review') {
  const res = await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body: { signUpApproval: approval } });
  assert.equal(res.status, 200, res.text);
}

function program(t: TestContext, name: string) {
  return createProgram(t.db, { name, description: `${name} program`, currency: 'USD', attributionWindowDays: 30, holdDays: 0, rules: [] }, t.clock.now());
}

function signUp(t: TestContext, body: unknown, address = `10.0.0.${(ip += 1) % 250}`) {
  return call(t.app, 'POST', '/auth/sign-up', { body, headers: { 'X-Forwarded-For': address } });
}

const counts = (t: TestContext) => ({
  partners: (t.db.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n,
  enrollments: (t.db.prepare('SELECT count(*) AS n FROM enrollments').get() as { n: number }).n,
});

const valid = (fields: Record<string, unknown> = {}) => ({
  name: 'Dana Doe',
  email: 'dana@example.com',
  password: PASSWORD,
  acceptTerms: true,
  ...fields,
});

describe('sign-up', () => {
  it('with automatic approval: active, told the code is the username, can sign in, enrolled', async () => {
    const t = setup('automatic');
    const shop = program(t, 'Shop');
    program(t, 'Other');
    const res = await signUp(t, valid({ code: 'Dana-Coffee', email: 'Dana@Example.com', programIds: [shop] }));
    assert.equal(res.status, 201, res.text);
    const body = SignUpResponse.parse(res.json);
    assert.equal(body.partnerCode, 'Dana-Coffee');
    assert.equal(body.status, 'active');
    assert.match(body.message, /"Dana-Coffee"/);
    assert.match(body.message, /username/);
    assert.match(body.message, /sign in now/);
    const row = t.db.prepare('SELECT id, email, status, password_hash FROM partners WHERE code = ?').get('dana-coffee') as {
      id: number;
      email: string;
      status: string;
      password_hash: string;
    };
    assert.equal(row.email, 'dana@example.com');
    assert.match(row.password_hash, /^scrypt\$/);
    const enrolled = t.db.prepare('SELECT program_id FROM enrollments WHERE partner_id = ?').all(row.id);
    assert.deepEqual(enrolled, [{ program_id: shop }]);
    await signIn(t, 'dana-coffee', PASSWORD);
  });

  it('with review: pending, told to wait for approval, sign-in refused as awaiting approval', async () => {
    const t = setup('review');
    const res = await signUp(t, valid({ code: 'waiting' }));
    assert.equal(res.status, 201, res.text);
    const body = SignUpResponse.parse(res.json);
    assert.equal(body.status, 'pending');
    assert.match(body.message, /"waiting"/);
    assert.match(body.message, /username/);
    assert.match(body.message, /once your account is approved/);
    const refused = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'waiting', password: PASSWORD } });
    assert.match(assertError(refused, 403, 'forbidden').message, /awaiting approval/);
    t.db.prepare(`UPDATE partners SET status = 'active' WHERE code = 'waiting'`).run();
    await signIn(t, 'waiting', PASSWORD);
  });

  it('refuses each invalid input with a field message, writing nothing', async () => {
    const t = setup('automatic');
    const open = program(t, 'Open');
    const closed = program(t, 'Closed');
    const archived = program(t, 'Archived');
    t.db.prepare('UPDATE programs SET is_open = 0 WHERE id = ?').run(closed);
    t.db.prepare('UPDATE programs SET archived_at = 1 WHERE id = ?').run(archived);
    await addPartner(t, { code: 'existing' });
    const before = counts(t);
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['short password', { password: 'elevenchars' }, 'password', /at least 12/],
      ['long password', { password: 'x'.repeat(257) }, 'password', /at most 256/],
      ['common password', { password: 'password1234' }, 'password', /too common/],
      ['common password, other case', { password: 'QWERTY123456' }, 'password', /too common/],
      ['password contains email name', { email: 'harbormaster@example.com', password: 'my-harbormaster-pw!' }, 'password', /email/],
      ['password is the code', { code: 'lantern-keeper-9', password: 'Lantern-Keeper-9' }, 'password', /partner code/],
      ['password contains the generated code', { name: 'Mira Quill', password: 'xx-mira-q-is-me-xx' }, 'password', /partner code/],
      ['terms missing', { acceptTerms: undefined }, 'acceptTerms', /terms/],
      ['terms false', { acceptTerms: false }, 'acceptTerms', /terms/],
      ['bad email', { email: 'not-an-email' }, 'email', /valid email/],
      ['empty name', { name: '   ' }, 'name', /required/],
      ['bad code', { code: 'no spaces' }, 'code', /letters, digits/],
      ['closed program', { programIds: [open, closed] }, 'programIds', /open for sign-up/],
      ['archived program', { programIds: [archived] }, 'programIds', /open for sign-up/],
      ['unknown program', { programIds: [9999] }, 'programIds', /open for sign-up/],
      ['no program while one is open', { programIds: [] }, 'programIds', /at least one/],
      ['programs omitted while one is open', { programIds: undefined }, 'programIds', /at least one/],
      ['program ids of the wrong type', { programIds: ['1'] }, 'programIds.0', /./],
      ['unknown field', { role: 'admin' }, 'role', /Unknown field/],
    ];
    for (const [label, fields, field, message] of cases) {
      const body = { ...valid({ programIds: [open] }), ...fields };
      const error = assertError(await signUp(t, body), 400, 'invalid_request');
      assert.match(error.fields?.[field] ?? '', message, `${label}: ${JSON.stringify(error)}`);
    }
    for (const raw of ['{', '[]', 'null', '"x"']) {
      const res = await call(t.app, 'POST', '/auth/sign-up', { rawBody: raw, headers: { 'Content-Type': 'application/json' } });
      assert.equal(res.status, 400, `${raw}: ${res.text}`);
    }
    assertError(await call(t.app, 'POST', '/auth/sign-up', { rawBody: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    assert.deepEqual(counts(t), before);
  });

  it('answers 409 on a taken email or code, with a suggestion for the code, writing nothing', async () => {
    const t = setup('automatic');
    const existing = await addPartner(t, { code: 'roaster', email: 'taken@example.com' });
    await addPartner(t, { code: 'roaster-2' });
    const before = counts(t);
    const email = assertError(await signUp(t, valid({ email: 'TAKEN@example.com' })), 409, 'conflict');
    assert.match(email.fields?.['email'] ?? '', /already exists/);
    const code = assertError(await signUp(t, valid({ code: 'ROASTER' })), 409, 'conflict');
    assert.match(code.fields?.['code'] ?? '', /"ROASTER" is taken\. Try "ROASTER-3"/);
    assert.deepEqual(counts(t), before);
    assert.ok(existing.id > 0);
  });

  it('lets only one of two racing sign-ups with one email or one code win', async () => {
    const t = setup('automatic');
    const byEmail = await Promise.all([signUp(t, valid({ name: 'Ann One' })), signUp(t, valid({ name: 'Ann Two' }))]);
    assert.deepEqual(byEmail.map((r) => r.status).sort(), [201, 409]);
    const byCode = await Promise.all([
      signUp(t, valid({ code: 'same', email: 'one@example.com' })),
      signUp(t, valid({ code: 'same', email: 'two@example.com' })),
    ]);
    assert.deepEqual(byCode.map((r) => r.status).sort(), [201, 409]);
    assert.equal(counts(t).partners, 2);
  });

  it('generates a unique code from the name when none is chosen', async () => {
    const t = setup('automatic');
    const codes: string[] = [];
    for (const [i, name] of ['Dana Doe', 'dana  DOE', 'Dana Delgado'].entries()) {
      const res = await signUp(t, valid({ name, email: `dana${i}@example.com` }));
      assert.equal(res.status, 201, res.text);
      codes.push(SignUpResponse.parse(res.json).partnerCode);
    }
    assert.deepEqual(codes, ['dana-d', 'dana-d-2', 'dana-d-3']);
    assert.equal(codeBase('Zoë'), 'zoe');
    assert.equal(codeBase('Zoë Café & Co'), 'zoe-c');
    assert.equal(codeBase('李小龍'), 'partner');
    assert.equal(codeBase('J'), 'j-partner');
    assert.ok(codeBase(`${'a'.repeat(60)} b`).length <= 40);
  });

  it('needs no program when none is open, and lists what the form offers', async () => {
    const t = setup('review');
    const options = SignUpOptions.parse((await call(t.app, 'GET', '/auth/sign-up')).json);
    assert.deepEqual(options, { approval: 'review', programs: [], passwordMinLength: 12 });
    const res = await signUp(t, valid());
    assert.equal(res.status, 201, res.text);
    const open = program(t, 'Shop');
    const closed = program(t, 'Closed');
    t.db.prepare('UPDATE programs SET is_open = 0 WHERE id = ?').run(closed);
    const after = SignUpOptions.parse((await call(t.app, 'GET', '/auth/sign-up')).json);
    assert.deepEqual(after.programs, [{ id: open, name: 'Shop', description: 'Shop program' }]);
  });

  it("follows the merchant's approval setting from the settings API", async () => {
    const t = setup('review');
    await setApproval(t, 'automatic');
    assert.equal(SignUpOptions.parse((await call(t.app, 'GET', '/auth/sign-up')).json).approval, 'automatic');
    const first = SignUpResponse.parse((await signUp(t, valid())).json);
    assert.equal(first.status, 'active');
    await setApproval(t, 'review');
    const second = SignUpResponse.parse((await signUp(t, valid({ email: 'second@example.com', code: 'second-one' }))).json);
    assert.equal(second.status, 'pending');
    const bad = await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body: { signUpApproval: 'sometimes' } });
    assert.match(assertError(bad, 400, 'invalid_request').fields?.signUpApproval ?? '', /automatic or review/);
  });

  it('throttles sign-ups per address', async () => {
    const t = setup('automatic');
    const common = valid({ password: 'password1234' });
    for (let i = 0; i < SIGNUP_ADDRESS_LIMIT; i += 1) {
      assertError(await signUp(t, common, '192.0.2.1'), 400, 'invalid_request');
    }
    const locked = await signUp(t, valid(), '192.0.2.1');
    assertError(locked, 429, 'throttled');
    assert.ok(Number(locked.headers.get('Retry-After')) > 0);
    assert.equal(counts(t).partners, 0);
    assertError(await signUp(t, common, '192.0.2.2'), 400, 'invalid_request');
    t.clock.advance(16 * 60_000);
    assert.equal((await signUp(t, valid(), '192.0.2.1')).status, 201);
  });
});
