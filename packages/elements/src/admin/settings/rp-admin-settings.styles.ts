import { css } from 'lit';

export const settingsStyles = css`
  :host {
    container-type: inline-size;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  /* A field reached with Tab is not left under the sticky save bar. */
  input,
  textarea,
  button {
    scroll-margin-bottom: 6rem;
  }
  .panel + .panel {
    margin-top: 0;
  }
  .panel-header h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .edited {
    font-size: 0.75rem;
  }
  .label-like {
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .readonly {
    margin: 0;
    min-height: 2.5rem;
    display: flex;
    align-items: center;
    padding: 0.55em 0.7em;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .hint.split {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1rem;
  }
  .count {
    font-variant-numeric: tabular-nums;
  }
  .preview-label {
    margin: 0 0 0.5rem;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }

  /* ---- welcome message ---------------------------------------------------------------------- */
  .welcome-grid,
  .menu-grid,
  .branding-grid {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  textarea {
    min-height: 14rem;
  }
  .preview {
    min-width: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  rp-admin-welcome-preview {
    --rp-welcome-heading-size: 1.5rem;
    --rp-space: 0.875rem;
  }
  /* A long address must not push out of a narrow preview. */
  rp-admin-welcome-preview::part(message) {
    overflow-wrap: anywhere;
  }

  /* ---- menu --------------------------------------------------------------------------------- */
  .menu-groups {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    min-width: 0;
  }
  h4 {
    margin: 0 0 0.4rem;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .menu-list {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .menu-item {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5rem 0.85rem;
    padding: 0.6rem 0.75rem;
  }
  .menu-item + .menu-item {
    border-top: 1px solid var(--_border);
  }
  .item-main {
    display: grid;
    grid-template-columns: minmax(9rem, 0.8fr) minmax(0, 1fr);
    align-items: center;
    gap: 0.25rem 0.85rem;
    min-width: 0;
  }
  .item-main .field-error {
    grid-column: 2;
  }
  .item-name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
  }
  .menu-item.is-hidden .item-name > span:first-child {
    color: var(--_muted);
    text-decoration: line-through;
    text-decoration-color: color-mix(in srgb, var(--_muted) 60%, transparent);
  }
  .badge.neutral {
    font-size: 0.75rem;
  }
  .menu-item input {
    min-height: 2.25rem;
    padding-block: 0.35em;
  }
  .move {
    display: flex;
    gap: 0.15rem;
  }
  button.icon {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    min-height: 0;
    padding: 0;
    color: var(--_muted);
  }
  button.icon:hover:not(:disabled) {
    color: var(--_text);
  }
  button.icon:disabled {
    cursor: default;
    opacity: 0.35;
  }
  .menu-preview {
    align-self: start;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    font-size: 0.9375rem;
  }
  .menu-hint {
    margin: -0.5rem 0 var(--_space);
  }
  .preview-group + .preview-group {
    margin-top: 0.75rem;
  }
  .preview-category {
    margin: 0 0 0.2rem;
    font-weight: 700;
    font-size: 0.8125rem;
  }
  .menu-preview ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .menu-preview li {
    padding: 0.2rem 0.6rem;
    border-inline-start: 2px solid var(--_border);
  }
  .preview-none {
    margin: 0;
    padding: 0.2rem 0.6rem;
    color: var(--_muted);
    font-style: italic;
  }

  /* ---- branding ----------------------------------------------------------------------------- */
  .colour-row {
    display: flex;
    gap: 0.5rem;
  }
  .swatch {
    flex: none;
    width: 3rem;
    height: 2.5rem;
    padding: 0.2rem;
    cursor: pointer;
  }
  .hex {
    max-width: 9rem;
    font-family: var(--_mono);
    text-transform: lowercase;
  }
  .contrast-warning {
    margin: 0.25rem 0 0;
    padding: 0.5rem 0.7rem;
    font-size: 0.875rem;
    border-radius: calc(var(--_radius) * 0.6);
    color: color-mix(in srgb, var(--_warning) 85%, black);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  .branding-grid .field + .field {
    margin-top: var(--_space);
  }
  .brand-preview {
    --_preview-accent: var(--_accent);
    align-self: start;
    display: grid;
    gap: 0.6rem;
    padding: 1.25rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background:
      linear-gradient(var(--_surface), var(--_surface)) padding-box,
      var(--_surface-alt);
    box-shadow: 0 8px 24px rgb(16 24 40 / 0.08);
    max-width: 20rem;
  }
  .brand-line {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    font-weight: 600;
    min-width: 0;
  }
  .brand-line img {
    max-height: 2.25rem;
    max-width: 8rem;
  }
  .monogram {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 8px;
    background: var(--_preview-accent);
    color: #fff;
    font-weight: 700;
  }
  /* The whole name, wrapped, as partners will see it. */
  .brand-name {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .fake-heading {
    font-weight: 700;
    font-size: 1.125rem;
  }
  .fake-input {
    height: 2.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .fake-button {
    display: grid;
    place-items: center;
    height: 2.5rem;
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_preview-accent);
    color: #fff;
    font-weight: 600;
  }
  .fake-link {
    justify-self: center;
    color: var(--_preview-accent);
    font-size: 0.875rem;
    font-weight: 600;
    text-decoration: underline;
  }
  .logo-broken {
    color: var(--_danger);
    font-size: 0.8125rem;
  }

  /* ---- sign-up approval --------------------------------------------------------------------- */
  .choices {
    display: grid;
    gap: 0.75rem;
  }
  .choice {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.85rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .choice.chosen {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choice input {
    flex: none;
    width: 1.15rem;
    height: 1.15rem;
    min-height: 0;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }
  .choice-text {
    display: grid;
    gap: 0.15rem;
  }
  .choice-title {
    font-weight: 600;
  }

  /* ---- save bar ----------------------------------------------------------------------------- */
  .save-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 -4px 16px rgb(16 24 40 / 0.06);
  }
  /* Unsaved changes keep the bar in view at the bottom of the window. */
  .save-bar.dirty {
    position: sticky;
    bottom: 0;
    z-index: 1;
    border-color: color-mix(in srgb, var(--_warning) 45%, var(--_border));
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }
  .unsaved {
    margin: 0;
    flex: 1 1 14rem;
    font-weight: 600;
    font-size: 0.9375rem;
    color: color-mix(in srgb, var(--_warning) 80%, black);
  }
  .unsaved .clean {
    font-weight: 400;
    color: var(--_muted);
  }
  .unsaved:empty {
    display: none;
  }
  .dot {
    display: inline-block;
    width: 0.55rem;
    height: 0.55rem;
    margin-inline-end: 0.5rem;
    border-radius: 50%;
    background: var(--_warning);
  }
  .save-bar .status {
    flex: 1 1 10rem;
  }
  .save-bar .status:empty {
    min-height: 0;
  }
  .save-bar.dirty .status {
    flex: 0 0 auto;
  }
  .save-bar .actions {
    margin-inline-start: auto;
  }
  button[hidden] {
    display: none;
  }

  @container (min-width: 56rem) {
    .welcome-grid {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
    .menu-grid {
      grid-template-columns: minmax(0, 1fr) 14rem;
    }
    .branding-grid {
      grid-template-columns: minmax(0, 1fr) 18rem;
    }
    .choices {
      grid-template-columns: 1fr 1fr;
    }
  }
  @container (max-width: 34rem) {
    .panel {
      padding: var(--_space);
    }
    .preview {
      padding: 0.5rem;
    }
    /* The list itself shows the same on a narrow screen. */
    .menu-preview {
      display: none;
    }
    .item-main {
      grid-template-columns: minmax(0, 1fr);
    }
    .item-main .field-error {
      grid-column: 1;
    }
    .menu-item {
      padding: 0.6rem 0.5rem;
      gap: 0.5rem 0.6rem;
    }
    .save-bar {
      padding: 0.6rem 0.75rem;
    }
    .save-bar .actions {
      width: 100%;
      flex-wrap: nowrap;
    }
    .save-bar .actions button {
      flex: 1 1 auto;
      padding-inline: 0.6em;
      font-size: 0.9375rem;
      white-space: nowrap;
    }
  }
`;
