// Runs a command with CHROME_PATH set to a Chromium it found or installed: `with-chrome.mjs cmd args…`.
import { spawnSync } from 'node:child_process';
import { ensureChrome } from './chrome.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-chrome.mjs <command> [args…]');
  process.exit(2);
}
const env = { ...process.env, CHROME_PATH: ensureChrome() };
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
