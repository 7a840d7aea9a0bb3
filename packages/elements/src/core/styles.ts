import { css } from 'lit';

/**
 * Theme tokens and the look shared by every element. Each token is a `--rp-*` custom property
 * with a default, so a merchant restyles by setting them on any ancestor. Text inherits the
 * host page's font.
 */
export const baseStyles = css`
  :host {
    /* The page's --rp-accent wins; else the merchant's branding from the center settings; else ours. */
    --_accent: var(--rp-accent, var(--_brand-accent, #2457d6));
    --_accent-contrast: var(--rp-accent-contrast, #ffffff);
    --_text: var(--rp-text, #1c2430);
    --_muted: var(--rp-muted, #5b6675);
    --_surface: var(--rp-surface, #ffffff);
    --_surface-alt: var(--rp-surface-alt, #f5f7fa);
    --_border: var(--rp-border, #d5dbe3);
    --_danger: var(--rp-danger, #b42318);
    --_success: var(--rp-success, #17753a);
    --_radius: var(--rp-radius, 10px);
    --_space: var(--rp-space, 1rem);
    --_focus: var(--rp-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 35%, transparent));
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--rp-font, inherit);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.0625rem;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.7);
    padding: 0.55em 1.1em;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.55em 0.7em;
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  label {
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  .muted {
    color: var(--_muted);
  }
  .state {
    padding: calc(var(--_space) * 1.5) var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .state.error {
    color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875rem;
    margin-top: 0.25rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
