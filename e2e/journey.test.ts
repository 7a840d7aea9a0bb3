// The partner's journey through the demo merchant site, against the real server, in Chromium,
// clicked the way a person clicks it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { demoPartner, failureScreenshot, timeout, useDemo, watchForProblems } from './harness.ts';

/** What the demo seed ("Harbor & Pine Coffee") shows to Dana Demo. */
const seed = {
  partnerName: 'Dana Demo',
  welcomeSnippet: 'Welcome to the Harbor & Pine partner family!',
  enrolledPrograms: ['Coffee Subscriptions', 'Gift Cards'],
  notEnrolled: 'Wholesale Referrals',
  percentTerm: '12.5% of each sale',
};

const demo = useDemo();

/** A menu item of the center (links to `#/<section>` inside `<rp-nav>`). */
function menuItem(page: Page, name: string): Locator {
  return page.locator('rp-nav').getByRole('link', { name, exact: true });
}

/** The section the portal is showing (the element after the menu). */
function section(page: Page, tag: string): Locator {
  return page.locator(tag).first();
}

async function newContext(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  assert.ok(demo.browser, 'the browser is running');
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { problems } = watchForProblems(context);
  const page = await context.newPage();
  return { context, page, problems };
}

describe('partner journey', () => {
  test('home → partner sign-in → every Home section → edit profile → reload → sign out', async () => {
    assert.ok(demo.server);
    const { context, page, problems } = await newContext();
    try {
      // The merchant's home page, with its own customer sign-in and the partner link under it.
      await page.goto(`${demo.server.origin}/`);
      await page.getByRole('heading', { name: 'Customer sign-in' }).waitFor(timeout);
      const partnerLink = page.getByRole('main').getByRole('link', { name: 'Referral Partner Sign-in' });
      await partnerLink.click();
      await page.waitForURL(/\/signin\.html$/, timeout);

      // The sign-in page loads the sign-in element alone.
      await page.getByLabel('Partner code').fill(demoPartner.code);
      await page.getByLabel('Password', { exact: true }).fill(demoPartner.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/partners\.html/, timeout);

      // Signed in: the center greets the partner by name.
      await page.getByText(/Signed in as/).first().waitFor(timeout);
      await page.getByText(seed.partnerName).first().waitFor(timeout);

      // Home → Welcome: the merchant's message.
      await menuItem(page, 'Welcome').click();
      await page.waitForURL(/#\/welcome$/, timeout);
      const welcome = section(page, 'rp-welcome');
      await welcome.getByText(seed.welcomeSnippet).first().waitFor(timeout);

      // Home → My Profile: Dana's details.
      await menuItem(page, 'My Profile').click();
      await page.waitForURL(/#\/profile$/, timeout);
      const profile = section(page, 'rp-profile');
      await profile.getByText(seed.partnerName).first().waitFor(timeout);

      // Home → My Programs: the two programs Dana is enrolled in, not the third.
      await menuItem(page, 'My Programs').click();
      await page.waitForURL(/#\/programs$/, timeout);
      const programs = section(page, 'rp-programs');
      for (const name of seed.enrolledPrograms) await programs.getByText(name).first().waitFor(timeout);
      assert.equal(await programs.getByText(seed.notEnrolled).count(), 0, `${seed.notEnrolled} is not one of Dana's programs`);

      // Home → My Commission Structure: the exact terms.
      await menuItem(page, 'My Commission Structure').click();
      await page.waitForURL(/#\/commission-structure$/, timeout);
      const structure = section(page, 'rp-commission-structure');
      await structure.getByText(seed.percentTerm).first().waitFor(timeout);
      for (const name of seed.enrolledPrograms) await structure.getByText(name).first().waitFor(timeout);

      // My Profile → Edit profile → change phone and company → Save.
      const newPhone = '+1 503 555 0199';
      const newCompany = `Dana's Brew Notes ${Date.now() % 10_000}`;
      await menuItem(page, 'My Profile').click();
      await page.waitForURL(/#\/profile$/, timeout);
      await profile.getByRole('button', { name: 'Edit profile' }).click();
      await profile.getByLabel('Phone').fill(newPhone);
      await profile.getByLabel('Company').fill(newCompany);
      await profile.getByRole('button', { name: /^Save( changes)?$/ }).click();
      await profile.getByText('Profile saved.').waitFor(timeout);
      await profile.getByText(newCompany).first().waitFor(timeout);

      // Reload: still signed in, on the same section, and the change was kept by the server.
      await page.reload();
      await page.getByText(/Signed in as/).first().waitFor(timeout);
      assert.match(page.url(), /#\/profile$/);
      await section(page, 'rp-profile').getByText(newCompany).first().waitFor(timeout);
      await section(page, 'rp-profile').getByText(newPhone).first().waitFor(timeout);

      // Sign out → the sign-in form again.
      await page.getByRole('button', { name: 'Sign out' }).first().click();
      await page.getByLabel('Partner code').waitFor(timeout);
      await page.getByLabel('Password', { exact: true }).waitFor(timeout);
      assert.equal(await page.getByText(/Signed in as/).count(), 0, 'no one is signed in any more');

      // And a reload does not bring the session back.
      await page.reload();
      await page.getByLabel('Partner code').waitFor(timeout);

      assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
    } catch (error) {
      await failureScreenshot(page, 'failure-journey');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('widgets page: separately placed elements share one sign-in', async () => {
    assert.ok(demo.server);
    const { context, page, problems } = await newContext();
    let signInRequests = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/auth/sign-in')) signInRequests += 1;
    });
    try {
      await page.goto(`${demo.server.origin}/widgets.html`);
      const sidebarSignin = page.locator('rp-signin');
      await sidebarSignin.getByLabel('Partner code').waitFor(timeout);

      // Signed out: the data elements show no partner data yet.
      assert.equal(await page.locator('rp-commission-structure').getByText(seed.percentTerm).count(), 0);

      // One sign-in in the sidebar…
      await sidebarSignin.getByLabel('Partner code').fill(demoPartner.code);
      await sidebarSignin.getByLabel('Password', { exact: true }).fill(demoPartner.password);
      await sidebarSignin.getByRole('button', { name: 'Sign in', exact: true }).click();
      await sidebarSignin.getByText(/Signed in as/).waitFor(timeout);

      // …fills every element on the page, wherever it is placed.
      await page.locator('rp-welcome').getByText(seed.welcomeSnippet).first().waitFor(timeout);
      for (const name of seed.enrolledPrograms) await page.locator('rp-programs').getByText(name).first().waitFor(timeout);
      await page.locator('rp-commission-structure').getByText(seed.percentTerm).first().waitFor(timeout);
      assert.equal(signInRequests, 1, 'one sign-in request for the whole page');
      assert.match(page.url(), /\/widgets\.html$/, 'no redirect without a redirect attribute');

      // Signing out in the sidebar clears them all.
      await sidebarSignin.getByRole('button', { name: 'Sign out' }).click();
      await sidebarSignin.getByLabel('Partner code').waitFor(timeout);
      await page.locator('rp-commission-structure').getByText(seed.percentTerm).waitFor({ state: 'detached', ...timeout });
      assert.equal(await page.locator('rp-programs').getByText(seed.enrolledPrograms[0]!).count(), 0);

      assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
    } catch (error) {
      await failureScreenshot(page, 'failure-widgets');
      throw error;
    } finally {
      await context.close();
    }
  });
});
