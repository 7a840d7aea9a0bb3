import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  CenterForPartner,
  CenterPublic,
  CommissionStructure,
  menuItemIds,
  ProgramList,
  type CenterSettings,
} from '@rp/contract';
import { seedDemo } from '../src/seed/demo.ts';
import { ADMIN_KEY, call, makeApp, sessionFor, signIn } from './helpers.ts';

const t = makeApp();
const tables = ['settings', 'partners', 'programs', 'enrollments', 'commission_rules', 'sessions', 'login_throttle'];
const counts = () =>
  Object.fromEntries(tables.map((table) => [table, (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
const partnerId = (code: string) => (t.db.prepare('SELECT id FROM partners WHERE code = ?').get(code) as { id: number }).id;

let demoToken: string;

before(async () => {
  assert.equal(await seedDemo(t.db, t.config, t.clock.now()), true);
  demoToken = await signIn(t, 'demo', 'demo-partner');
});

describe('demo seed', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const first = counts();
    const settings = t.db.prepare('SELECT * FROM settings').get();
    const partners = t.db.prepare('SELECT * FROM partners ORDER BY id').all();
    assert.deepEqual(first, {
      settings: 1,
      partners: 4,
      programs: 3,
      enrollments: 5,
      commission_rules: 5,
      sessions: 1,
      login_throttle: 0,
    });
    t.clock.advance(60_000);
    assert.equal(await seedDemo(t.db, t.config, t.clock.now()), false);
    assert.deepEqual(counts(), first);
    assert.deepEqual(t.db.prepare('SELECT * FROM settings').get(), settings);
    assert.deepEqual(t.db.prepare('SELECT * FROM partners ORDER BY id').all(), partners);
  });

  it('has the partners with their statuses', () => {
    const rows = t.db.prepare('SELECT code, status FROM partners ORDER BY id').all();
    assert.deepEqual(rows, [
      { code: 'demo', status: 'active' },
      { code: 'brewblog', status: 'active' },
      { code: 'latteletters', status: 'active' },
      { code: 'newroaster', status: 'pending' },
    ]);
  });
});

describe('center', () => {
  it('GET /center is public and brands the sign-in card', async () => {
    const res = await call(t.app, 'GET', '/center');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(CenterPublic.parse(res.json), {
      name: 'Harbor & Pine Partner Center',
      currency: 'USD',
      locale: 'en-US',
      branding: { accentColor: '#2f6b4f', logoUrl: null },
    });
  });

  it('GET /partner/center has the welcome message and the whole menu, in order, with categories', async () => {
    const res = await call(t.app, 'GET', '/partner/center', { token: demoToken });
    assert.equal(res.status, 200, res.text);
    const center = CenterForPartner.parse(res.json);
    assert.equal(center.name, 'Harbor & Pine Partner Center');
    assert.ok(center.welcomeMessage.startsWith('Welcome to the Harbor & Pine partner family!'));
    assert.ok(center.welcomeMessage.split('\n\n').length >= 3, 'paragraphs separated by blank lines');
    assert.deepEqual(
      center.menu.map((m) => m.id),
      [...menuItemIds],
    );
    assert.deepEqual(center.menu.slice(0, 5), [
      { id: 'welcome', category: 'home', label: null },
      { id: 'profile', category: 'home', label: null },
      { id: 'programs', category: 'home', label: null },
      { id: 'commission-structure', category: 'home', label: null },
      { id: 'links', category: 'resources', label: null },
    ]);
    assert.deepEqual(center.menu.at(-1), { id: 'ledger', category: 'reports', label: null });
  });

  it('shows only visible items, in the merchant’s order, with their labels', async () => {
    const settings = (await call(t.app, 'GET', '/admin/settings', { token: ADMIN_KEY })).json as CenterSettings;
    const menu = settings.menu.map((entry) => ({ ...entry }));
    const hidden = new Set(['banners', 'email-copy', 'leads']);
    for (const entry of menu) if (hidden.has(entry.id)) entry.visible = false;
    menu.reverse();
    menu[0]!.label = 'My Money';
    const patched = await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body: { menu } });
    assert.equal(patched.status, 200, patched.text);

    const center = CenterForPartner.parse((await call(t.app, 'GET', '/partner/center', { token: demoToken })).json);
    assert.deepEqual(
      center.menu.map((m) => m.id),
      menu.filter((m) => m.visible).map((m) => m.id),
    );
    assert.deepEqual(center.menu[0], { id: 'ledger', category: 'reports', label: 'My Money' });
    assert.equal(center.menu.length, 9);

    // Put the default back for the other tests.
    await call(t.app, 'PATCH', '/admin/settings', { token: ADMIN_KEY, body: { menu: settings.menu } });
  });

  it('needs a session', async () => {
    assert.equal((await call(t.app, 'GET', '/partner/center')).status, 401);
  });
});

