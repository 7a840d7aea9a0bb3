// Element tests: TypeScript sources compiled by esbuild, run in headless Chromium from the
// machine (CHROME_PATH, found by scripts/chrome.mjs). The API is mocked with MSW, whose
// service worker is served from packages/elements/test.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { findChrome } from './scripts/chrome.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH or run `apt-get install -y chromium` (npm test installs it when it can).');
  process.exit(1);
}

export default {
  rootDir: '.',
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One test page at a time: Chromium pauses requestAnimationFrame in background tabs, so a second
  // concurrent page would hang every test that waits for a frame (fixture(), nextFrame()).
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  testsFinishTimeout: 180000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    // The MSW worker must be served from the root so its scope covers every test page.
    function mswWorkerAtRoot(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/packages/elements/test/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
};
