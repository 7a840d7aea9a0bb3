import { css } from 'lit';

export const linkGeneratorStyles = css`
  .create { display: grid; grid-template-columns: 1fr 1fr; gap: var(--_space) 1.25rem; margin-bottom: var(--_space); }
  .create .field { align-content: start; }
  .wide { grid-column: 1 / -1; }
  .optional { font-weight: 400; color: var(--_muted); }
  .hint { margin: 0; font-size: 0.875rem; }
  .target { display: block; font: 0.8125rem ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
  .prefixed, .copy-row { display: flex; align-items: center; gap: 0.5rem; }
  .prefixed { gap: 0; align-items: stretch; }
  .prefix { flex: none; max-width: 60%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 0.55em 0.6em; color: var(--_muted); background: var(--_surface-alt); border: 1px solid var(--_border); border-inline-end: 0; border-radius: 6px 0 0 6px; }
  .prefixed input { min-width: 0; border-radius: 0 6px 6px 0; }
  .actions { display: flex; justify-content: end; }
  .result { display: grid; gap: 0.4rem; margin-bottom: var(--_space); border-color: var(--_accent); }
  .result .url { flex: 1; min-width: 0; font: 1rem ui-monospace, Menlo, Consolas, monospace; }
  .result a { overflow-wrap: anywhere; }
  th .copy { padding: 0.2em 0.7em; font-size: 0.8125rem; }
  /* The target URL takes the column's width, never sets it: one line, cut with an ellipsis (full in its title). */
  td .sub { width: 0; min-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  rp-clicks { margin-top: calc(var(--_space) * 2); }
  @container (max-width: 640px) {
    .create { grid-template-columns: 1fr; }
    .prefix { max-width: 45%; }
    th .copy-row { justify-content: space-between; }
    th .url { white-space: normal; overflow-wrap: anywhere; }
    td > span { min-width: 0; }
    td .sub { width: auto; min-width: 0; }
    .result .copy-row { flex-wrap: wrap; }
    .result .url { flex-basis: 100%; font-size: 0.875rem; }
    .result .copy { flex: 1; }
  }
`;
