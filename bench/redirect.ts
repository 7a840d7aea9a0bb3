// Redirect throughput and latency: `GET /r/<slug>` on the REAL server (demo mode, its own temp
// database, clicks recorded in batches) against a bare Hono + node-server app answering the same
// 302, measured in the same run. Three processes: the server under test, the bare baseline, and the
// load generator (autocannon), all on loopback. Every request is a new visitor (its own user agent),
// so every real redirect hashes, checks for a repeat and records a click.
//
// 1. throughput: as many requests as the connections can push, in alternating rounds (real, bare,
//    real, bare…); the figure is the median of the per-round ratios;
// 2. latency: p99 at a fixed rate of half the bare throughput (half of bare rather than half of
//    real: the stricter reading, as it puts the real server nearer its own limit), real and bare.
//
// CPU placement. On Linux with `taskset` and at least 2 CPUs, the load generator runs on CPU 0 and
// both servers (every thread: the real one's click writer too) on the other CPUs, the same in
// every round. Unpinned, the real server's main thread and click-writer thread share both CPUs
// with the load generator, so a real round partly measured how much load autocannon could still
// generate beside them (its CPU per request rose by a third); pinned, autocannon has the same whole
// CPU whether it drives the bare or the real server, and each server the same CPUs: the ratio
// compares the servers. On the 2-CPU machine both ways gave ratios within a few points of each
// other; pinned, p99 is a little higher (the click writer shares the real server's one CPU).
// RP_BENCH_PIN=0 turns it off. As a second figure that noise on a shared machine moves less, the
// CPU time each server process used per request is read from /proc: bare / real is what the
// throughput ratio would be if each server alone were the limit (the bare one is not: on 2 CPUs
// the load generator tops out first).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { demoPartner, freePort, repoRoot, startDemoServer } from '../e2e/harness.ts';
import type { Bench, BenchResult } from './types.ts';

const WARMUP_SECONDS = 2;
/** Alternating rounds, so a burst of other work on the machine skews one round, not the figure. */
const ROUNDS = 7;
const ROUND_SECONDS = 3;
const LATENCY_ROUNDS = 3;
const LATENCY_SECONDS = 4;
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
  /** CPU time the load generator used, ms. */
  cpuMs: number;
}

interface Round extends Load {
  /** CPU time the server process (all its threads) used during the round, µs per request; null off Linux. */
  serverCpuUsPerRequest: number | null;
}

/** CPUs for the load generator and for the servers, or null to leave placement to the scheduler. */
function placement(): { load: string; servers: string } | null {
  const count = cpus().length;
  if (process.env.RP_BENCH_PIN === '0' || process.platform !== 'linux' || count < 2) return null;
  if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return null;
  return { load: '0', servers: count === 2 ? '1' : `1-${count - 1}` };
}

/** Pins every thread of a running process (threads it starts later inherit it). */
function pin(pid: number, cpuList: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)]);
  if (result.status !== 0) throw new Error(`taskset could not pin ${pid}: ${result.stderr}`);
}

/** The process listening on a loopback TCP port (Linux: /proc/net/tcp, then whose fd holds the socket). */
function pidListeningOn(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]!); // 0A: LISTEN
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1]!)) return Number(entry);
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}

