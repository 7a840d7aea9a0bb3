import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyCssLiterals } from './minify-css-literals.mjs';

test('drops comments and whitespace that CSS does not need', () => {
  assert.equal(
    minifyCss(`
      /* tokens */
      :host { display: block; color : red ; }
      a , b { margin: 0 auto; }
    `),
    ':host{display:block;color :red}a,b{margin:0 auto}',
  );
});

test('keeps descendant combinators, spaces before pseudo-classes and media query spaces', () => {
  assert.equal(minifyCss('.a  .b { x: y } a :hover { x: y }'), '.a .b{x:y}a :hover{x:y}');
  assert.equal(minifyCss('@media (max-width: 640px) and (hover: none) { a { x: y } }'), '@media (max-width:640px) and (hover:none){a{x:y}}');
});

test('keeps quoted strings exactly, and the space next to one', () => {
  assert.equal(minifyCss(`a[href='x  y'] b { content: "  ;  " ; }`), `a[href='x  y'] b{content:"  ;  "}`);
  assert.equal(minifyCss("/* the page's accent */ a { x: y }"), 'a{x:y}');
});

test('rewrites only css`` literals without interpolations', () => {
  const source = 'const a = css`\n  p { x: y; }\n`; const b = css`p { ${z} }`; const c = html`<p> x </p>`; const d = mycss` q { } `;';
  assert.equal(
    minifyCssLiterals(source),
    'const a = css`p{x:y}`; const b = css`p { ${z} }`; const c = html`<p> x </p>`; const d = mycss` q { } `;',
  );
});
