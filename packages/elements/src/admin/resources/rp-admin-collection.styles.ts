import { css } from 'lit';

/**
 * The look of the back-office editors built on `AdminCollection` (banners, email copy, resource
 * pages, destinations), on top of `adminStyles`: the list toolbar, tables that turn into cards on
 * narrow screens, the editor beside its side panel, code blocks and the rendered previews.
 */
export const collectionStyles = css`
  :host {
    container-type: inline-size;
  }
  .admin-header h3 {
    margin: 0;
    font-size: 1.25rem;
  }
  .status:empty {
    min-height: 0;
    margin: 0;
  }
  .status:not(:empty) {
    margin-bottom: 0.75rem;
  }

  /* ---- list ------------------------------------------------------------------------------------ */
  .list-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .list-bar .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .mono,
  code {
    font-family: var(--_mono);
    font-size: 0.875em;
  }
  table.data th[scope='row'] {
    font-weight: 600;
    min-width: 11rem;
  }
  /* Long addresses wrap anywhere rather than push the actions out of view. */
  table.data td.url-cell {
    overflow-wrap: anywhere;
    min-width: 10rem;
  }
  table.data td.actions-cell {
    text-align: end;
    white-space: nowrap;
  }
  .row-actions {
    display: inline-flex;
    flex-wrap: nowrap;
    justify-content: flex-end;
    gap: 0.4rem;
  }
  .row-confirm {
    display: grid;
    gap: 0.5rem;
    justify-items: end;
    white-space: normal;
    max-width: 22rem;
    margin-inline-start: auto;
    text-align: start;
  }
  .row-confirm button {
    white-space: nowrap;
  }
  .row-confirm p {
    margin: 0;
    font-size: 0.875rem;
  }
  /* Narrow: every row becomes a card, each cell labelled by its column. */
  @container (max-width: 40rem) {
    table.data thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.data,
    table.data tbody,
    table.data tr,
    table.data th,
    table.data td {
      display: block;
    }
    table.data tr {
      padding: 0.75rem 0.9rem;
      border-bottom: 1px solid var(--_border);
    }
    table.data tbody tr:last-child {
      border-bottom: 0;
    }
    table.data th,
    table.data td {
      padding: 0.15rem 0;
      border: 0;
      overflow-wrap: anywhere;
    }
    table.data td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
      font-size: 0.8125rem;
      font-weight: 600;
    }
    table.data td.actions-cell {
      padding-top: 0.5rem;
      text-align: start;
    }
    table.data td.actions-cell .row-actions,
    table.data td.actions-cell .row-confirm {
      justify-content: flex-start;
      justify-items: start;
      margin-inline-start: 0;
    }
  }

  /* ---- editor ---------------------------------------------------------------------------------- */
  .editor-layout {
    display: grid;
    gap: var(--_space);
    align-items: start;
  }
  @container (min-width: 58rem) {
    .editor-layout.with-aside {
      grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
    }
    .editor-aside {
      position: sticky;
      top: var(--_space);
    }
  }
  .editor-aside {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .editor-aside .panel + .panel {
    margin-top: 0;
  }
  .panel-header [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .editor .panel-footer .push {
    margin-inline-start: auto;
  }
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  textarea.code {
    font-family: var(--_mono);
    font-size: 0.875rem;
    line-height: 1.55;
  }
  .switch-field {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.75rem;
    row-gap: 0.2rem;
    align-items: center;
  }
  .switch-field .hint,
  .switch-field .field-error {
    grid-column: 2;
  }
  .switch-field label {
    cursor: pointer;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6rem;
    width: 100%;
  }
  .confirm p {
    flex: 1 1 16rem;
    margin: 0;
    font-weight: 600;
    color: var(--_danger);
  }
  .form-error:focus {
    outline: none;
  }
  input[type='file'] {
    padding: 0.4em;
    cursor: pointer;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    font-weight: 600;
    margin-inline-end: 0.75rem;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }

  /* ---- code and previews ----------------------------------------------------------------------- */
  pre.code {
    margin: 0;
    padding: 0.75rem 0.9rem;
    max-height: 16rem;
    overflow: auto;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    font-family: var(--_mono);
    font-size: 0.8125rem;
    line-height: 1.55;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .preview-label {
    margin: 0 0 0.35rem;
    font-size: 0.8125rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_muted);
  }
  .preview-label + .preview-label,
  * + .preview-label {
    margin-top: var(--_space);
  }
  .rich {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
    overflow-wrap: anywhere;
    overflow-x: auto;
  }
  .rich > :first-child {
    margin-top: 0;
  }
  .rich > :last-child {
    margin-bottom: 0;
  }
  .rich h1,
  .rich h2,
  .rich h3,
  .rich h4 {
    line-height: 1.25;
    margin: 1.1em 0 0.5em;
  }
  .rich h1 {
    font-size: 1.5rem;
  }
  .rich h2 {
    font-size: 1.25rem;
  }
  .rich img {
    max-width: 100%;
    height: auto;
  }
  .rich table {
    border-collapse: collapse;
  }
  .rich th,
  .rich td {
    border: 1px solid var(--_border);
    padding: 0.3rem 0.5rem;
  }
  .rich blockquote {
    margin: 0.75rem 0;
    padding-inline-start: 0.9rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .mail {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    overflow: hidden;
  }
  .mail-subject {
    margin: 0;
    padding: 0.6rem 0.9rem;
    background: var(--_surface-alt);
    border-bottom: 1px solid var(--_border);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .mail-subject .sub {
    display: inline;
    margin-inline-end: 0.4rem;
  }
  .mail-body {
    margin: 0;
    padding: 0.75rem 0.9rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.9375rem;
  }
  .mail .rich {
    border: 0;
    border-radius: 0;
  }
  .notice.warning {
    border-color: color-mix(in srgb, var(--_warning) 40%, transparent);
    background: color-mix(in srgb, var(--_warning) 9%, var(--_surface));
  }
  .notice ul {
    margin: 0.35rem 0 0;
    padding-inline-start: 1.2rem;
  }
  .notice p {
    margin: 0;
  }
  .notice .actions {
    margin-top: 0.6rem;
  }
`;
