// Finds a Chromium/Chrome executable on this machine: CHROME_PATH first, then the usual places.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Returns a Chromium path, installing Debian's package when missing and we are root on Debian.
 * Otherwise exits with a one-line explanation; it never waits for input.
 */
export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found; installing it from Debian (apt-get install chromium)…');
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 600_000 });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 900_000 });
    } catch (error) {
      console.error(`Could not install Chromium with apt-get: ${error.message}`);
    }
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium executable.');
  process.exit(1);
}
