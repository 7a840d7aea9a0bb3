import { css } from 'lit';

/** The partner list and the partner detail, on top of `adminStyles`. */
export const partnerStyles = css`
  :host {
    container-type: inline-size;
  }
  .small {
    font-size: 0.875rem;
  }
  .code {
    font-family: var(--_mono);
  }
  .grow {
    flex: 1 1 14rem;
  }

  /* ---- list -------------------------------------------------------------------------------- */
  .toolbar .field {
    margin: 0;
  }
  .toolbar select {
    min-width: 11rem;
  }
  .toolbar input,
  .toolbar select {
    height: 2.75rem;
  }
  table.partners th[scope='row'] {
    font-weight: normal;
  }
  button.open {
    display: grid;
    gap: 0.05rem;
    min-height: 0;
    padding: 0.15rem 0;
    border: 0;
    background: none;
    text-align: start;
    color: inherit;
  }
  button.open:hover:not(:disabled) {
    background: none;
  }
  .open-name {
    color: var(--_accent);
    font-weight: 600;
  }
  button.open:hover .open-name {
    text-decoration: underline;
  }
  .code {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  td.email {
    overflow-wrap: anywhere;
  }
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    margin-top: var(--_space);
  }
  .crumbs {
    margin-bottom: calc(var(--_space) * 0.75);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    margin-top: 0.4rem;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: normal;
  }
  label.check input {
    width: 1.1rem;
    height: 1.1rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* ---- detail ------------------------------------------------------------------------------ */
  .partner {
    display: grid;
    gap: var(--_space);
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
  }
  .identity .wide {
    flex: 1 1 100%;
    margin: 0;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 3.25rem;
    height: 3.25rem;
    border-radius: 50%;
    font-weight: 700;
    font-size: 1.1rem;
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .who {
    flex: 1 1 14rem;
    min-width: 0;
  }
  .who h2,
  .who h3 {
    margin: 0;
    font-size: 1.375rem;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.75rem;
    margin: 0.2rem 0 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .meta .code {
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0 0.4em;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space);
    align-items: start;
  }
  .column {
    display: grid;
    gap: var(--_space);
  }
  .column > .panel + .panel {
    margin-top: 0;
  }

  /* Available first and widest: it is what a payout can take; pending and total beside each other below. */
  dl.figures {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.75rem;
    margin: 0;
  }
  .figure.main {
    grid-column: 1 / -1;
  }
  .figure {
    padding: 0.75rem 0.9rem;
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_surface-alt);
  }
  .figure.main {
    background: color-mix(in srgb, var(--_success) 9%, var(--_surface));
  }
  .figure dt {
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .figure dd {
    margin: 0.15rem 0 0;
    font-size: 1.2rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .figure.main dd {
    font-size: 1.6rem;
    color: color-mix(in srgb, var(--_success) 80%, black);
  }

  form.inline-form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.6rem;
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  form.inline-form > .form-error {
    flex: 1 1 100%;
    margin: 0;
  }
  form.inline-form > button {
    margin-top: 1.75rem;
  }
  ul.enrollments {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.enrollments li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--_border);
  }
  ul.enrollments li:first-child {
    padding-top: 0;
  }
  ul.enrollments li:last-child {
    border-bottom: 0;
    padding-bottom: 0;
  }
  .enrollment {
    display: grid;
  }
  .enrollment-name {
    font-weight: 600;
  }
  .given {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  ul.given {
    list-style: none;
    padding: 0;
  }
  .chip {
    padding: 0.05rem 0.5rem;
    border-radius: 6px;
    color: var(--_text);
    background: color-mix(in srgb, var(--_success) 10%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_success) 30%, transparent);
    font-size: 0.875rem;
  }

  /* Label beside value, one per row. */
  dl.details {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.6rem 1.25rem;
    margin: 0;
  }
  .details > div {
    display: contents;
  }
  .details dt {
    color: var(--_muted);
    font-size: 0.875rem;
    font-weight: 600;
    padding-top: 0.1rem;
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .secret {
    border-color: color-mix(in srgb, var(--_warning) 45%, var(--_border));
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }
  .secret-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .secret-row input {
    flex: 1 1 14rem;
    width: auto;
    font-size: 1.05rem;
    letter-spacing: 0.03em;
  }

  /* ---- narrow -------------------------------------------------------------------------------- */
  @container (max-width: 760px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @container (max-width: 560px) {
    .identity .actions {
      flex: 1 1 100%;
    }
    .identity .actions button {
      flex: 1 1 auto;
    }
    dl.details {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.15rem;
    }
    .details > div + div dt {
      margin-top: 0.6rem;
    }
    form.inline-form > button {
      flex: 1 1 100%;
      margin-top: 0;
    }
    .toolbar .field {
      flex: 1 1 100%;
    }
    /* The list as cards: one partner per block, each cell labelled. */
    .table-wrap {
      overflow: visible;
    }
    table.partners thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.partners,
    table.partners tbody,
    table.partners tr,
    table.partners th,
    table.partners td {
      display: block;
    }
    table.partners tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.1rem 0.75rem;
      padding: 0.75rem 0.9rem;
      border-bottom: 1px solid var(--_border);
    }
    table.partners tbody tr:last-child {
      border-bottom: 0;
    }
    table.partners th,
    table.partners td {
      padding: 0;
      border: 0;
    }
    table.partners td.email {
      grid-column: 1;
      grid-row: 2;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    table.partners td:nth-of-type(2) {
      grid-column: 2;
      grid-row: 1;
      justify-self: end;
    }
    table.partners td:nth-of-type(3) {
      grid-column: 2;
      grid-row: 2;
      justify-self: end;
      color: var(--_muted);
      font-size: 0.875rem;
    }
  }
`;
