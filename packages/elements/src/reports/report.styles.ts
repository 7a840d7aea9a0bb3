import { css } from 'lit';

/** The look shared by every report (after sectionStyles): filter bar, table (cards below 640 px), badges, amounts. */
export const reportStyles = css`
  :host { --_warning: var(--rp-warning, #8a5300); }
  .head h3 { margin: 0 0 0.25rem; }
  .sub, .zero, thead th, dt, .hint { color: var(--_muted); }
  .filters, .table-wrap, .statement { border: 1px solid var(--_border); border-radius: var(--_radius); }
  .filters { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75rem; padding: 0.75rem var(--_space); margin-bottom: var(--_space); background: var(--_surface-alt); }
  .field { display: grid; gap: 0.25rem; min-width: 9.5rem; }
  .filters label { font-size: 0.8125rem; }
  .filters input, .filters select, .csv { height: 2.6rem; min-width: 0; }
  .csv { margin-inline-start: auto; padding-block: 0; }
  .table-wrap { overflow-x: auto; background: var(--_surface); }
  table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; }
  caption { text-align: start; padding: 0.75rem var(--_space); font-weight: 600; }
  th, td { text-align: start; vertical-align: top; padding: 0.6rem 0.5rem; border-top: 1px solid var(--_border); }
  tr > :first-child { padding-inline-start: var(--_space); white-space: nowrap; }
  tr > :last-child { padding-inline-end: var(--_space); white-space: nowrap; }
  thead th { vertical-align: bottom; font-size: 0.75rem; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; background: var(--_surface-alt); }
  tbody th { font-weight: 500; }
  .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .sub { display: block; font-size: 0.8125rem; overflow-wrap: anywhere; }
  .mono { white-space: nowrap; }
  .pos { color: var(--_success); font-weight: 600; }
  .neg { color: var(--_danger); font-weight: 600; }
  .badge { display: inline-block; padding: 0 0.6em; border-radius: 9em; font-size: 0.8125rem; font-weight: 600; white-space: nowrap; color: var(--_muted); background: color-mix(in srgb, currentColor 10%, var(--_surface)); border: 1px solid color-mix(in srgb, currentColor 30%, transparent); }
  .pending { color: var(--_warning); }
  .available, .converted, .earned { color: var(--_success); }
  .paid, .paid_out, .new { color: var(--_accent); }
  .reversed { color: var(--_danger); }
  .more { display: grid; justify-items: center; gap: 0.5rem; margin-top: var(--_space); }
  .more:empty { display: none; }
  @container (max-width: 640px) {
    .filters { padding: 0.75rem; gap: 0.75rem 0.5rem; }
    .field { flex: 1 1 8rem; min-width: 0; }
    .filters input { padding-inline: 0.5em; }
    .csv { flex: 1 1 100%; margin: 0; }
    thead { position: absolute; clip: rect(0 0 0 0); }
    table, tbody, tr, th, td, caption { display: block; }
    tbody tr { padding: 0.6rem var(--_space); border-top: 1px solid var(--_border); }
    tbody th:nth-child(n) { padding: 0 0 0.25rem; border: 0; font-weight: 600; }
    tbody td:nth-child(n) { display: flex; justify-content: space-between; gap: 1rem; padding: 0.15rem 0; border: 0; text-align: end; }
    tbody td::before { content: attr(data-label); color: var(--_muted); font-size: 0.8125rem; text-align: start; }
  }
`;
