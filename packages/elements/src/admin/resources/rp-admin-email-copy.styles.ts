import { css } from 'lit';

/** The merge-field help beside the email editor. */
export const emailCopyStyles = css`
  .merge-fields {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .merge-fields li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
  }
  button.chip {
    min-height: 2rem;
    padding: 0.2em 0.65em;
    border-radius: 999px;
    border-color: color-mix(in srgb, var(--_accent) 35%, var(--_border));
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
    color: var(--_text);
  }
  button.chip:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
  }
  button.chip::before {
    content: '+';
    margin-inline-end: 0.35em;
    font-weight: 700;
    color: var(--_accent);
  }
  .merge-help {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .stored-code {
    margin-top: 0.75rem;
  }
  .stored-code summary {
    cursor: pointer;
    font-weight: 600;
    font-size: 0.875rem;
    color: var(--_accent);
    margin-bottom: 0.5rem;
  }
`;
