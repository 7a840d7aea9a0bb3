// An esbuild plugin that minifies the CSS inside Lit's css`…` template literals, which esbuild
// leaves as they are. Only comments and whitespace outside quoted strings go; CSS does not depend
// on them. A literal with an interpolation (${…}) or an escape is left untouched, so nothing this
// cannot reason about is changed. (HTML templates are not touched: there, whitespace between
// inline elements is visible text.)
import { readFile } from 'node:fs/promises';

const STRING = /("(?:[^"\n]*)"|'(?:[^'\n]*)')/;

/** Minifies CSS text between quoted strings; never trims, so a space next to a string stays. */
function squeeze(text) {
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      // After a colon a space is never needed (before one it can be: `a :hover`).
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
  );
}

/** Minifies plain CSS (no interpolations, no escapes). */
export function minifyCss(css) {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // split() with a capturing group alternates text and strings: strings sit at odd indexes.
  return withoutComments
    .split(STRING)
    .map((part, i) => (i % 2 === 1 ? part : squeeze(part)))
    .join('')
    .trim();
}

/** Rewrites every css`…` literal of `source` that holds plain CSS; leaves the rest as it is. */
export function minifyCssLiterals(source) {
  return source.replace(/(?<![\w$.])css`([^`\\]*)`/g, (literal, body) =>
    body.includes('${') ? literal : `css\`${minifyCss(body)}\``,
  );
}

export const minifyCssLiteralsPlugin = {
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: /\/packages\/elements\/src\/.*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return source.includes('css`') ? { contents: minifyCssLiterals(source), loader: 'ts' } : undefined;
    });
  },
};
