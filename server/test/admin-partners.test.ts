import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminPartner, AdminPartnerCreated, AdminPartnerPage, AdminPasswordReset, OutboxList, SignInResponse } from '@rp/contract';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';
import { DAY, ok, program, usd } from './money-helpers.ts';

const t = makeApp();
let partnerToken: string;
let shop: number;
let wholesale: number;
let archived: number;

before(async () => {
  const partner = await addPartner(t, { code: 'someone' });
  partnerToken = sessionFor(t, partner.id);
  shop = program(t, [{ type: 'percent_of_sale', basisPoints: 1000 }], { name: 'Shop', holdDays: 30 });
  wholesale = program(t, [{ type: 'flat_per_lead', amount: 500 }], { name: 'Wholesale' });
  archived = program(t, [], { name: 'Old' });
  t.db.prepare('UPDATE programs SET archived_at = 1 WHERE id = ?').run(archived);
});

const admin = (method: string, path: string, body?: unknown) => call(t.app, method, `/admin${path}`, { token: ADMIN_KEY, body });
const partnerCount = () => (t.db.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n;

async function create(body: Record<string, unknown>) {
  const res = await admin('POST', '/partners', body);
  assert.equal(res.status, 201, res.text);
  return AdminPartnerCreated.parse(res.json);
}

async function detail(code: string) {
  const res = await admin('GET', `/partners/${code}`);
  assert.equal(res.status, 200, res.text);
  return AdminPartner.parse(res.json);
}

describe('admin partners: create', () => {
  it('creates with a chosen code and password, enrolled, and the partner can sign in', async () => {
    const created = await create({ name: 'Ada Shop', email: 'ADA@Example.com', code: 'ada', password: 'correct-horse-battery', programIds: [shop, wholesale] });
    assert.equal(created.password, null, 'a chosen password is not echoed');
    assert.equal(created.partner.profile.code, 'ada');
    assert.equal(created.partner.profile.email, 'ada@example.com');
    assert.equal(created.partner.profile.status, 'active');
    assert.deepEqual(created.partner.enrollments.map((e) => e.programName), ['Shop', 'Wholesale']);
    assert.deepEqual(created.partner.balance.total, usd(0));
    const signIn = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'ada', password: 'correct-horse-battery' } });
    assert.equal(signIn.status, 200, signIn.text);
    SignInResponse.parse(signIn.json);
  });

  it('generates a code from the name and a password, returned once', async () => {
    const created = await create({ name: 'Zoë Café & Co', email: 'zoe@example.com', status: 'pending' });
    assert.equal(created.partner.profile.code, 'zoe-cafe-co');
    assert.equal(created.partner.profile.status, 'pending');
    assert.ok(created.password && created.password.length >= 20);
    const second = await create({ name: 'Zoë Café & Co', email: 'zoe2@example.com' });
    assert.match(second.partner.profile.code, /^zoe-cafe-co-\d+$/);
    t.db.prepare(`UPDATE partners SET status = 'active' WHERE code = 'zoe-cafe-co'`).run();
    const signIn = await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'zoe-cafe-co', password: created.password } });
    assert.equal(signIn.status, 200, signIn.text);
  });

  it('refuses invalid input field by field, a taken code or email, and unknown programs, writing nothing', async () => {
    const before = partnerCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'x@example.com' }, 'name'],
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', email: 'x@example.com', code: 'has space' }, 'code'],
      [{ name: 'X', email: 'x@example.com', password: 'short' }, 'password'],
      [{ name: 'X', email: 'x@example.com', code: 'pwcode', password: 'my-pwcode-secret' }, 'password'],
      [{ name: 'X', email: 'x@example.com', status: 'deleted' }, 'status'],
      [{ name: 'X', email: 'x@example.com', programIds: [shop, shop] }, 'programIds'],
      [{ name: 'X', email: 'x@example.com', programIds: ['1'] }, 'programIds.0'],
      [{ name: 'X', email: 'x@example.com', role: 'admin' }, 'role'],
    ];
    for (const [body, field] of cases) {
      const error = assertError(await admin('POST', '/partners', body), 400, 'invalid_request');
      assert.ok(error.fields?.[field], `${JSON.stringify(body)} → ${JSON.stringify(error.fields)}`);
    }
    const taken = assertError(await admin('POST', '/partners', { name: 'X', email: 'new@example.com', code: 'ADA' }), 409, 'conflict');
    assert.ok(taken.fields?.['code']);
    const email = assertError(await admin('POST', '/partners', { name: 'X', email: 'Ada@example.com' }), 409, 'conflict');
    assert.ok(email.fields?.['email']);
    const unknown = assertError(await admin('POST', '/partners', { name: 'X', email: 'x@example.com', programIds: [shop, 9999] }), 404, 'not_found');
    assert.ok(unknown.fields?.['programIds.1']);
    assert.equal(partnerCount(), before);
    assert.equal((t.db.prepare(`SELECT count(*) AS n FROM partners WHERE email = 'x@example.com'`).get() as { n: number }).n, 0);
  });
});