const coffee = {
  name: 'Coffee Subscriptions',
  description:
    'Refer coffee lovers to our roast-of-the-month subscription. You earn on the first order and on every renewal for a full year, so one good recommendation keeps paying.',
  currency: 'USD',
  attributionWindowDays: 30,
  holdDays: 30,
};
const giftCards = {
  name: 'Gift Cards',
  description: 'Share Harbor & Pine gift cards for birthdays, holidays and thank-yous. Any amount, delivered by email.',
  currency: 'USD',
  attributionWindowDays: 14,
  holdDays: 14,
};

describe('programs and commission structure', () => {
  it('lists the demo partner’s two programs', async () => {
    const res = await call(t.app, 'GET', '/partner/programs', { token: demoToken });
    assert.equal(res.status, 200, res.text);
    const enrolledAt = new Date(t.clock.now() - 60_000).toISOString(); // seeded before the clock moved
    assert.deepEqual(ProgramList.parse(res.json), {
      programs: [
        { id: 1, ...coffee, enrolledAt },
        { id: 3, ...giftCards, enrolledAt },
      ],
    });
  });

  it('gives the exact commission structure', async () => {
    const res = await call(t.app, 'GET', '/partner/commission-structure', { token: demoToken });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(CommissionStructure.parse(res.json), {
      programs: [
        {
          programId: 1,
          programName: 'Coffee Subscriptions',
          currency: 'USD',
          attributionWindowDays: 30,
          holdDays: 30,
          rules: [
            {
              id: 1,
              type: 'percent_of_sale',
              basisPoints: 1250,
              recurringMonths: 12,
              productSku: null,
              note: 'On the first order and every renewal for 12 months.',
            },
            {
              id: 2,
              type: 'flat_per_sale',
              amount: { amount: 2500, currency: 'USD' },
              recurringMonths: null,
              productSku: 'GRINDER-PRO',
              note: 'The Harbor Grinder Pro earns a flat fee instead of the percentage.',
            },
          ],
        },
        {
          programId: 3,
          programName: 'Gift Cards',
          currency: 'USD',
          attributionWindowDays: 14,
          holdDays: 14,
          rules: [
            { id: 5, type: 'percent_of_sale', basisPoints: 800, recurringMonths: null, productSku: null, note: 'On the card value.' },
          ],
        },
      ],
    });
  });

  it('another partner sees their own programs: the wholesale rules', async () => {
    const token = sessionFor(t, partnerId('brewblog'));
    const programs = ProgramList.parse((await call(t.app, 'GET', '/partner/programs', { token })).json);
    assert.deepEqual(
      programs.programs.map((p) => p.name),
      ['Coffee Subscriptions', 'Wholesale Referrals'],
    );
    const structure = CommissionStructure.parse((await call(t.app, 'GET', '/partner/commission-structure', { token })).json);
    assert.deepEqual(structure.programs[1]?.rules, [
      { id: 3, type: 'flat_per_lead', amount: { amount: 1500, currency: 'USD' }, productSku: null, note: 'A qualified business requests a tasting kit.' },
      { id: 4, type: 'flat_per_sale', amount: { amount: 15000, currency: 'USD' }, recurringMonths: null, productSku: null, note: 'Their first wholesale order.' },
    ]);
  });

  it('leaves archived programs out', async () => {
    t.db.prepare(`UPDATE programs SET archived_at = ? WHERE name = 'Gift Cards'`).run(t.clock.now());
    const programs = ProgramList.parse((await call(t.app, 'GET', '/partner/programs', { token: demoToken })).json);
    assert.deepEqual(
      programs.programs.map((p) => p.name),
      ['Coffee Subscriptions'],
    );
    const structure = CommissionStructure.parse((await call(t.app, 'GET', '/partner/commission-structure', { token: demoToken })).json);
    assert.deepEqual(
      structure.programs.map((p) => p.programName),
      ['Coffee Subscriptions'],
    );
  });

  it('the database refuses a half-formed commission rule', () => {
    assert.throws(
      () => t.db.prepare(`INSERT INTO commission_rules (program_id, type, amount) VALUES (1, 'percent_of_sale', 100)`).run(),
      /CHECK constraint failed/,
    );
    assert.throws(
      () => t.db.prepare(`INSERT INTO commission_rules (program_id, type, amount, recurring_months) VALUES (1, 'flat_per_lead', 100, 3)`).run(),
      /CHECK constraint failed/,
    );
  });
});
