// `node --import tsx docs/screenshots.ts`: starts the demo server (fresh database), signs in as
// the demo partner and saves PNGs of the demo site at 1280 px and 375 px wide into
// docs/screenshots/: the demo site, every Home section, Redirect Links after creating a link,
// and every report. The README embeds docs/screenshots/partner-center.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  buildBundle,
  launchChromium,
  repoRoot,
  signInThroughPage,
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
  return path;
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

    problems.push(...watched.problems);
    await context.close();
  }
  return [...new Set([...problems, ...overflowing.map((o) => `horizontal overflow on ${o}`)])];
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
