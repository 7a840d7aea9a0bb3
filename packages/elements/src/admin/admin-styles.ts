import { css, type CSSResultGroup } from 'lit';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';

/**
 * The look every `rp-admin-*` element shares, on top of the partner elements' `baseStyles`
 * (the same `--rp-*` tokens, so one theme styles both). Use as
 * `static styles = [adminStyles, myOwnStyles]`.
 *
 * Classes (all optional):
 * - `.admin-header` — a section's heading row: `h2`, `.intro` below it, `.header-actions` at the end.
 * - `.panel` — a bordered group (`.panel-header` with `h3` or `h4` + `.panel-intro`, then content);
 *   `.panel-footer` for a row of actions at its bottom.
 * - `.field` — label, control, `.hint`, `.field-error` stacked; `.fields` lays fields in a grid
 *   (`.wide` spans it); `.required` marks a required label.
 * - `.form-error` — an error about the whole form; `.notice` — a neutral note.
 * - `.affix` — an input with a `.prefix` (currency symbol) before or a `.suffix` (%) after it.
 * - `.mono` — monospace text (codes, slugs, addresses); `--_mono` is the font.
 * - Buttons: `.primary` (base), `.secondary`, `.danger`, `.ghost`, `.small`, `.link` (looks like a link).
 * - `.actions` — a row of buttons; `.toolbar` — search and filters above a list.
 * - `.badge` with `.success`, `.warning`, `.danger`, `.neutral`, `.info`.
 * - `table.data` — a list of records; `.num` cells align numbers; `.table-wrap` scrolls it sideways.
 * - `.status` — the live region for "Saved" (`.saved` shows it green with a check).
 * - `.switch` — a `role="switch"` button with `aria-checked`; its track and thumb are drawn by CSS.
 * - `dialog` — the confirmation of confirm-dialog.ts, its buttons in `.actions.end`.
 */
