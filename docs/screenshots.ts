// `node --import tsx docs/screenshots.ts`: starts the demo server (fresh database) and saves PNGs
// of the demo site at 1280 px and 375 px wide into docs/screenshots/: every shop page (sign-up,
// and the reset page with a mailed token, included); signed in as the demo partner, every section
// of the center (Redirect Links after creating a link, a resource page open, every report); and
// the merchant's back office signed in, section by section. Every picture's page is also checked
// with axe (WCAG 2.2 AA and best practices). The README embeds docs/screenshots/partner-center.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  buildBundle,
  demoPartner,
  launchChromium,
  openBackOfficeSection,
  repoRoot,
  signInThroughPage,
  signInToBackOffice,
  startDemoServer,
  watchForProblems,
  type DemoServer,
} from '../e2e/harness.ts';

const outDir = join(repoRoot, 'docs/screenshots');
const widths = [
  { suffix: '', width: 1280, height: 860 },
  { suffix: '-375', width: 375, height: 812 },
] as const;
const wait = { timeout: 15_000 };

/** Waits until `tag` (anywhere, through shadow roots) shows `text`. */
async function shows(page: Page, tag: string, text: string | RegExp): Promise<void> {
  await page.locator(tag).getByText(text).first().waitFor(wait);
}

/** Lets fonts, images and transitions settle before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Sections move focus to their heading; a still picture should not show a focus ring.
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (focused instanceof HTMLElement) focused.blur();
    await document.fonts.ready;
    await Promise.all(
      Array.from(document.images).map((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true })))),
    );
  });
  await page.waitForTimeout(250);
}

/** Pages that scroll sideways on a phone are broken; say so. */
const overflowing: string[] = [];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What axe finds on the page as it is pictured, shadow roots included. */
const inaccessible: string[] = [];

async function checkAccessibility(page: Page, name: string): Promise<void> {
  // Evaluated through the debugging protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  for (const violation of violations) inaccessible.push(`${name}: ${violation}`);
}

/**
 * What a picture holds: the whole page (default), the viewport, the page from its top to the
 * bottom of an element plus a margin, or the top of the page up to a height (long reports).
 */
type Area = 'page' | 'viewport' | { until: Locator } | { maxHeight: number };

async function shoot(page: Page, name: string, area: Area = 'page'): Promise<string> {
  await settle(page);
  const { scrollWidth, scrollHeight, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth) overflowing.push(`${name}: ${scrollWidth}px wide in a ${innerWidth}px viewport`);
  const path = join(outDir, `${name}.png`);
  let height = scrollHeight;
  if (typeof area === 'object' && 'maxHeight' in area) height = Math.min(scrollHeight, area.maxHeight);
  if (typeof area === 'object' && 'until' in area) {
    const box = await area.until.boundingBox();
    if (!box) throw new Error(`${name}: the element to frame is not visible`);
    height = Math.min(scrollHeight, Math.ceil(box.y + box.height + 32));
  }
  await page.screenshot(
    area === 'viewport' ? { path } : { path, fullPage: true, clip: { x: 0, y: 0, width: innerWidth, height } },
  );
  console.log(`  ${path.slice(repoRoot.length + 1)}`);
  // After the picture: axe may scroll to measure colours.
  await checkAccessibility(page, name);
  return path;
}

/** The demo's admin key, for the API calls that stand in for a mail client. */
const DEMO_ADMIN_KEY = 'demo-admin-key';

/**
 * A fresh password-reset link for the demo partner: asked for through the API, read from the
 * outbox (where the demo keeps mail) as a merchant's back office would show it.
 */