describe('admin partners: list and detail', () => {
  it('searches code, name and email, filters by status and pages by cursor', async () => {
    for (let i = 0; i < 5; i++) await addPartner(t, { code: `list-${i}`, name: `Lister ${i}`, email: `l${i}@lists.example` });
    await addPartner(t, { code: 'list-pending', name: 'Lister P', email: 'lp@lists.example', status: 'pending' });
    const get = async (q: string) => {
      const res = await admin('GET', `/partners?${q}`);
      assert.equal(res.status, 200, res.text);
      return AdminPartnerPage.parse(res.json);
    };
    assert.deepEqual((await get('search=LISTER')).partners.map((p) => p.code), ['list-pending', 'list-4', 'list-3', 'list-2', 'list-1', 'list-0']);
    assert.deepEqual((await get('search=l3%40lists')).partners.map((p) => p.code), ['list-3']);
    assert.deepEqual((await get('search=list-pend')).partners.map((p) => p.code), ['list-pending']);
    assert.deepEqual((await get('search=%25')).partners, [], 'a % in the search is literal');
    assert.deepEqual((await get('search=lists&status=pending')).partners.map((p) => p.code), ['list-pending']);
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await get(`search=lists&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.partners.map((p) => p.code));
      cursor = page.nextCursor;
      pages += 1;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, ['list-pending', 'list-4', 'list-3', 'list-2', 'list-1', 'list-0']);
    assertError(await admin('GET', '/partners?cursor=bogus'), 400, 'invalid_request');
    assert.ok(assertError(await admin('GET', '/partners?limit=0'), 400, 'invalid_request').fields?.['limit']);
    assert.ok(assertError(await admin('GET', '/partners?status=gone'), 400, 'invalid_request').fields?.['status']);
  });

  it('shows profile, enrollments and the balance from the ledger; 404 for an unknown code', async () => {
    await create({ name: 'Earner', email: 'earner@example.com', code: 'earner', programIds: [shop] });
    await ok(t, 'sales', { programId: shop, orderId: 'o-earner-1', amount: usd(10000), attribution: { partnerCode: 'earner' } });
    const p = await detail('EARNER');
    assert.equal(p.profile.code, 'earner');
    assert.deepEqual(p.balance, { available: usd(0), pending: usd(1000), total: usd(1000) });
    t.clock.advance(31 * DAY);
    assert.deepEqual((await detail('earner')).balance, { available: usd(1000), pending: usd(0), total: usd(1000) });
    assertError(await admin('GET', '/partners/nobody'), 404, 'not_found');
  });
});

describe('admin partners: status, password, enrollments', () => {
  it('mails the partner when approved, with their code and where to sign in, escaped in HTML', async () => {
    await create({ name: 'Zoë <b>& Co</b>', email: 'zoe.approved@example.com', code: 'zoe-co', status: 'pending', password: 'lantern-harbor-quiet-3' });
    const before = OutboxList.parse((await admin('GET', '/outbox')).json).messages.length;
    assert.equal((await admin('POST', '/partners/zoe-co/approve')).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the mail is queued after the answer
    const messages = OutboxList.parse((await admin('GET', '/outbox')).json).messages;
    assert.equal(messages.length, before + 1);
    const [mail] = messages;
    assert.ok(mail);
    assert.equal(mail.to, 'zoe.approved@example.com');
    assert.match(mail.subject, /approved/);
    assert.match(mail.text, /Your partner code \(your username\) is: zoe-co/);
    assert.match(mail.text, /\/signin\.html/);
    assert.ok(mail.html?.includes('Zoë &#60;b&#62;&#38; Co&#60;/b&#62;'), mail.html ?? '');
    // A refused approval (already active) sends nothing.
    assertError(await admin('POST', '/partners/zoe-co/approve'), 409, 'conflict');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(OutboxList.parse((await admin('GET', '/outbox')).json).messages.length, before + 1);
  });

  it('approves pending partners only, suspends (signing them out) and reactivates', async () => {
    const { partner } = await create({ name: 'Flow', email: 'flow@example.com', code: 'flow', status: 'pending', password: 'river-crossing-9' });
    assert.equal(partner.profile.status, 'pending');
    assertError(await admin('POST', '/partners/flow/reactivate'), 409, 'conflict');
    const approved = await admin('POST', '/partners/flow/approve');
    assert.equal(approved.status, 200, approved.text);
    assert.equal(AdminPartner.parse(approved.json).profile.status, 'active');
    assertError(await admin('POST', '/partners/flow/approve'), 409, 'conflict');
    const id = (t.db.prepare(`SELECT id FROM partners WHERE code = 'flow'`).get() as { id: number }).id;
    const token = sessionFor(t, id);
    assert.equal((await call(t.app, 'GET', '/partner/profile', { token })).status, 200);
    const suspended = await admin('POST', '/partners/flow/suspend');
    assert.equal(AdminPartner.parse(suspended.json).profile.status, 'suspended');
    assertError(await admin('POST', '/partners/flow/suspend'), 409, 'conflict');
    assert.equal((t.db.prepare('SELECT count(*) AS n FROM sessions WHERE partner_id = ? AND revoked_at IS NULL').get(id) as { n: number }).n, 0);
    const reactivated = await admin('POST', '/partners/flow/reactivate');
    assert.equal(AdminPartner.parse(reactivated.json).profile.status, 'active');
    assertError(await call(t.app, 'GET', '/partner/profile', { token }), 401, 'unauthorized');
    for (const action of ['approve', 'suspend', 'reactivate', 'reset-password']) {
      assertError(await admin('POST', `/partners/nobody/${action}`), 404, 'not_found');
    }
  });

  it('resets the password to a temporary one, revoking sessions', async () => {
    await create({ name: 'Forgetful', email: 'forgetful@example.com', code: 'forgetful', password: 'the-old-password' });
    const id = (t.db.prepare(`SELECT id FROM partners WHERE code = 'forgetful'`).get() as { id: number }).id;
    const token = sessionFor(t, id);
    const res = await admin('POST', '/partners/forgetful/reset-password');
    assert.equal(res.status, 200, res.text);
    const { temporaryPassword } = AdminPasswordReset.parse(res.json);
    assertError(await call(t.app, 'GET', '/partner/profile', { token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'forgetful', password: 'the-old-password' } }), 401, 'invalid_credentials');
    assert.equal((await call(t.app, 'POST', '/auth/sign-in', { body: { code: 'forgetful', password: temporaryPassword } })).status, 200);
  });

  it('enrolls and unenrolls, refusing duplicates, archived and unknown programs', async () => {
    await create({ name: 'Joiner', email: 'joiner@example.com', code: 'joiner' });
    const added = await admin('POST', '/partners/joiner/enrollments', { programId: wholesale });
    assert.equal(added.status, 201, added.text);
    assert.deepEqual(AdminPartner.parse(added.json).enrollments.map((e) => e.programId), [wholesale]);
    assertError(await admin('POST', '/partners/joiner/enrollments', { programId: wholesale }), 409, 'conflict');
    assertError(await admin('POST', '/partners/joiner/enrollments', { programId: archived }), 409, 'conflict');
    assertError(await admin('POST', '/partners/joiner/enrollments', { programId: 9999 }), 404, 'not_found');
    assertError(await admin('POST', '/partners/nobody/enrollments', { programId: shop }), 404, 'not_found');
    assert.ok(assertError(await admin('POST', '/partners/joiner/enrollments', { programId: 'x' }), 400, 'invalid_request').fields?.['programId']);
    assert.deepEqual((await detail('joiner')).enrollments.map((e) => e.programId), [wholesale]);
    assert.equal((await admin('DELETE', `/partners/joiner/enrollments/${wholesale}`)).status, 204);
    assert.deepEqual((await detail('joiner')).enrollments, []);
    assertError(await admin('DELETE', `/partners/joiner/enrollments/${wholesale}`), 404, 'not_found');
    assertError(await admin('DELETE', `/partners/joiner/enrollments/abc`), 400, 'invalid_request');
  });

  it('refuses partner tokens and missing or wrong keys on every route', async () => {
    const before = partnerCount();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/admin/partners'],
      ['GET', '/admin/partners/someone'],
      ['POST', '/admin/partners', { name: 'Sneaky', email: 'sneaky@example.com' }],
      ['POST', '/admin/partners/someone/suspend'],
      ['POST', '/admin/partners/someone/reset-password'],
      ['POST', '/admin/partners/someone/enrollments', { programId: shop }],
      ['DELETE', `/admin/partners/someone/enrollments/${shop}`],
    ];
    for (const token of [undefined, partnerToken, 'wrong-key']) {
      for (const [method, path, body] of routes) {
        assertError(await call(t.app, method, path, { token, body }), 401, 'unauthorized');
      }
    }
    assert.equal(partnerCount(), before);
    assert.equal((await detail('someone')).profile.status, 'active');
  });
});