export const adminCss = css`
  :host {
    --_warning: var(--rp-warning, #9a5b00);
    --_info: var(--rp-info, #1d5fb8);
    --_shadow: var(--rp-shadow, 0 1px 2px rgb(16 24 40 / 0.05));
    --_mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .mono {
    font-family: var(--_mono);
  }

  /* ---- headings ---------------------------------------------------------------------------- */
  .admin-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75rem 1.5rem;
    margin-bottom: calc(var(--_space) * 1.25);
  }
  .admin-header h2 {
    margin: 0;
    font-size: 1.5rem;
    letter-spacing: -0.01em;
  }
  .admin-header .intro {
    margin: 0.25rem 0 0;
    color: var(--_muted);
    max-width: 62ch;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* ---- panels ------------------------------------------------------------------------------ */
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 1.25);
  }
  .panel + .panel {
    margin-top: var(--_space);
  }
  .panel-header {
    margin-bottom: var(--_space);
  }
  .panel-header h3,
  .panel-header h4 {
    margin: 0;
    font-size: 1.0625rem;
  }
  .panel-intro {
    margin: 0.2rem 0 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .panel-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin: var(--_space) calc(var(--_space) * -1.25) calc(var(--_space) * -1.25);
    padding: calc(var(--_space) * 0.85) calc(var(--_space) * 1.25);
    border-top: 1px solid var(--_border);
    background: var(--_surface-alt);
    border-radius: 0 0 var(--_radius) var(--_radius);
  }

  /* ---- fields ------------------------------------------------------------------------------ */
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space) calc(var(--_space) * 1.25);
  }
  .fields .wide {
    grid-column: 1 / -1;
  }
  .field {
    display: grid;
    gap: 0.35rem;
    align-content: start;
    min-width: 0;
  }
  .field + .field {
    margin-top: var(--_space);
  }
  .fields > .field + .field {
    margin-top: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .field-error {
    margin: 0;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.15em;
  }
  input,
  select,
  textarea {
    min-height: 2.5rem;
  }
  textarea {
    resize: vertical;
    line-height: 1.5;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    border-color: var(--_accent);
  }
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input::placeholder,
  textarea::placeholder {
    color: color-mix(in srgb, var(--_muted) 80%, transparent);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .form-error,
  .notice {
    border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
    border-radius: calc(var(--_radius) * 0.7);
    padding: 0.65rem 0.85rem;
    font-size: 0.9375rem;
    margin: 0 0 var(--_space);
  }
  .form-error {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }
  .notice {
    color: var(--_text);
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
    border-color: color-mix(in srgb, var(--_accent) 25%, transparent);
  }

  /* An amount with its currency symbol before it, or a percent sign after it. */
  .affix {
    display: flex;
    align-items: stretch;
  }
  .affix .prefix,
  .affix .suffix {
    display: grid;
    place-items: center;
    padding: 0 0.7rem;
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    color: var(--_muted);
    font-weight: 600;
  }
  .affix .prefix {
    border-inline-end: 0;
    border-radius: calc(var(--_radius) * 0.6) 0 0 calc(var(--_radius) * 0.6);
  }
  .affix .suffix {
    border-inline-start: 0;
    border-radius: 0 calc(var(--_radius) * 0.6) calc(var(--_radius) * 0.6) 0;
  }
  .affix .prefix + input {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .affix input:has(+ .suffix) {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .affix input {
    font-variant-numeric: tabular-nums;
  }

  /* ---- buttons ----------------------------------------------------------------------------- */
  button {
    min-height: 2.5rem;
    line-height: 1.2;
  }
  button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  button.secondary {
    font-weight: 600;
  }
  button.danger {
    color: var(--_danger);
    border-color: color-mix(in srgb, var(--_danger) 45%, var(--_border));
    font-weight: 600;
  }
  button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }
  button.ghost {
    border-color: transparent;
    background: none;
  }
  button.small {
    min-height: 2rem;
    padding: 0.3em 0.75em;
    font-size: 0.875rem;
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button.link:hover:not(:disabled) {
    background: none;
    text-decoration-thickness: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem;
    margin-bottom: var(--_space);
  }

  /* ---- badges ------------------------------------------------------------------------------ */
  .badge {
    --_badge: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
    color: color-mix(in srgb, var(--_badge) 85%, black);
    background: color-mix(in srgb, var(--_badge) 12%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_badge) 30%, transparent);
  }
  .badge.success {
    --_badge: var(--_success);
  }
  .badge.warning {
    --_badge: var(--_warning);
  }
  .badge.danger {
    --_badge: var(--_danger);
  }
  .badge.info {
    --_badge: var(--_info);
  }

  /* ---- tables ------------------------------------------------------------------------------ */
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table.data {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  table.data th,
  table.data td {
    padding: 0.65rem 0.9rem;
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
  }
  table.data thead th {
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  table.data tbody tr:last-child > * {
    border-bottom: 0;
  }
  table.data tbody tr:hover {
    background: color-mix(in srgb, var(--_surface-alt) 60%, transparent);
  }
  table.data .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* ---- status (live region) ---------------------------------------------------------------- */
  .status {
    margin: 0;
    min-height: 1.5em;
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .status.saved {
    color: var(--_success);
  }
  .status.saved:not(:empty)::before {
    content: '✓ ';
  }

  /* ---- switch: <button role="switch" aria-checked="true|false" class="switch"> -------------- */
  .switch {
    position: relative;
    flex: none;
    width: 2.75rem;
    min-height: 0;
    height: 1.5rem;
    padding: 0;
    border-radius: 999px;
    border: 1px solid color-mix(in srgb, var(--_muted) 60%, transparent);
    background: color-mix(in srgb, var(--_muted) 30%, var(--_surface));
    transition: background-color 0.15s, border-color 0.15s;
  }
  .switch:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_muted) 42%, var(--_surface));
  }
  .switch::after {
    content: '';
    position: absolute;
    top: 50%;
    left: 0.15rem;
    width: 1.1rem;
    height: 1.1rem;
    border-radius: 50%;
    background: #fff;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.3);
    transform: translateY(-50%);
    transition: transform 0.15s;
  }
  .switch[aria-checked='true'],
  .switch[aria-checked='true']:hover:not(:disabled) {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .switch[aria-checked='true']::after {
    transform: translate(1.2rem, -50%);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch,
    .switch::after {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .switch::after {
      background: ButtonText;
    }
    .switch[aria-checked='true']::after {
      background: Highlight;
    }
  }

  /* ---- confirmation dialog (confirm-dialog.ts) ---------------------------------------------- */
  dialog {
    width: min(30rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
    box-shadow: 0 20px 48px rgb(16 24 40 / 0.22);
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.45);
  }
  dialog h2 {
    margin: 0 0 0.5rem;
    font-size: 1.2rem;
  }
  dialog p {
    color: var(--_muted);
  }
  dialog strong {
    color: var(--_text);
  }
  .actions.end {
    justify-content: flex-end;
    margin-top: var(--_space);
  }

  /* ---- states ------------------------------------------------------------------------------ */
  .state.empty,
  .state.signed-out {
    background: var(--_surface-alt);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;

/** `baseStyles` + loading spinner + the admin look above. */
export const adminStyles: CSSResultGroup = [baseStyles, stateStyles, adminCss];
