import { css } from 'lit';

export const ledgerStyles = css`
  .statement { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 2rem; margin: 0 0 0.75rem; padding: 0.6rem var(--_space); background: var(--_surface); }
  .statement div { display: flex; gap: 0.75rem; }
  .statement dd { margin: 0; font-weight: 700; }
  td .badge + .badge { margin-top: 0.25rem; }
  @container (max-width: 640px) {
    .statement div { flex: 1 1 100%; justify-content: space-between; }
  }
`;
