// Bundle sizes: what a merchant's page downloads for each entry of the elements bundle,
// minified, then gzip (level 9) and brotli (quality 11), next to a bare Lit element built
// the same way in the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { buildBundle, repoRoot } from '../e2e/harness.ts';
import type { Bench, BenchResult } from './types.ts';

const elementsRoot = join(repoRoot, 'packages/elements');
/** 1 KB = 1000 bytes throughout. */
const KB = 1000;

interface Size {
  files: number;
  min: number;
  gzip: number;
  brotli: number;
}

interface Row extends Size {
  name: string;
  fileNames: string[];
  /** Budget in gzip bytes, if any. */
  budget: number | null;
}

function compress(path: string): Omit<Size, 'files'> {
  const bytes = readFileSync(path);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Each file is its own HTTP response, so each is compressed on its own and the sizes added. */
function sizeOf(absPaths: string[]): Size {
  const total: Size = { files: absPaths.length, min: 0, gzip: 0, brotli: 0 };
  for (const path of absPaths) {
    const s = compress(path);
    total.min += s.min;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}

/**
 * The outputs a page needs for `start`: with `lazy` false only static imports (what is fetched
 * before the element can render), with `lazy` true also every dynamic `import()` chunk.
 */
function closure(metafile: Metafile, start: string, lazy: boolean): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'import-statement' || (lazy && imported.kind === 'dynamic-import')) visit(imported.path);
    }
  };
  visit(start);
  return [...seen].sort();
}

function outputFor(metafile: Metafile, entryPoint: string): string {
  const normalized = entryPoint.replace(/^\.\//, '');
  const found = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint === normalized);
  if (!found) throw new Error(`no output for entry ${entryPoint}; outputs: ${Object.keys(metafile.outputs).join(', ')}`);
  return found[0];
}

/** A minimal Lit element (and one with @lit/context), bundled with the same esbuild settings. */
async function referenceBundle(name: string, source: string, outdir: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: elementsRoot, loader: 'ts', sourcefile: `${name}.ts` },
    absWorkingDir: elementsRoot,
    outfile: join(outdir, `${name}.js`),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.outputs)
    .filter((p) => p.endsWith('.js'))
    .map((p) => resolve(elementsRoot, p));
}

const bareLit = `
import { LitElement, html, css } from 'lit';
class BareElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  declare name: string;
  constructor() { super(); this.name = 'world'; }
  render() { return html\`<p>Hello, \${this.name}</p>\`; }
}
customElements.define('bare-element', BareElement);
`;

const litWithContext = `
import { LitElement, html, css } from 'lit';
import { createContext, ContextProvider, ContextConsumer } from '@lit/context';
const ctx = createContext<string>('name');
class Provider extends LitElement {
  provider = new ContextProvider(this, { context: ctx, initialValue: 'world' });
  render() { return html\`<slot></slot>\`; }
}
class Consumer extends LitElement {
  static styles = css\`:host { display: block; }\`;
  consumer = new ContextConsumer(this, { context: ctx, subscribe: true });
  render() { return html\`<p>Hello, \${this.consumer.value}</p>\`; }
}
customElements.define('bare-provider', Provider);
customElements.define('bare-consumer', Consumer);
`;

const kb = (bytes: number): string => (bytes / KB).toFixed(1);