/** CPU time (user + system, all threads) a process has used, in ms; null where /proc cannot tell. */
function cpuMsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Runs the load generator as its own process and answers its figures. */
function load(url: string, options: { seconds: number; rate?: number }, cpuList: string | undefined): Promise<Load> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', join(repoRoot, 'bench/redirect-load.ts'), JSON.stringify({ url, connections: CONNECTIONS, ...options })];
    const child = cpuList
      ? spawn('taskset', ['-c', cpuList, process.execPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
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
async function startBare(target: string): Promise<{ origin: string; pid: number | undefined; stop: () => Promise<void> }> {
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
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianOrNull(values: Array<number | null>): number | null {
  return values.every((v): v is number => v !== null) ? median(values) : null;
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
  const loadBefore = loadavg();
  const cpuPlan = placement();
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
    const realPid = process.platform === 'linux' ? pidListeningOn(server.port) : undefined;
    if (cpuPlan) {
      if (!realPid || !bare.pid) throw new Error('cannot find the server processes to pin');
      pin(realPid, cpuPlan.servers);
      pin(bare.pid, cpuPlan.servers);
    }

    const realUrl = `${server.origin}/r/${link.slug}`;
    const bareUrl = `${bare.origin}/r/${link.slug}`;
    const sanity = await fetch(realUrl, { redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0' } });
    if (sanity.status !== 302 || !sanity.headers.get('Location')?.includes('rp_click=')) throw new Error(`the redirect answered ${sanity.status}`);

    const measured = async (url: string, pid: number | undefined, options: { seconds: number; rate?: number }): Promise<Round> => {
      const before = cpuMsOf(pid);
      const result = await load(url, options, cpuPlan?.load);
      const after = cpuMsOf(pid);
      const serverCpuUsPerRequest = before !== null && after !== null && result.total > 0 ? ((after - before) * 1000) / result.total : null;
      return { ...result, serverCpuUsPerRequest };
    };

    await load(realUrl, { seconds: WARMUP_SECONDS }, cpuPlan?.load);
    await load(bareUrl, { seconds: WARMUP_SECONDS }, cpuPlan?.load);
    const clicksBefore = (await links()).find((l) => l.slug === link.slug)!.clicks;
    const rounds: Array<{ real: Round; bare: Round }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const real = await measured(realUrl, realPid, { seconds: ROUND_SECONDS });
      const bareRound = await measured(bareUrl, bare.pid, { seconds: ROUND_SECONDS });
      rounds.push({ real, bare: bareRound });
    }
    const clicksAfter = (await links()).find((l) => l.slug === link.slug)!.clicks;
    const realRps = median(rounds.map((r) => r.real.requestsPerSecond));
    const bareRps = median(rounds.map((r) => r.bare.requestsPerSecond));
    const ratios = rounds.map((r) => r.real.requestsPerSecond / r.bare.requestsPerSecond);
    const ratio = median(ratios);
    const realCpu = medianOrNull(rounds.map((r) => r.real.serverCpuUsPerRequest));
    const bareCpu = medianOrNull(rounds.map((r) => r.bare.serverCpuUsPerRequest));
    const loadCpu = (side: 'real' | 'bare') => median(rounds.map((r) => (r[side].cpuMs * 1000) / Math.max(1, r[side].total)));

    const rate = Math.max(100, Math.round(bareRps / 2));
    const fixed: Array<{ real: Round; bare: Round }> = [];
    for (let i = 0; i < LATENCY_ROUNDS; i++) {
      const real = await measured(realUrl, realPid, { seconds: LATENCY_SECONDS, rate });
      const bareRound = await measured(bareUrl, bare.pid, { seconds: LATENCY_SECONDS, rate });
      fixed.push({ real, bare: bareRound });
    }
    const latency = (side: 'real' | 'bare', key: 'p50' | 'p99' | 'max') => median(fixed.map((r) => r[side].latency[key]));
    const loadAfter = loadavg();

    const recorded = clicksAfter - clicksBefore;
    const redirected = rounds.reduce((n, r) => n + r.real.redirects, 0);
    const failures = [...rounds, ...fixed].flatMap((r) => [r.real, r.bare]).reduce((n, r) => n + r.errors + r.timeouts + r.other, 0);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const ms = (x: number) => Number(x.toFixed(2));
    const us = (x: number | null) => (x === null ? null : Number(x.toFixed(1)));
    const load3 = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

    return {
      id: 'redirect',
      title: 'Redirect GET /r/<slug>: real server with click recording vs a bare Hono 302',
      method:
        `autocannon in its own process, ${CONNECTIONS} keep-alive connections on loopback` +
        (cpuPlan ? `, pinned to CPU ${cpuPlan.load} and both servers to CPU ${cpuPlan.servers}` : ', unpinned') +
        `; throughput: ${ROUNDS} alternating ${ROUND_SECONDS} s rounds after ${WARMUP_SECONDS} s warm-up, medians (ratio = median of the per-round ratios);` +
        ` latency: median of ${LATENCY_ROUNDS} alternating ${LATENCY_SECONDS} s runs at a fixed ${rate} req/s (half the bare throughput);` +
        ' every request a new visitor (own user agent), so each real redirect records a click',
      table: {
        columns: ['measure', 'real /r/<slug>', 'bare 302', 'real / bare', 'budget'],
        rows: [
          ['throughput (req/s)', Math.round(realRps), Math.round(bareRps), pct(ratio), `≥ ${pct(THROUGHPUT_BUDGET)}`],
          ['server CPU per request (µs)', us(realCpu), us(bareCpu), realCpu && bareCpu ? pct(bareCpu / realCpu) : null, null],
          ['load generator CPU per request (µs)', us(loadCpu('real')), us(loadCpu('bare')), null, null],
          [`p50 latency at ${rate} req/s (ms)`, ms(latency('real', 'p50')), ms(latency('bare', 'p50')), null, null],
          [`p99 latency at ${rate} req/s (ms)`, ms(latency('real', 'p99')), ms(latency('bare', 'p99')), null, `< ${P99_BUDGET_MS} ms`],
          [`max latency at ${rate} req/s (ms)`, ms(latency('real', 'max')), ms(latency('bare', 'max')), null, null],
        ],
      },
      data: {
        pinned: cpuPlan,
        loadAverage: { before: loadBefore, after: loadAfter },
        rate,
        ratio,
        ratios,
        serverCpuUsPerRequest: { real: realCpu, bare: bareCpu },
        rounds,
        fixed,
        clicksRecordedDuringThroughputRounds: recorded,
      },
      budgets: [
        { name: `throughput ≥ ${pct(THROUGHPUT_BUDGET)} of bare`, pass: ratio >= THROUGHPUT_BUDGET },
        { name: `p99 < ${P99_BUDGET_MS} ms at half the bare throughput`, pass: latency('real', 'p99') < P99_BUDGET_MS },
        { name: 'every request answered 302', pass: failures === 0 },
      ],
      notes: [
        `per-round real/bare: ${ratios.map(pct).join(', ')} (spread ${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))})`,
        `p99 per latency run (ms), real: ${fixed.map((r) => r.real.latency.p99).join(', ')}; bare: ${fixed.map((r) => r.bare.latency.p99).join(', ')}`,
        `load average (1, 5, 15 min) before: ${load3(loadBefore)}, after: ${load3(loadAfter)} — other work on the machine shows here`,
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
