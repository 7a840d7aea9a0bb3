// Bundles the elements for browsers into packages/elements/dist (served by the server at /rp/).
// Entries are what a merchant's page can load; sections the portal loads lazily become chunks.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../packages/elements/', import.meta.url));

/** Entries that share chunks: a page loads one of them, sections arrive as chunks when first shown. */
export const sharedEntries = {
  // Everything, each element defined: for pages that place elements themselves.
  'referral-partner-center': 'src/index.ts',
  // The whole center in one tag.
  'rp-portal': 'src/portal/rp-portal.ts',
};

/**
 * Entries built as one self-contained file each: a merchant's sign-in page or landing page loads
 * only this, so one response compresses better than the same code split over shared chunks.
 */
export const standaloneEntries = {
  // Sign-in alone, for the merchant's own sign-in page.
  'rp-signin': 'src/signin/rp-signin.ts',
  // The merchant's first-party tracking script (not an element): keeps the click id for checkout.
  'rp-track': 'src/tracking/rp-track.ts',
};

export const entries = { ...sharedEntries, ...standaloneEntries };

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'none',
  tsconfig: `${root}tsconfig.json`,
  // Production Lit, no dev-mode warnings.
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

export async function buildElements({ outdir = `${root}dist`, minify = true, metafile = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const shared = await build({
    ...common,
    entryPoints: sharedEntries,
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify,
    metafile,
  });
  const merged = { inputs: { ...shared.metafile?.inputs }, outputs: { ...shared.metafile?.outputs } };
  for (const [name, source] of Object.entries(standaloneEntries)) {
    if (!existsSync(`${root}${source}`)) throw new Error(`build entry ${name} is missing: ${source}`);
    const single = await build({ ...common, entryPoints: { [name]: source }, outdir, minify, metafile });
    Object.assign(merged.inputs, single.metafile?.inputs);
    Object.assign(merged.outputs, single.metafile?.outputs);
  }
  return { metafile: metafile ? merged : undefined };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElements();
  console.log('elements built into packages/elements/dist');
}
