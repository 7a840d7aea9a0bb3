// `npm run bench [-- <id>…] [-- --check]`: runs the benchmarks, prints a table each and writes
// every figure to bench/out/latest.json. Add a benchmark by writing a module that exports a
// `Bench` (see bench/types.ts) and listing it below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { repoRoot } from '../e2e/harness.ts';
import { bundleSizeBench } from './bundle-size.ts';
import { csvBench } from './csv.ts';
import { firstRenderBench } from './first-render.ts';
import { ledgerBench } from './ledger.ts';
import { redirectBench } from './redirect.ts';
import type { Bench, BenchResult, BenchTable } from './types.ts';

const benches: Bench[] = [bundleSizeBench, redirectBench, ledgerBench, csvBench, firstRenderBench];

function printTable(table: BenchTable): void {
  const cells = [table.columns, ...table.rows.map((row) => row.map((c) => (c === null ? '—' : String(c))))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...cell].length));
        // Text left, figures right.
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  console.log(line(cells[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const selected = args.filter((a) => !a.startsWith('--'));
const unknown = selected.filter((id) => !benches.some((b) => b.id === id));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${benches.map((b) => b.id).join(', ')}`);
  process.exit(2);
}
const toRun = selected.length ? benches.filter((b) => selected.includes(b.id)) : benches;

const results: Record<string, BenchResult | { error: string }> = {};
let failed = false;
for (const bench of toRun) {
  console.log(`\n▶ ${bench.title}…`);
  try {
    const result = await bench.run();
    results[bench.id] = result;
    console.log(`\n${result.title}`);
    console.log(`${result.method}\n`);
    printTable(result.table);
    for (const note of result.notes ?? []) console.log(`note: ${note}`);
    if (result.budgets.some((b) => !b.pass)) failed = true;
  } catch (error) {
    failed = true;
    results[bench.id] = { error: (error as Error).stack ?? String(error) };
    console.error(`${bench.id} failed: ${(error as Error).stack ?? error}`);
  }
}

const outDir = join(repoRoot, 'bench/out');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'latest.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nfigures written to ${file}`);
if (failed) console.log(check ? 'a budget failed or a benchmark broke' : 'note: a budget failed or a benchmark broke (--check makes this exit 1)');
process.exit(check && failed ? 1 : 0);
