import { css } from 'lit';

export const commissionStructureStyles = css`
  .program {
    padding: 0;
    overflow: hidden;
  }
  .program-head {
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5) 0;
  }
  .program h3 {
    margin: 0 0 0.25rem;
    font-size: 1.1875rem;
  }
  .currency {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .table-wrap {
    padding: var(--_space) calc(var(--_space) * 1.5) 0;
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.75rem 0.75rem 0.75rem 0;
    border-bottom: 1px solid var(--_border);
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  thead th {
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
    padding-top: 0;
    padding-bottom: 0.5rem;
  }
  tbody tr:last-child > * {
    border-bottom: none;
  }
  .commission-col {
    text-align: end;
  }
  col.rule-col {
    width: 32%;
  }
  col.applies-col {
    width: 40%;
  }
  tbody th {
    font-weight: 600;
  }
  .amount {
    font-weight: 700;
    font-size: 1rem;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.commission {
    text-align: end;
  }
  .scope {
    display: block;
  }
  .scope::first-letter,
  .detail::first-letter {
    text-transform: uppercase;
  }
  .detail {
    display: block;
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .note {
    display: block;
    font-weight: 400;
    font-style: italic;
    color: var(--_muted);
    font-size: 0.875rem;
    margin-top: 0.15rem;
  }
  .sku {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 0.3em;
  }
  .override {
    display: inline-block;
    margin-top: 0.25rem;
    padding: 0.05em 0.55em;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .no-rules {
    margin: 0;
    padding: 0 0 var(--_space);
    color: var(--_muted);
  }
  .terms {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: var(--_space) 0 0;
    padding: 0.9rem calc(var(--_space) * 1.5);
    background: var(--_surface-alt);
    border-top: 1px solid var(--_border);
    font-size: 0.875rem;
  }
  .terms dt {
    font-weight: 600;
  }
  .terms dd {
    margin: 0;
    color: var(--_muted);
  }
  @container (max-width: 600px) {
    .program-head,
    .table-wrap {
      padding-inline: var(--_space);
    }
    .terms {
      padding-inline: var(--_space);
      flex-direction: column;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    tbody tr {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--_border);
    }
    tbody tr:last-child {
      border-bottom: none;
    }
    tbody th,
    tbody td {
      border: none;
      padding: 0.1rem 0;
    }
    td.commission {
      text-align: start;
      margin-top: 0.35rem;
    }
  }
`;
