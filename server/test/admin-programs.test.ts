import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminProgram, AdminProgramList, CommissionRule, CommissionStructure } from '@rp/contract';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';
import { ok, usd } from './money-helpers.ts';
import { enroll } from '../src/domain/partners.ts';

const t = makeApp();
let partnerToken: string;
let partnerId: number;

before(async () => {
  const partner = await addPartner(t, { code: 'rules-partner' });
  partnerId = partner.id;
  partnerToken = sessionFor(t, partner.id);
});

const admin = (method: string, path: string, body?: unknown) => call(t.app, method, `/admin${path}`, { token: ADMIN_KEY, body });
const ruleCount = () => (t.db.prepare('SELECT count(*) AS n FROM commission_rules').get() as { n: number }).n;
const programCount = () => (t.db.prepare('SELECT count(*) AS n FROM programs').get() as { n: number }).n;

async function createProgram(fields: Record<string, unknown> = {}) {
  const res = await admin('POST', '/programs', { name: 'Coffee', currency: 'USD', attributionWindowDays: 30, holdDays: 14, ...fields });
  assert.equal(res.status, 201, res.text);
  return AdminProgram.parse(res.json);
}

async function addRule(programId: number, body: Record<string, unknown>) {
  const res = await admin('POST', `/programs/${programId}/rules`, body);
  assert.equal(res.status, 201, res.text);
  return CommissionRule.parse(res.json);
}

async function readProgram(id: number) {
  const res = await admin('GET', `/programs/${id}`);
  assert.equal(res.status, 200, res.text);
  return AdminProgram.parse(res.json);
}

describe('admin programs', () => {
  it('creates, lists and reads programs', async () => {
    const p = await createProgram({ name: '  Beans ', description: 'Whole beans.' });
    assert.deepEqual({ ...p, createdAt: undefined }, {
      id: p.id,
      name: 'Beans',
      description: 'Whole beans.',
      currency: 'USD',
      attributionWindowDays: 30,
      holdDays: 14,
      isOpen: true,
      archived: false,
      createdAt: undefined,
      enrolledPartners: 0,
      rules: [],
    });
    const list = AdminProgramList.parse((await admin('GET', '/programs')).json);
    assert.ok(list.programs.some((x) => x.id === p.id));
    assertError(await admin('GET', '/programs/9999'), 404, 'not_found');
    assertError(await admin('GET', '/programs/x'), 400, 'invalid_request');
  });

  it('refuses invalid programs field by field, writing nothing', async () => {
    const before = programCount();
    const base = { name: 'P', currency: 'USD', attributionWindowDays: 30, holdDays: 0 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, name: '' }, 'name'],
      [{ ...base, currency: 'usd' }, 'currency'],
      [{ ...base, attributionWindowDays: 0 }, 'attributionWindowDays'],
      [{ ...base, holdDays: -1 }, 'holdDays'],
      [{ ...base, holdDays: 1.5 }, 'holdDays'],
      [{ ...base, archived: true }, 'archived'],
    ];
    for (const [body, field] of cases) {
      const error = assertError(await admin('POST', '/programs', body), 400, 'invalid_request');
      assert.ok(error.fields?.[field], `${JSON.stringify(body)} → ${JSON.stringify(error.fields)}`);
    }
    assert.equal(programCount(), before);
  });

  it('updates fields, archives and unarchives; the partner stops seeing an archived program', async () => {
    const p = await createProgram();
    enroll(t.db, partnerId, p.id, t.clock.now());
    const res = await admin('PATCH', `/programs/${p.id}`, { name: 'Renamed', holdDays: 0, isOpen: false, currency: 'EUR' });
    assert.equal(res.status, 200, res.text);
    const updated = AdminProgram.parse(res.json);
    assert.deepEqual([updated.name, updated.holdDays, updated.isOpen, updated.currency, updated.enrolledPartners], ['Renamed', 0, false, 'EUR', 1]);
    const visible = async () =>
      CommissionStructure.parse((await call(t.app, 'GET', '/partner/commission-structure', { token: partnerToken })).json).programs.map((x) => x.programId);
    assert.ok((await visible()).includes(p.id));
    assert.equal(AdminProgram.parse((await admin('PATCH', `/programs/${p.id}`, { archived: true })).json).archived, true);
    assert.ok(!(await visible()).includes(p.id));
    assert.equal(AdminProgram.parse((await admin('PATCH', `/programs/${p.id}`, { archived: false })).json).archived, false);
    assert.ok((await visible()).includes(p.id));
    assertError(await admin('PATCH', '/programs/9999', { name: 'x' }), 404, 'not_found');
    assert.ok(assertError(await admin('PATCH', `/programs/${p.id}`, { holdDays: -2 }), 400, 'invalid_request').fields?.['holdDays']);
    assertError(await admin('PATCH', `/programs/${p.id}`, {}), 400, 'invalid_request');
    assert.equal((await readProgram(p.id)).name, 'Renamed');
  });

  it('fixes the currency once the program has conversions', async () => {
    const p = await createProgram();
    await addRule(p.id, { type: 'percent_of_sale', basisPoints: 1000 });
    enroll(t.db, partnerId, p.id, t.clock.now());
    await ok(t, 'sales', { programId: p.id, orderId: 'cur-1', amount: usd(1000), attribution: { partnerCode: 'rules-partner' } });
    const error = assertError(await admin('PATCH', `/programs/${p.id}`, { currency: 'EUR', name: 'Not applied' }), 409, 'conflict');
    assert.ok(error.fields?.['currency']);
    const after = await readProgram(p.id);
    assert.deepEqual([after.currency, after.name], ['USD', 'Coffee']);
    // Flat amounts are in the program's currency: they must go before the currency changes.
    const flat = await createProgram();
    const flatRule = await addRule(flat.id, { type: 'flat_per_lead', amount: usd(100) });
    assert.ok(assertError(await admin('PATCH', `/programs/${flat.id}`, { currency: 'EUR' }), 409, 'conflict').fields?.['currency']);
    assert.equal((await admin('DELETE', `/programs/${flat.id}/rules/${flatRule.id}`)).status, 204);
    assert.equal(AdminProgram.parse((await admin('PATCH', `/programs/${flat.id}`, { currency: 'EUR' })).json).currency, 'EUR');
    // The same currency again is no change, so it is fine.
    assert.equal((await admin('PATCH', `/programs/${p.id}`, { currency: 'USD', name: 'Applied' })).status, 200);
  });
});

