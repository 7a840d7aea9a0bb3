import { css } from 'lit';

/**
 * The look shared by the partner's section elements (after baseStyles and stateStyles): heading
 * and introduction, a list of cards, the states as dashed cards, small uppercase labels, the copy
 * buttons' confirmation and read-only code boxes.
 */
export const sectionStyles = css`
  :host { container-type: inline-size; }
  .head { margin-bottom: var(--_space); }
  .head h2 { margin: 0 0 0.25rem; }
  .intro { margin: 0; color: var(--_muted); }
  .list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space); }
  .card { box-shadow: 0 1px 2px rgb(16 24 40 / 0.05); }
  .state { background: var(--_surface); border: 1px dashed var(--_border); border-radius: var(--_radius); }
  .label { font-size: 0.75rem; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--_muted); }
  .mono, .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.875em; }
  .code { display: block; font-size: 0.8125rem; line-height: 1.55; background: var(--_surface-alt); overflow-wrap: anywhere; }
  textarea.code { resize: vertical; field-sizing: content; min-height: 4.5em; }
  .copy { white-space: nowrap; }
  .copied { color: var(--_success); border-color: currentColor; }
  .status:not(:empty) { font-weight: 600; }
`;
