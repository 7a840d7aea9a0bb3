import { css } from 'lit';

export const welcomeStyles = css`
  .card {
    padding: calc(var(--_space) * 1.75);
  }
  header {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: calc(var(--_space) * 1.25);
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .eyebrow {
    margin: 0;
    font-size: 0.8125rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  h2 {
    margin: 0;
    font-size: var(--rp-welcome-heading-size, 1.75rem);
    letter-spacing: -0.01em;
  }
  .message {
    max-width: 68ch;
    font-size: 1.0625rem;
    /* Long emails and links in the merchant's text must not run past the card. */
    overflow-wrap: anywhere;
  }
  .message p:last-child {
    margin-bottom: 0;
  }
  .state.empty {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.8);
  }
  .summary { margin-top: calc(var(--_space) * 1.5); padding-top: calc(var(--_space) * 1.25); border-top: 1px solid var(--_border); }
  .period-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 1rem; }
  h4 { margin: 0; }
  .period, .rate, figcaption, .peak { margin: 0; font-size: 0.8125rem; color: var(--_muted); }
  .funnel { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; list-style: none; margin: 0.5rem 0 var(--_space); padding: 0; }
  .funnel li { display: grid; align-content: start; padding-inline-start: 0.75rem; border-inline-start: 3px solid color-mix(in srgb, var(--_accent) 35%, transparent); }
  .count { font-size: 1.375rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  .what { font-weight: 600; }
  figure { position: relative; margin: 0; padding-top: 0.25rem; }
  svg { display: block; width: 100%; height: 6rem; fill: var(--rp-chart-bar, color-mix(in srgb, var(--_accent) 55%, var(--_surface))); }
  line { stroke: var(--_border); vector-effect: non-scaling-stroke; }
  .grid { stroke-dasharray: 4 4; }
  .peak { position: absolute; top: -0.6rem; padding-inline-end: 0.35rem; background: var(--_surface); }
  figcaption { display: flex; justify-content: space-between; }
  details { margin-top: 0.75rem; }
  summary { cursor: pointer; color: var(--_accent); font-weight: 600; width: fit-content; }
  td, tbody th { padding: 0.25rem 1rem 0 0; text-align: end; font-weight: 400; font-variant-numeric: tabular-nums; }
  tbody th { text-align: start; }
  @media (max-width: 480px) {
    .card {
      padding: var(--_space);
    }
    h2 {
      font-size: 1.4rem;
    }
    .count {
      font-size: 1.125rem;
    }
  }
`;
