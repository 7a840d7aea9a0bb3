import { css } from 'lit';

/**
 * Optional polish for the states of core/states.ts: a spinner beside the loading text. Any other
 * "working on it" line (an upload, say) gets the same spinner with the class `busy`.
 */
export const stateStyles = css`
  .state.loading::before,
  .busy::before {
    content: '';
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 0.6em;
    vertical-align: -0.15em;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: rp-state-spin 0.8s linear infinite;
  }
  @keyframes rp-state-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .state.loading::before,
    .busy::before {
      animation-duration: 2.4s;
    }
  }
  .state.error p {
    margin-bottom: 0.75rem;
  }
`;
