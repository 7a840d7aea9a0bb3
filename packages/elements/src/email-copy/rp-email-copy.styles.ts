import { css } from 'lit';

export const emailCopyStyles = css`
  .email { display: grid; gap: var(--_space); padding: calc(var(--_space) * 1.5); }
  h3 { margin: 0; font-size: 1.1875rem; }
  .row { display: grid; gap: 0.4rem; }
  .row-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; min-height: 2.4rem; }
  .row-head .copy { margin-inline-start: auto; padding: 0.35em 0.9em; }
  .box { margin: 0; padding: 0.7rem 0.9rem; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.6); background: var(--_surface-alt); overflow-wrap: anywhere; }
  .plain { white-space: pre-wrap; }
  /* The HTML body as an email program shows it: the merchant's markup on a plain page. */
  .preview { background: var(--_surface); padding: var(--_space) calc(var(--_space) * 1.25); }
  .preview > :last-child { margin-bottom: 0; }
  .format { display: inline-flex; margin: 0; padding: 2px; border: 1px solid var(--_border); border-radius: 999px; background: var(--_surface-alt); }
  .format label { position: relative; padding: 0.2em 0.85em; border-radius: 999px; font-size: 0.875rem; font-weight: 500; color: var(--_muted); cursor: pointer; }
  .format input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
  .format label:has(:checked) { background: var(--_surface); color: var(--_accent); font-weight: 600; box-shadow: 0 1px 2px rgb(16 24 40 / 0.12); }
  .format label:has(:focus-visible) { box-shadow: var(--_focus); }
  summary { cursor: pointer; width: fit-content; color: var(--_accent); font-weight: 600; font-size: 0.9375rem; }
  details[open] { display: grid; gap: 0.5rem; }
  details .copy { justify-self: end; padding: 0.35em 0.9em; }
  details[open] .copy { grid-row: 1; grid-column: 1; }
  @container (max-width: 640px) {
    .email { padding: var(--_space); }
  }
`;
