// Bundles the elements for browsers into packages/elements/dist (served by the server at /rp/).
// Entries are what a merchant's page can load; sections the portal loads lazily become chunks.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../packages/elements/', import.meta.url));
export const entries = {
  // Everything, each element defined: for pages that place elements themselves.
  'referral-partner-center': 'src/index.ts',
  // The whole center in one tag; sections arrive as chunks when first shown.
  'rp-portal': 'src/portal/rp-portal.ts',
  // Sign-in alone, for the merchant's own sign-in page.
  'rp-signin': 'src/signin/rp-signin.ts',
  // The merchant's first-party tracking script (not an element): keeps the click id for checkout.
  'rp-track': 'src/tracking/rp-track.ts',
};

export async function buildElements({ outdir = `${root}dist`, minify = true, metafile = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  return build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, file])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify,
    sourcemap: true,
    metafile,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    tsconfig: `${root}tsconfig.json`,
    // Production Lit, no dev-mode warnings.
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElements();
  console.log(`elements built into packages/elements/dist`);
}
