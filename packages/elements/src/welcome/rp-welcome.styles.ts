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
  }
  .message p:last-child {
    margin-bottom: 0;
  }
  .state.empty {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.8);
  }
  @media (max-width: 480px) {
    .card {
      padding: var(--_space);
    }
    h2 {
      font-size: 1.4rem;
    }
  }
`;
