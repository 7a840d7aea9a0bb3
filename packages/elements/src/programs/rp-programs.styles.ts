import { css } from 'lit';

export const programsStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  .head h2 {
    margin: 0;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .program {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: calc(var(--_space) * 1.5);
  }
  .program-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .program h3 {
    margin: 0;
    font-size: 1.1875rem;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0.7em;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 10%, var(--_surface));
  }
  .badge::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .description {
    color: var(--_text);
    max-width: 70ch;
  }
  .description p:last-child {
    margin-bottom: 0;
  }
  .terms {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.75rem;
    margin: 0.25rem 0 0;
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
  }
  .terms div {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.7);
    padding: 0.75rem 0.9rem;
  }
  .terms dt {
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-bottom: 0.2rem;
  }
  .terms dd {
    margin: 0;
    font-size: 0.9375rem;
  }
  @container (max-width: 640px) {
    .terms {
      grid-template-columns: 1fr;
    }
    .program {
      padding: var(--_space);
    }
  }
`;
