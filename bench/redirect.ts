// Redirect throughput and latency: `GET /r/<slug>` on the REAL server (demo mode, its own temp
// database, clicks recorded in batches) against a bare Hono + node-server app answering the same
// 302, measured in the same run. Three processes: the server under test, the bare baseline, and the
// load generator (autocannon), all on loopback. Every request is a new visitor (its own user agent),
// so every real redirect hashes, checks for a repeat and records a click.
//
// 1. throughput: as many requests as the connections can push for SECONDS, real and bare;
// 2. latency: p99 at a fixed rate of half the bare throughput, real and bare.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { demoPartner, freePort, repoRoot, startDemoServer } from '../e2e/harness.ts';
import type { Bench, BenchResult } from './types.ts';

const SECONDS = 5;
/** Throughput is measured in alternating rounds (real, bare, real, bare…) and the median taken, so a burst of other work on the machine skews one round, not the figure. */
const ROUNDS = 3;
const ROUND_SECONDS = 3;
const WARMUP_SECONDS = 1;
const CONNECTIONS = 32;
const THROUGHPUT_BUDGET = 0.7;
const P99_BUDGET_MS = 10;

interface Load {
  requestsPerSecond: number;
  total: number;
  redirects: number;
  other: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p90: number; p99: number; max: number };
}

/** Runs the load generator as its own process and answers its figures. */
function load(url: string, options: { seconds: number; rate?: number }): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'bench/redirect-load.ts'), JSON.stringify({ url, connections: CONNECTIONS, ...options })],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Load);
      } catch {
        reject(new Error(`load generator printed no figures: ${out} ${err}`));
      }
    });
  });
}

/** The bare baseline in its own process group; resolves once it listens. */
async function startBare(target: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/redirect-bare.ts')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), TARGET: target, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bare server did not start')), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { origin: `http://127.0.0.1:${port}`, stop };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function json(url: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface Link {
  slug: string;
  targetUrl: string;
  destinationName: string;
  clicks: number;
}

export async function measureRedirect(): Promise<BenchResult> {
  const server = await startDemoServer();
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  try {
    // The demo partner's seeded link to the demo shop.
    const { token } = (await json(`${server.origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(demoPartner),
    })) as { token: string };
    const links = async () =>
      ((await json(`${server.origin}/api/partner/links`, { headers: { Authorization: `Bearer ${token}` } })) as { links: Link[] }).links;
    const link = (await links()).find((l) => l.destinationName.includes('this demo')) ?? (await links())[0];
    if (!link) throw new Error('the demo seed has no link');
    bare = await startBare(link.targetUrl);

    const realUrl = `${server.origin}/r/${link.slug}`;
    const bareUrl = `${bare.origin}/r/${link.slug}`;
    const sanity = await fetch(realUrl, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0' } });
    if (sanity.status !== 302 || !sanity.headers.get('Location')?.includes('rp_click=')) throw new Error(`the redirect answered ${sanity.status}`);

    await load(realUrl, { seconds: WARMUP_SECONDS });
    await load(bareUrl, { seconds: WARMUP_SECONDS });
    const clicksBefore = (await links()).find((l) => l.slug === link.slug)!.clicks;
    const rounds: Array<{ real: Load; bare: Load }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const real = await load(realUrl, { seconds: ROUND_SECONDS });
      const bareRun = await load(bareUrl, { seconds: ROUND_SECONDS });
      rounds.push({ real, bare: bareRun });
    }
    const clicksAfter = (await links()).find((l) => l.slug === link.slug)!.clicks;
    const realRps = median(rounds.map((r) => r.real.requestsPerSecond));
    const bareRps = median(rounds.map((r) => r.bare.requestsPerSecond));
    const ratio = median(rounds.map((r) => r.real.requestsPerSecond / r.bare.requestsPerSecond));

    const rate = Math.max(100, Math.round(bareRps / 2));
    const realFixed = await load(realUrl, { seconds: SECONDS, rate });
    const bareFixed = await load(bareUrl, { seconds: SECONDS, rate });

    const recorded = clicksAfter - clicksBefore;
    const redirected = rounds.reduce((n, r) => n + r.real.redirects, 0);
    const failures = [...rounds.flatMap((r) => [r.real, r.bare]), realFixed, bareFixed].reduce((n, r) => n + r.errors + r.timeouts + r.other, 0);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const ms = (x: number) => Number(x.toFixed(2));

    return {
      id: 'redirect',
      title: 'Redirect GET /r/<slug>: real server with click recording vs a bare Hono 302',
      method: `autocannon in its own process, ${CONNECTIONS} keep-alive connections on loopback; throughput: median of ${ROUNDS} alternating ${ROUND_SECONDS} s rounds (ratio = median of the per-round ratios) after ${WARMUP_SECONDS} s warm-up; latency: ${SECONDS} s at a fixed ${rate} req/s (half the bare throughput); every request a new visitor (own user agent), so each real redirect records a click`,
      table: {
        columns: ['measure', 'real /r/<slug>', 'bare 302', 'real / bare', 'budget'],
        rows: [
          ['throughput (req/s)', Math.round(realRps), Math.round(bareRps), pct(ratio), `≥ ${pct(THROUGHPUT_BUDGET)}`],
          [`p50 latency at ${rate} req/s (ms)`, ms(realFixed.latency.p50), ms(bareFixed.latency.p50), null, null],
          [`p99 latency at ${rate} req/s (ms)`, ms(realFixed.latency.p99), ms(bareFixed.latency.p99), null, `< ${P99_BUDGET_MS} ms`],
          [`max latency at ${rate} req/s (ms)`, ms(realFixed.latency.max), ms(bareFixed.latency.max), null, null],
        ],
      },
      data: { rate, ratio, rounds, realFixed, bareFixed, clicksRecordedDuringThroughputRounds: recorded },
      budgets: [
        { name: `throughput ≥ ${pct(THROUGHPUT_BUDGET)} of bare`, pass: ratio >= THROUGHPUT_BUDGET },
        { name: `p99 < ${P99_BUDGET_MS} ms at half the bare throughput`, pass: realFixed.latency.p99 < P99_BUDGET_MS },
        { name: 'every request answered 302', pass: failures === 0 },
      ],
      notes: [
        `per-round real/bare: ${rounds.map((r) => pct(r.real.requestsPerSecond / r.bare.requestsPerSecond)).join(', ')}`,
        `clicks recorded during the throughput rounds: ${recorded} for ${redirected} counted redirects (each a new visitor; requests still in flight when a round ends are served but not counted by autocannon)`,
        ...(failures ? [`${failures} requests failed or answered something other than 302`] : []),
      ],
    };
  } finally {
    await bare?.stop();
    await server.stop();
  }
}

export const redirectBench: Bench = { id: 'redirect', title: 'Redirect throughput and latency', run: measureRedirect };