describe('admin commission rules', () => {
  it('adds each type of rule, as the contract shapes them, and the partner sees them', async () => {
    const p = await createProgram();
    enroll(t.db, partnerId, p.id, t.clock.now());
    const pct = await addRule(p.id, { type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12, note: 'Renewals too.' });
    assert.deepEqual(pct, { id: pct.id, type: 'percent_of_sale', basisPoints: 1250, recurringMonths: 12, productSku: null, note: 'Renewals too.' });
    const flat = await addRule(p.id, { type: 'flat_per_sale', amount: usd(2500), productSku: ' GRINDER ' });
    assert.deepEqual(flat, { id: flat.id, type: 'flat_per_sale', amount: usd(2500), recurringMonths: null, productSku: 'GRINDER', note: '' });
    const lead = await addRule(p.id, { type: 'flat_per_lead', amount: usd(300) });
    assert.deepEqual(lead, { id: lead.id, type: 'flat_per_lead', amount: usd(300), productSku: null, note: '' });
    // A per-product percentage next to the general one is fine: one rule per type per target.
    await addRule(p.id, { type: 'percent_of_sale', basisPoints: 500, productSku: 'BEANS' });
    const structure = CommissionStructure.parse((await call(t.app, 'GET', '/partner/commission-structure', { token: partnerToken })).json);
    assert.equal(structure.programs.find((x) => x.programId === p.id)?.rules.length, 4);
    // And a sale earns under the new rule.
    const sale = await ok(t, 'sales', { programId: p.id, orderId: 'rule-sale-1', amount: usd(10000), attribution: { partnerCode: 'rules-partner' } });
    assert.deepEqual(sale.commission, usd(1250));
  });

  it('refuses invalid rules field by field and a second rule for the same type and target', async () => {
    const p = await createProgram();
    await addRule(p.id, { type: 'percent_of_sale', basisPoints: 1000 });
    const before = ruleCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'percent_of_sale', basisPoints: 10001 }, 'basisPoints'],
      [{ type: 'percent_of_sale', basisPoints: -1 }, 'basisPoints'],
      [{ type: 'percent_of_sale', basisPoints: 12.5 }, 'basisPoints'],
      [{ type: 'flat_per_sale', amount: { amount: 9.99, currency: 'USD' } }, 'amount.amount'],
      [{ type: 'flat_per_sale', amount: { amount: -1, currency: 'USD' } }, 'amount.amount'],
      [{ type: 'flat_per_sale', amount: usd(100), productSku: '  ' }, 'productSku'],
      [{ type: 'flat_per_lead', amount: usd(100), recurringMonths: 3 }, 'recurringMonths'],
      [{ type: 'flat_per_lead', amount: usd(100), productSku: 'X' }, 'productSku'],
      [{ type: 'flat_per_sale', amount: { amount: 100, currency: 'EUR' } }, 'amount.currency'],
      [{ type: 'percent_of_sale', basisPoints: 100, id: 5 }, 'id'],
      [{ type: 'bonus', amount: usd(1) }, 'type'],
    ];
    for (const [body, field] of cases) {
      const error = assertError(await admin('POST', `/programs/${p.id}/rules`, body), 400, 'invalid_request');
      assert.ok(error.fields?.[field], `${JSON.stringify(body)} → ${JSON.stringify(error.fields)}`);
    }
    assertError(await admin('POST', `/programs/${p.id}/rules`, { type: 'percent_of_sale', basisPoints: 200 }), 409, 'conflict');
    assertError(await admin('POST', '/programs/9999/rules', { type: 'percent_of_sale', basisPoints: 200 }), 404, 'not_found');
    assert.equal(ruleCount(), before);
  });

  it('updates a rule, including its type, and deletes it', async () => {
    const p = await createProgram();
    const rule = await addRule(p.id, { type: 'percent_of_sale', basisPoints: 1000, recurringMonths: 6, productSku: 'MUG' });
    const res = await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, { basisPoints: 1500, note: 'More.' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(CommissionRule.parse(res.json), { ...rule, basisPoints: 1500, note: 'More.' });
    const retyped = await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, { type: 'flat_per_sale', amount: usd(700) });
    assert.equal(retyped.status, 200, retyped.text);
    assert.deepEqual(CommissionRule.parse(retyped.json), {
      id: rule.id,
      type: 'flat_per_sale',
      amount: usd(700),
      recurringMonths: null,
      productSku: 'MUG',
      note: 'More.',
    });
    // Changing the type without the new type's fields is a 400, and nothing changes.
    const bad = assertError(await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, { type: 'percent_of_sale' }), 400, 'invalid_request');
    assert.ok(bad.fields?.['basisPoints']);
    assert.ok(assertError(await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, { amount: usd(-5) }), 400, 'invalid_request').fields?.['amount.amount']);
    assertError(await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, {}), 400, 'invalid_request');
    // Colliding with another rule of the same type and target is a conflict.
    await addRule(p.id, { type: 'flat_per_sale', amount: usd(100) });
    assertError(await admin('PATCH', `/programs/${p.id}/rules/${rule.id}`, { productSku: null }), 409, 'conflict');
    assert.deepEqual((await readProgram(p.id)).rules.find((r) => r.id === rule.id), CommissionRule.parse(retyped.json));
    const other = await createProgram();
    assertError(await admin('PATCH', `/programs/${other.id}/rules/${rule.id}`, { note: 'x' }), 404, 'not_found');
    assertError(await admin('DELETE', `/programs/${other.id}/rules/${rule.id}`), 404, 'not_found');
    assert.equal((await admin('DELETE', `/programs/${p.id}/rules/${rule.id}`)).status, 204);
    assert.ok(!(await readProgram(p.id)).rules.some((r) => r.id === rule.id));
    assertError(await admin('DELETE', `/programs/${p.id}/rules/${rule.id}`), 404, 'not_found');
  });

  it('refuses partner tokens and missing or wrong keys, changing nothing', async () => {
    const p = await createProgram();
    const rule = await addRule(p.id, { type: 'percent_of_sale', basisPoints: 100 });
    const before = [programCount(), ruleCount()];
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/admin/programs'],
      ['POST', '/admin/programs', { name: 'X', currency: 'USD', attributionWindowDays: 1, holdDays: 0 }],
      ['PATCH', `/admin/programs/${p.id}`, { name: 'Hacked' }],
      ['POST', `/admin/programs/${p.id}/rules`, { type: 'flat_per_lead', amount: usd(1) }],
      ['PATCH', `/admin/programs/${p.id}/rules/${rule.id}`, { basisPoints: 10000 }],
      ['DELETE', `/admin/programs/${p.id}/rules/${rule.id}`],
    ];
    for (const token of [undefined, partnerToken, 'wrong-key']) {
      for (const [method, path, body] of routes) assertError(await call(t.app, method, path, { token, body }), 401, 'unauthorized');
    }
    assert.deepEqual([programCount(), ruleCount()], before);
    assert.deepEqual((await readProgram(p.id)).rules, [rule]);
  });
});
