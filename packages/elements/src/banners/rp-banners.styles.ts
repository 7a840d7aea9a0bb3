import { css } from 'lit';

export const bannersStyles = css`
  .banner { padding: 0; overflow: hidden; }
  .preview { display: grid; place-items: center; padding: var(--_space); background: var(--_surface-alt); border-bottom: 1px solid var(--_border); }
  /* Real size from the width/height attributes, scaled down to fit the card and a moderate height. */
  img { display: block; width: auto; height: auto; max-width: 100%; max-height: 16rem; box-shadow: 0 1px 4px rgb(16 24 40 / 0.18); }
  .body { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: var(--_space) calc(var(--_space) * 1.5); padding: calc(var(--_space) * 1.25); }
  h3 { margin: 0; }
  .size { margin: 0 0 0.75rem; color: var(--_muted); font-variant-numeric: tabular-nums; }
  dl { margin: 0; }
  dd { margin: 0.1rem 0 0.6rem; overflow-wrap: anywhere; }
  .paste { display: grid; gap: 0.4rem; align-content: start; }
  .paste button { justify-self: start; }
  @container (max-width: 640px) {
    .body { grid-template-columns: minmax(0, 1fr); padding: var(--_space); }
    .paste button { justify-self: stretch; }
  }
`;
