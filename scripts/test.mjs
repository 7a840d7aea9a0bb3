// `npm test`: every check, in order — typecheck, server tests (real SQLite), element tests
// (headless Chromium + MSW), end-to-end (real server + demo in Chromium). Prints one closing
// line "N passed, N failed" over all suites and exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureChrome } from './chrome.mjs';

const env = { ...process.env, CHROME_PATH: ensureChrome(), FORCE_COLOR: '0' };

const e2eFiles = () => readdirSync('e2e').filter((f) => f.endsWith('.test.ts')).map((f) => `e2e/${f}`);

const suites = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'tooling', command: 'node', args: ['--test', 'scripts/minify-css-literals.test.mjs'] },
  { name: 'server', command: 'npm', args: ['test', '--silent', '-w', 'server'] },
  { name: 'elements', command: 'npx', args: ['web-test-runner'] },
  { name: 'e2e', command: 'node', args: ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...e2eFiles()] },
];

function run({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node's test runner (tap or spec) or web-test-runner's summary. */
function counts(output) {
  const strip = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const node = [...strip.matchAll(/^(?:#|ℹ) (pass|fail) (\d+)$/gm)];
  if (node.length) {
    const sum = (kind) => node.filter((m) => m[1] === kind).reduce((n, m) => n + Number(m[2]), 0);
    return { passed: sum('pass'), failed: sum('fail') };
  }
  const wtr = [...strip.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  return null;
}

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  console.log(`\n▶ ${suite.name}: ${suite.command} ${suite.args.join(' ')}`);
  const started = Date.now();
  const { code, output } = await run(suite);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const found = counts(output);
  if (found) {
    passed += found.passed;
    failed += found.failed;
  } else if (code === 0) {
    passed += 1; // a check with no test count (typecheck) counts as one
  }
  if (code !== 0 && (!found || found.failed === 0)) failed += 1; // a suite that crashed counts as a failure
  summary.push(`${suite.name.padEnd(10)} ${code === 0 ? 'ok  ' : 'FAIL'} ${found ? `${found.passed} passed, ${found.failed} failed` : ''} (${seconds}s)`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