export async function measureBundleSizes(): Promise<BenchResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'rp-bench-bundle-'));
  try {
    const built = (await buildBundle({ outdir: join(outdir, 'dist'), minify: true, metafile: true })) as { metafile: Metafile };
    const metafile = built.metafile;
    const abs = (paths: string[]): string[] => paths.map((p) => resolve(elementsRoot, p));
    const scriptUrl = new URL('../scripts/build-elements.mjs', import.meta.url).href;
    const { entries } = (await import(scriptUrl)) as { entries: Record<string, string> };

    const entryOut = (name: string): string => {
      const source = entries[name];
      if (!source) throw new Error(`scripts/build-elements.mjs has no entry ${name}`);
      return outputFor(metafile, source);
    };

    const rows: Row[] = [];
    const add = (name: string, paths: string[], budgetKb: number | null, absolute = false): void => {
      const files = absolute ? paths : abs(paths);
      rows.push({
        name,
        ...sizeOf(files),
        fileNames: files.map((f) => f.slice(f.lastIndexOf('/dist/') + 1 || f.lastIndexOf('/') + 1)),
        budget: budgetKb === null ? null : budgetKb * KB,
      });
    };

    add('rp-signin alone', closure(metafile, entryOut('rp-signin'), false), 12);
    add('rp-signup alone (become-a-partner page)', closure(metafile, entryOut('rp-signup'), false), 16);
    add('rp-reset-password alone (reset page)', closure(metafile, entryOut('rp-reset-password'), false), 14);
    add('whole center: rp-portal + all lazy sections', closure(metafile, entryOut('rp-portal'), true), 40);
    add('rp-portal initial', closure(metafile, entryOut('rp-portal'), false), null);
    add('referral-partner-center.js (all elements) initial', closure(metafile, entryOut('referral-partner-center'), false), null);

    const bare = sizeOf(await referenceBundle('bare-lit', bareLit, join(outdir, 'ref')));
    const context = sizeOf(await referenceBundle('lit-context', litWithContext, join(outdir, 'ref')));
    rows.push({ name: 'reference: bare Lit element', ...bare, fileNames: ['bare-lit.js'], budget: null });
    rows.push({ name: 'reference: Lit + @lit/context', ...context, fileNames: ['lit-context.js'], budget: null });

    // Where the bytes of the budgeted bundles come from: the largest source modules (minified bytes).
    const notes: string[] = [];
    const contributors = (label: string, outputs: string[]): void => {
      const bytes = new Map<string, number>();
      for (const out of outputs) {
        for (const [input, info] of Object.entries(metafile.outputs[out]?.inputs ?? {})) {
          const key = input.replace(/^(\.\.\/)+node_modules\//, '').replace(/^src\//, 'elements/');
          bytes.set(key, (bytes.get(key) ?? 0) + info.bytesInOutput);
        }
      }
      const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 8);
      notes.push(`${label} — largest modules (min bytes): ${top.map(([k, v]) => `${k} ${(v / KB).toFixed(1)}`).join(', ')}`);
    };
    contributors('rp-signin alone', closure(metafile, entryOut('rp-signin'), false));
    contributors('rp-portal initial', closure(metafile, entryOut('rp-portal'), false));

    const ratio = (row: Row): string => `${(row.gzip / bare.gzip).toFixed(2)}×`;
    const table = {
      columns: ['bundle', 'files', 'min KB', 'gzip KB', 'brotli KB', 'budget (gzip)', 'result', '× bare Lit (gzip)'],
      rows: rows.map((row) => [
        row.name,
        row.files,
        kb(row.min),
        kb(row.gzip),
        kb(row.brotli),
        row.budget === null ? '—' : `${kb(row.budget)} KB`,
        row.budget === null ? '—' : row.gzip <= row.budget ? 'pass' : 'FAIL',
        ratio(row),
      ]),
    };
    return {
      id: 'bundle-size',
      title: 'Bundle size (minified, per-file gzip -9 and brotli q11, summed; 1 KB = 1000 B)',
      method:
        'esbuild build of scripts/build-elements.mjs with metafile; "initial" = entry + static imports transitively; "+ lazy sections" adds every dynamic import() chunk.',
      table,
      data: {
        unit: 'bytes',
        rows: rows.map((r) => ({ ...r, ratioToBareLitGzip: Number((r.gzip / bare.gzip).toFixed(3)) })),
      },
      notes,
      budgets: rows.filter((r) => r.budget !== null).map((r) => ({ name: r.name, pass: r.gzip <= (r.budget ?? 0) })),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export const bundleSizeBench: Bench = { id: 'bundle-size', title: 'Bundle size', run: measureBundleSizes };
