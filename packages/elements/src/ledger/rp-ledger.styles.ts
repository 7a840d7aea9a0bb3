import { css } from 'lit';

export const ledgerStyles = css`
  .statement { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 2rem; margin: 0 0.25rem 0.75rem; }
  .statement div { display: flex; gap: 0.5rem; }
  .statement dd { margin: 0; font-weight: 700; }
  td .badge + .badge { margin-top: 0.25rem; }
`;
