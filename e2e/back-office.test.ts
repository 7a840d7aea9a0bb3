// The merchant's back office and a partner's account, end to end against the real server in
// Chromium: the merchant changes what partners see; a visitor signs up, is approved, signs in and
// copies a banner whose HTML carries their own link; following that link counts as their click; a
// partner who forgot their password resets it through the mailed link.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoPartner, failureScreenshot, openBackOfficeSection, signInThroughPage, signInToBackOffice, timeout, useDemo, watchForProblems } from './harness.ts';

const demo = useDemo();

/** A browser context of its own with the merchant signed into the back office. */
async function backOffice(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { problems } = watchForProblems(context);
  const page = await context.newPage();
  await signInToBackOffice(page, origin);
  return { context, page, problems };
}

const partnerMenu = (page: Page) => page.locator('rp-nav');

describe('back office', () => {
  test('the merchant hides My Commission Structure and edits the welcome message; the partner sees both after a reload', async () => {
    assert.ok(demo.server && demo.browser);
    const welcome = `Fresh beans, fresh links — ${randomUUID().slice(0, 8)}.`;

    const partnerContext = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const partnerWatch = watchForProblems(partnerContext);
    const partner = await partnerContext.newPage();
    const merchant = await backOffice(demo.browser, demo.server.origin);
    try {
      await signInThroughPage(partner, demo.server.origin);
      await partnerMenu(partner).getByRole('link', { name: 'My Commission Structure' }).waitFor(timeout);

      const settings = await openBackOfficeSection(merchant.page, 'Settings', 'rp-admin-settings');
      const show = settings.getByRole('switch', { name: 'Show My Commission Structure' });
      assert.equal(await show.getAttribute('aria-checked'), 'true');
      await show.click();
      assert.equal(await show.getAttribute('aria-checked'), 'false');
      await settings.getByRole('textbox', { name: 'Message', exact: true }).fill(welcome);
      // The preview shows the message as partners will see it, before it is saved.
      await settings.locator('rp-admin-welcome-preview').getByText(welcome).waitFor(timeout);
      await settings.getByRole('button', { name: 'Save changes' }).click();
      await settings.getByText('Settings saved.').waitFor(timeout);

      await partner.reload();
      await partner.locator('rp-welcome').getByText(welcome).waitFor(timeout);
      await partnerMenu(partner).getByRole('link', { name: 'Welcome' }).waitFor(timeout);
      assert.equal(await partnerMenu(partner).getByRole('link', { name: 'My Commission Structure' }).count(), 0);

      assert.deepEqual([...merchant.problems, ...partnerWatch.problems], []);
    } catch (error) {
      await failureScreenshot(merchant.page, 'back-office-settings-merchant');
      await failureScreenshot(partner, 'back-office-settings-partner');
      throw error;
    } finally {
      await merchant.context.close();
      await partnerContext.close();
    }
  });

  test('a visitor signs up, the merchant approves them, they copy a banner with their own link, and following it is their click', async () => {
    assert.ok(demo.server && demo.browser);
    const { origin } = demo.server;
    const run = randomUUID().slice(0, 6);
    const newcomer = { name: 'Robin Alder', email: `robin.${run}@example.com`, code: `robin-${run}`, password: 'tidal-lantern-orchard-58' };

    const visitorContext = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const visitorWatch = watchForProblems(visitorContext);
    await visitorContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const visitor = await visitorContext.newPage();
    let merchant: Awaited<ReturnType<typeof backOffice>> | undefined;
    try {
      // The visitor signs up on the merchant's "become a partner" page; the demo reviews sign-ups first.
      await visitor.goto(`${origin}/become-a-partner.html`);
      const signup = visitor.locator('rp-signup');
      await signup.getByLabel('Your name').fill(newcomer.name);
      await signup.getByLabel('Email', { exact: true }).fill(newcomer.email);
      await signup.getByLabel('Password', { exact: true }).fill(newcomer.password);
      await signup.getByLabel(/Partner code/).fill(newcomer.code);
      const programs = signup.getByRole('checkbox', { name: /Coffee Subscriptions/ });
      if ((await programs.count()) > 0 && !(await programs.isChecked())) await programs.check();
      await signup.getByRole('checkbox', { name: /I accept/ }).check();
      await signup.getByRole('button', { name: 'Create partner account' }).click();
      await signup.getByRole('heading', { name: 'Application received' }).waitFor(timeout);
      assert.equal((await signup.locator('[part="code"]').textContent())?.trim(), newcomer.code);

      // Until approved, signing in is refused with a reason.
      await visitor.goto(`${origin}/signin.html`);
      await visitor.getByLabel('Partner code').fill(newcomer.code);
      await visitor.getByLabel('Password', { exact: true }).fill(newcomer.password);
      await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
      await visitor.getByText(/awaiting approval/).waitFor(timeout);
      // Chromium logs the refused request (403) as a console error: expected here, and only that.
      const refused = visitorWatch.problems.splice(0);
      assert.ok(refused.every((p) => p.includes('status of 403')), refused.join('\n'));

      // The merchant finds the pending partner in the back office and approves them.
      merchant = await backOffice(demo.browser, origin);
      const partners = await openBackOfficeSection(merchant.page, 'Partners', 'rp-admin-partners');
      await partners.getByLabel('Status').selectOption({ label: 'Pending approval' });
      await partners.getByRole('button', { name: new RegExp(newcomer.name) }).click();
      await partners.getByRole('button', { name: 'Approve' }).click();
      await partners.getByText('Partner approved.').waitFor(timeout);

      // Now they sign in and copy a banner's HTML.
      await visitor.getByLabel('Partner code').fill(newcomer.code);
      await visitor.getByLabel('Password', { exact: true }).fill(newcomer.password);
      await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
      await visitor.waitForURL(/\/partners\.html/, timeout);
      await partnerMenu(visitor).getByRole('link', { name: 'Banners' }).click();
      const banners = visitor.locator('rp-banners');
      const copy = banners.getByRole('button', { name: 'Copy HTML' }).first();
      await copy.click();
      await banners.getByText('Copied!').first().waitFor(timeout);
      const pasted = await visitor.evaluate(() => navigator.clipboard.readText());
      const href = /<a href="([^"]+)"><img /.exec(pasted)?.[1];
      assert.ok(href, `the copied HTML is a linked image: ${pasted}`);
      assert.match(href, new RegExp(`^${origin}/r/[A-Za-z0-9_-]+$`));

      // Someone follows that link from the partner's site and lands on the shop with a click id.
      const readerContext = await demo.browser.newContext();
      const reader = await readerContext.newPage();
      const landing = await reader.goto(href);
      assert.ok(landing);
      assert.ok(new URL(landing.url()).searchParams.get('rp_click'), `landed with a click id: ${landing.url()}`);
      await readerContext.close();

      // The click is the new partner's: it is on their link in Redirect Links.
      await visitor.reload();
      await partnerMenu(visitor).getByRole('link', { name: 'Redirect Links' }).click();
      const table = visitor.locator('rp-link-generator').getByRole('table', { name: 'Your links' });
      const row = table.getByRole('row').filter({ hasText: href });
      await row.waitFor(timeout);
      const headers = await table.getByRole('columnheader').allTextContents();
      const clicks = row.locator('th, td').nth(headers.findIndex((h) => h.trim() === 'Clicks'));
      assert.equal((await clicks.textContent())?.trim(), '1');

      assert.deepEqual([...visitorWatch.problems, ...(merchant?.problems ?? [])], []);
    } catch (error) {
      await failureScreenshot(visitor, 'back-office-signup-partner');
      if (merchant) await failureScreenshot(merchant.page, 'back-office-signup-merchant');
      throw error;
    } finally {
      await merchant?.context.close();
      await visitorContext.close();
    }
  });

  test('a partner who forgot their password gets a link by mail, sets a new one, and is signed out everywhere else', async () => {
    assert.ok(demo.server && demo.browser);
    const { origin } = demo.server;
    const newPassword = 'copper-kettle-morning-31';

    // A session on another device, which the reset must end.
    const otherContext = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await otherContext.newPage();
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { problems } = watchForProblems(context);
    const page = await context.newPage();
    let merchant: Awaited<ReturnType<typeof backOffice>> | undefined;
    try {
      await signInThroughPage(other, origin);

      await page.goto(`${origin}/signin.html`);
      await page.getByRole('button', { name: 'Forgot password?' }).click();
      await page.getByLabel('Partner code or email').fill(demoPartner.code);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText(/If an account matches, we sent a link/).waitFor(timeout);

      // The demo keeps mail in the outbox; the merchant's back office shows it, link included.
      merchant = await backOffice(demo.browser, origin);
      const outbox = await openBackOfficeSection(merchant.page, 'Outbox', 'rp-admin-outbox');
      await outbox.getByText('Reset your partner center password').first().click();
      const link = outbox.getByRole('link', { name: /\/reset-password\.html#token=/ }).first();
      const href = await link.getAttribute('href');
      assert.ok(href, 'the mail links to the reset page');
      await merchant.context.close();
      merchant = undefined;

      await page.goto(href);
      await page.waitForFunction(() => !location.hash.includes('token'), null, timeout);
      await page.getByLabel('New password').fill(newPassword);
      await page.getByLabel('Type it again').fill(newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('heading', { name: 'Password changed' }).waitFor(timeout);

      // The link works once. (From another page: the same URL with a new fragment would not reload.)
      await page.goto('about:blank');
      await page.goto(href);
      await page.getByRole('button', { name: 'Change password' }).waitFor(timeout);
      await page.getByLabel('New password').fill('another-fresh-phrase-77');
      await page.getByLabel('Type it again').fill('another-fresh-phrase-77');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('heading', { name: 'Ask for a new link' }).waitFor(timeout);
      const refused = problems.splice(0);
      assert.ok(refused.every((p) => /status of 4\d\d/.test(p)), refused.join('\n'));

      // The other device was signed out; the new password signs in.
      await other.reload();
      await other.getByLabel('Partner code').waitFor(timeout);
      await page.goto(`${origin}/signin.html`);
      await page.getByLabel('Partner code').fill(demoPartner.code);
      await page.getByLabel('Password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/partners\.html/, timeout);

      assert.deepEqual(problems, []);
    } catch (error) {
      await failureScreenshot(page, 'back-office-reset');
      throw error;
    } finally {
      await merchant?.context.close();
      await context.close();
      await otherContext.close();
    }
  });
});
