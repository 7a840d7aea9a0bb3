// Tracking and money, end to end, against the real server in Chromium: the partner makes a link,
// a visitor follows it to the merchant's site, the merchant reports a lead and a sale with that
// click id through the admin API, and the partner sees all of it in the center.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { demoPartner, failureScreenshot, signInThroughPage, timeout, useDemo, watchForProblems } from './harness.ts';

const ADMIN_KEY = 'demo-admin-key';
const demo = useDemo();

/** A call to the API as the merchant's backend makes it. */
async function api(path: string, init: { method?: string; token?: string; body?: unknown; idempotencyKey?: string } = {}) {
  assert.ok(demo.server);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  const response = await fetch(`${demo.server.origin}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The id of one of the demo partner's programs, as the partner API lists them. */
async function programId(name: string): Promise<number> {
  const signIn = await api('/auth/sign-in', { body: { code: demoPartner.code, password: demoPartner.password } });
  assert.equal(signIn.status, 200);
  const programs = await api('/partner/programs', { token: String(signIn.json.token) });
  const found = (programs.json.programs as { id: number; name: string }[]).find((p) => p.name === name);
  assert.ok(found, `the demo partner is enrolled in ${name}`);
  return found.id;
}

/** The text of a table cell in the row containing `rowText`, under the column headed `column`. */
async function cellText(table: Locator, rowText: string, column: string): Promise<string> {
  // The row first: the headers are only there once the table has loaded.
  const row = table.getByRole('row').filter({ hasText: rowText }).first();
  await row.waitFor(timeout);
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.trim() === column);
  assert.ok(index >= 0, `a column headed ${column} among ${headers.join(' | ')}`);
  return ((await row.locator('th, td').nth(index).textContent()) ?? '').trim();
}

async function openSection(page: Page, label: string, tag: string): Promise<Locator> {
  await page.locator('rp-nav').getByRole('link', { name: label, exact: true }).click();
  const section = page.locator(tag).first();
  await section.waitFor(timeout);
  return section;
}

describe('tracking and money', () => {
  test('link → click → lead and sale via the admin API → the partner sees click, lead, sale, commission and ledger entry', async () => {
    assert.ok(demo.server && demo.browser);
    const run = randomUUID().slice(0, 8);
    const orderId = `E2E-ORDER-${run}`;
    const leadId = `E2E-LEAD-${run}`;
    const campaign = `e2e-${run}`;

    const partnerContext = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { problems } = watchForProblems(partnerContext);
    const page = await partnerContext.newPage();
    try {
      // The partner signs in and creates a tracked link to the shop's home page.
      await signInThroughPage(page, demo.server.origin);
      const generator = await openSection(page, 'Redirect Links', 'rp-link-generator');
      await generator.getByLabel('Destination').selectOption({ label: 'Shop home (this demo)' });
      await generator.getByLabel('Campaign / sub-id').fill(campaign);
      await generator.getByRole('button', { name: 'Create link' }).click();
      const newLink = generator.getByLabel('Your new link');
      await newLink.waitFor(timeout);
      const link = await newLink.inputValue();
      assert.match(link, new RegExp(`^${demo.server.origin}/r/[A-Za-z0-9_-]+$`));

      // A visitor, in a browser of their own, follows the link and lands on the merchant's page
      // with the click id, which the merchant's tracking script keeps in a first-party cookie.
      const visitorContext = await demo.browser.newContext();
      const visitor = await visitorContext.newPage();
      const landing = await visitor.goto(link);
      assert.ok(landing);
      const landed = new URL(landing.url());
      assert.equal(landed.origin, demo.server.origin);
      assert.equal(landed.pathname, '/');
      assert.equal(landed.searchParams.get('utm_campaign'), campaign);
      const clickId = landed.searchParams.get('rp_click');
      assert.ok(clickId, `the landing URL carries rp_click: ${landed.href}`);
      await visitor.waitForFunction(() => !location.search.includes('rp_click'), null, timeout);
      const cookie = (await visitorContext.cookies()).find((c) => c.name === 'rp_click');
      assert.equal(cookie?.value, clickId);
      assert.equal(await visitor.locator('input[name="rp_click"]').inputValue(), clickId);
      await visitorContext.close();

      // The merchant's backend reports the visitor's lead and sale with that click id.
      const program = await programId('Coffee Subscriptions');
      const lead = await api('/admin/leads', {
        token: ADMIN_KEY,
        idempotencyKey: `lead-${run}`,
        body: { programId: program, leadId, attribution: { clickId }, email: 'e2e.visitor@example.com', name: 'Evan Visitor' },
      });
      assert.equal(lead.status, 201, JSON.stringify(lead.json));
      const sale = await api('/admin/sales', {
        token: ADMIN_KEY,
        idempotencyKey: `sale-${run}`,
        body: { programId: program, orderId, amount: { amount: 4000, currency: 'USD' }, attribution: { clickId } },
      });
      assert.equal(sale.status, 201, JSON.stringify(sale.json));
      assert.deepEqual(sale.json.commission, { amount: 500, currency: 'USD' }); // 12.5 % of $40.00
      assert.equal(sale.json.attributedBy, 'click');

      // The partner sees the click on their link…
      await page.reload();
      const links = await openSection(page, 'Redirect Links', 'rp-link-generator');
      const linksTable = links.getByRole('table', { name: 'Your links' });
      assert.equal(await cellText(linksTable, link, 'Clicks'), '1');

      // …the lead, with its contact details masked…
      const leads = await openSection(page, 'Lead Tracking', 'rp-leads');
      const leadsTable = leads.getByRole('table');
      await leadsTable.getByText(leadId).waitFor(timeout);
      assert.equal(await cellText(leadsTable, leadId, 'Contact'), 'Evan V. · e•••@example.com');
      assert.equal(await leads.getByText('e2e.visitor@example.com').count(), 0);
      assert.equal(await leads.getByText('Evan Visitor').count(), 0);

      // …the sale and what it earned…
      const sales = await openSection(page, 'Sales', 'rp-sales');
      const salesTable = sales.getByRole('table');
      assert.equal(await cellText(salesTable, orderId, 'Amount'), '$40.00');
      assert.equal(await cellText(salesTable, orderId, 'Commission'), '$5.00');

      // …the commission, pending until the program's hold period ends…
      const commissions = await openSection(page, 'Commissions', 'rp-commissions');
      const commissionsTable = commissions.getByRole('table');
      assert.equal(await cellText(commissionsTable, orderId, 'Amount'), '$5.00');
      assert.match(await cellText(commissionsTable, orderId, 'Status'), /Pending/);

      // …and the ledger entry for it.
      const ledger = await openSection(page, 'My Ledger', 'rp-ledger');
      const entry = ledger.getByRole('row').filter({ hasText: orderId }).first();
      await entry.waitFor(timeout);
      assert.match(await entry.innerText(), /\+?\$5\.00/);

      assert.deepEqual(problems, []);
    } catch (error) {
      await failureScreenshot(page, 'tracking-journey');
      throw error;
    } finally {
      await partnerContext.close();
    }
  });
});
