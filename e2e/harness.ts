// Shared by the end-to-end tests, the screenshot script and the browser benchmarks:
// build the elements bundle, run the REAL demo server on a free port with a fresh database,
// and drive headless Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const demoPartner = { code: 'demo', password: 'demo-partner' } as const;
/** The demo's back-office (staff) sign-in, seeded in demo mode only. */
export const demoAdmin = { email: 'admin@harborandpine.example', password: 'back-office-demo' } as const;

/** Bundles the elements into packages/elements/dist (served by the server at /rp/). */
export async function buildBundle(options: { outdir?: string; minify?: boolean; metafile?: boolean } = {}): Promise<unknown> {
  // A computed specifier: the build script is plain JavaScript without type declarations.
  const script = pathToFileURL(join(repoRoot, 'scripts/build-elements.mjs')).href;
  const { buildElements } = (await import(script)) as {
    buildElements: (o: { outdir?: string; minify?: boolean; metafile?: boolean }) => Promise<unknown>;
  };
  return buildElements(options);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface DemoServer {
  origin: string;
  port: number;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `server/src/main.ts` (the real server, demo mode) as a child process with its own
 * temp database, and resolves once `/api/health` answers 200.
 */
export async function startDemoServer(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<DemoServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-e2e-'));
  const serverDir = join(repoRoot, 'server');
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      RP_DEMO: 'true',
      PORT: String(port),
      // The origin tests browse, so tracked links and demo destinations point at it.
      RP_PUBLIC_URL: `http://127.0.0.1:${port}`,
      RP_DATABASE: join(dataDir, 'rp.sqlite'),
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends anything it started too.
    detached: process.platform !== 'win32',
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          /* already gone */
        }
      }, 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
      try {
        const response = await fetch(`${origin}/api/health`);
        if (response.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error('the server did not answer /api/health in time');
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log}`);
  }
  return { origin, port, output: () => log, stop };
}

export function chromePath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Collects console errors, uncaught exceptions and CSP violations of every page of a context.
 * `problems` is what a test should assert empty.
 */
export function watchForProblems(context: BrowserContext): { problems: string[] } {
  const problems: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error: Error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A navigation away cancels pending requests; that is not a fault.
      const failure = request.failure()?.errorText ?? '';
      if (!failure.includes('ERR_ABORTED')) problems.push(`request failed on ${page.url()}: ${request.url()} ${failure}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} for ${response.url()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  // CSP violations also print a console error, but listen for the event itself too.
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return { problems };
}

/** Signs in through the sign-in page the way a person would. */
export async function signInThroughPage(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/signin.html`);
  await page.getByLabel('Partner code').fill(demoPartner.code);
  await page.getByLabel('Password', { exact: true }).fill(demoPartner.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/partners\.html/);
}

/** Signs the merchant's staff into the demo back office the way a person would. */
export async function signInToBackOffice(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/back-office.html`);
  const form = page.locator('rp-admin-signin.login-form');
  await form.getByLabel('Email').fill(demoAdmin.email);
  await form.getByLabel('Password', { exact: true }).fill(demoAdmin.password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('rp-admin-signin.account').getByText(/Signed in as/).waitFor(timeout);
}

/** Opens a back-office section through its sidebar link and answers its element. */
export async function openBackOfficeSection(page: Page, name: string, tag: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name }).click();
  const element = page.locator(tag);
  await element.waitFor(timeout);
  return element;
}

/** Saves a full-page PNG under `.screenshots/` (git-ignored) to look at after a failure. */
export async function failureScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(repoRoot, '.screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  console.error(`screenshot of the failure: ${path}`);
}

/** Waits of the journeys: generous, since the machines are shared. */
export const timeout = { timeout: 15_000 };

/**
 * Registers the hooks every journey needs: before — build the bundle, start the demo server and
 * Chromium; after — stop both, even when a test failed, so nothing keeps running.
 */
export function useDemo(): { server?: DemoServer; browser?: Browser } {
  const demo: { server?: DemoServer; browser?: Browser } = {};
  before(async () => {
    await buildBundle();
    demo.server = await startDemoServer();
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close().catch(() => {});
    await demo.server?.stop();
  });
  return demo;
}
