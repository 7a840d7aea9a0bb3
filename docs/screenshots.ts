// `node --import tsx docs/screenshots.ts`: starts the demo server (fresh database), signs in as
// the demo partner and saves PNGs of the demo site at 1280 px and 375 px wide into
// docs/screenshots/. The README embeds docs/screenshots/partner-center.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

async function shoot(page: Page, name: string, fullPage = true): Promise<string> {
  await settle(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth) overflowing.push(`${name}: ${scrollWidth}px wide in a ${innerWidth}px viewport`);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
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
    await shoot(page, `partner-center${suffix}`, false);

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