async function resetLink(origin: string): Promise<string> {
  const asked = await fetch(`${origin}/api/auth/password-reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: demoPartner.code }),
  });
  if (asked.status !== 202) throw new Error(`password reset request: ${asked.status} ${await asked.text()}`);
  const outbox = await fetch(`${origin}/api/admin/outbox?limit=5`, { headers: { Authorization: `Bearer ${DEMO_ADMIN_KEY}` } });
  const { messages } = (await outbox.json()) as { messages: { text: string }[] };
  const link = messages.map((m) => /https?:\/\/\S+\/reset-password\.html#token=[\w-]+/.exec(m.text)?.[0]).find(Boolean);
  if (!link) throw new Error('no reset link in the outbox');
  return link;
}

async function capture(browser: Browser, server: DemoServer): Promise<string[]> {
  const problems: string[] = [];
  for (const { suffix, width, height } of widths) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const watched = watchForProblems(context);

    // The shop's home page with its customer sign-in and the partner link.
    await page.goto(`${server.origin}/`);
    await shoot(page, `home${suffix}`);

    // The partner sign-in page, signed out.
    await page.goto(`${server.origin}/signin.html`);
    await page.getByLabel('Partner code').waitFor(wait);
    await shoot(page, `signin${suffix}`);

    // Signed out, the widgets page shows its sign-in in the sidebar.
    await page.goto(`${server.origin}/widgets.html`);
    await page.locator('rp-signin').getByLabel('Partner code').waitFor(wait);
    await shoot(page, `widgets-signed-out${suffix}`);

    // The developers page; signed out, its themed example shows the whole sign-in form.
    await page.goto(`${server.origin}/developers.html`);
    await page.locator('rp-signin.theme-night').getByLabel('Partner code').waitFor(wait);
    await shoot(page, `developers${suffix}`);

    // The partner program's landing page with its sign-up form.
    await page.goto(`${server.origin}/become-a-partner.html`);
    await page.locator('rp-signup').getByLabel('Your name').waitFor(wait);
    await shoot(page, `become-a-partner${suffix}`);

    // The page a reset mail links to, opened with a real token.
    await page.goto(await resetLink(server.origin));
    await page.getByLabel('New password').waitFor(wait);
    await shoot(page, `reset-password${suffix}`);

    // Sign in, then the center's Home sections.
    await signInThroughPage(page, server.origin);
    await page.goto(`${server.origin}/partners.html#/welcome`);
    await shows(page, 'rp-welcome', /welcome/i);
    // The README's hero: the welcome view with its summary (balances, funnel, chart), from the
    // top of the page to the bottom of the center.
    await page.locator('rp-welcome').locator('figure svg').waitFor(wait);
    await shoot(page, `partner-center${suffix}`, { until: page.locator('rp-portal') });

    await page.goto(`${server.origin}/partners.html#/profile`);
    await shows(page, 'rp-profile', 'Dana Demo');
    await shoot(page, `partners-profile${suffix}`);

    await page.locator('rp-profile').getByRole('button', { name: 'Edit profile' }).click();
    await page.locator('rp-profile').getByLabel('Phone').waitFor(wait);
    await shoot(page, `partners-profile-edit${suffix}`);

    await page.goto(`${server.origin}/partners.html#/programs`);
    await shows(page, 'rp-programs', 'Coffee Subscriptions');
    await shoot(page, `partners-programs${suffix}`);

    await page.goto(`${server.origin}/partners.html#/commission-structure`);
    await shows(page, 'rp-commission-structure', '12.5% of each sale');
    await shoot(page, `partners-commission-structure${suffix}`);

    // Resources: create a tracked link, then the list of links and the clicks report.
    await page.goto(`${server.origin}/partners.html#/links`);
    const links = page.locator('rp-link-generator');
    await links.getByRole('button', { name: 'Create link' }).waitFor(wait);
    // The first destination may or may not take a path.
    if (await links.getByLabel(/^Path/).count()) await links.getByLabel(/^Path/).fill('/shop/espresso');
    await links.getByLabel(/^Campaign/).fill(width > 600 ? 'spring-newsletter' : 'instagram-bio');
    await links.getByRole('button', { name: 'Create link' }).click();
    await links.getByLabel('Your new link').waitFor(wait);
    await shows(page, 'rp-clicks', 'Clicks per link and day');
    await page.locator('rp-clicks').locator('table').waitFor(wait);
    await shoot(page, `partners-links${suffix}`, { maxHeight: width > 600 ? 2000 : 3000 });

    // Promotional material: banners, email copy, and the resource pages with one page open.
    await page.goto(`${server.origin}/partners.html#/banners`);
    await page.locator('rp-banners').getByRole('button', { name: 'Copy HTML' }).first().waitFor(wait);
    await shoot(page, `partners-banners${suffix}`, { maxHeight: width > 600 ? 2000 : 3000 });

    await page.goto(`${server.origin}/partners.html#/email-copy`);
    await page.locator('rp-email-copy').getByRole('button').first().waitFor(wait);
    await shoot(page, `partners-email-copy${suffix}`, { maxHeight: width > 600 ? 2000 : 3000 });

    await page.goto(`${server.origin}/partners.html#/resource-pages`);
    await shows(page, 'rp-resource-pages', 'Brand guidelines');
    await shoot(page, `partners-resource-pages${suffix}`);
    await page.locator('rp-resource-pages').getByRole('link', { name: 'Brand guidelines' }).click();
    await page.locator('rp-resource-pages').getByRole('heading', { name: 'Brand guidelines' }).waitFor(wait);
    await shoot(page, `partners-resource-page${suffix}`);

    // Reports, each with a year of demo history.
    for (const [section, tag] of [
      ['commissions', 'rp-commissions'],
      ['leads', 'rp-leads'],
      ['sales', 'rp-sales'],
      ['ledger', 'rp-ledger'],
    ] as const) {
      await page.goto(`${server.origin}/partners.html#/${section}`);
      await page.locator(tag).locator('tbody tr').first().waitFor(wait);
      // A year of history makes long pages: the top (heading, filters, first rows) tells the look.
      await shoot(page, `partners-${section}${suffix}`, { maxHeight: width > 600 ? 1600 : 2400 });
    }

    // The widgets page, signed in: every placed element filled from one session.
    await page.goto(`${server.origin}/widgets.html`);
    await shows(page, 'rp-commission-structure', '12.5% of each sale');
    await shows(page, 'rp-welcome', /welcome/i);
    await shoot(page, `widgets${suffix}`);

    // The merchant's back office: its sign-in screen, then every section signed in.
    await page.goto(`${server.origin}/back-office.html`);
    await page.locator('rp-admin-signin.login-form').getByLabel('Email').waitFor(wait);
    await shoot(page, `back-office-signin${suffix}`);
    await signInToBackOffice(page, server.origin);

    const settings = await openBackOfficeSection(page, 'Settings', 'rp-admin-settings');
    await settings.getByRole('button', { name: 'Save changes' }).waitFor({ ...wait, state: 'attached' });
    await shoot(page, `back-office-settings${suffix}`);

    const partners = await openBackOfficeSection(page, 'Partners', 'rp-admin-partners');
    await partners.getByRole('button', { name: /Dana Demo/ }).first().waitFor(wait);
    await shoot(page, `back-office-partners${suffix}`);
    await partners.getByRole('button', { name: /Dana Demo/ }).first().click();
    await partners.getByText('Record a payout').first().waitFor(wait);
    await shoot(page, `back-office-partner${suffix}`);

    const programs = await openBackOfficeSection(page, 'Programs', 'rp-admin-programs');
    await programs.getByText('Coffee Subscriptions').first().waitFor(wait);
    await shoot(page, `back-office-programs${suffix}`);

    const destinations = await openBackOfficeSection(page, 'Link destinations', 'rp-admin-destinations');
    await destinations.getByRole('button', { name: 'Add destination' }).waitFor(wait);
    await shoot(page, `back-office-destinations${suffix}`);

    const resources = await openBackOfficeSection(page, 'Resources', 'rp-admin-resources');
    for (const [tab, name] of [
      ['Banners', 'banners'],
      ['Email copy', 'email-copy'],
      ['Resource pages', 'resource-pages'],
    ] as const) {
      await resources.getByRole('tab', { name: tab }).click();
      await resources.getByRole('tabpanel', { name: tab }).getByRole('button').first().waitFor(wait);
      await shoot(page, `back-office-${name}${suffix}`);
    }

    const outbox = await openBackOfficeSection(page, 'Outbox', 'rp-admin-outbox');
    await outbox.getByText('Reset your partner center password').first().click();
    await outbox.getByRole('link', { name: /\/reset-password\.html#token=/ }).first().waitFor(wait);
    await shoot(page, `back-office-outbox${suffix}`);

    problems.push(...watched.problems);
    await context.close();
  }
  return [
    ...new Set([...problems, ...overflowing.map((o) => `horizontal overflow on ${o}`), ...inaccessible.map((a) => `axe: ${a}`)]),
  ];
}

mkdirSync(outDir, { recursive: true });
await buildBundle();
const server = await startDemoServer();
let browser: Browser | undefined;
let exitCode = 0;
try {
  browser = await launchChromium();
  console.log('screenshots:');
  const problems = await capture(browser, server);
  if (problems.length) {
    console.error(`problems seen while capturing:\n  ${problems.join('\n  ')}`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
}
process.exit(exitCode);
