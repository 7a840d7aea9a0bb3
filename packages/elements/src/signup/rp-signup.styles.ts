import { css } from 'lit';

/** What only the sign-up form has, on top of accountFormStyles. */
export const signupStyles = css`
  :host {
    max-width: var(--rp-signup-width, 36rem);
    container-type: inline-size;
  }
  .pair {
    display: grid;
    gap: 1.15rem;
  }
  .field {
    align-content: start;
  }
  @container (min-width: 32rem) {
    .pair {
      grid-template-columns: 1fr 1fr;
    }
  }
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  .error-action {
    font-size: 0.875rem;
    font-weight: 600;
  }
  fieldset {
    display: grid;
    gap: 0.6rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.45rem;
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.7rem;
    font-weight: 400;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    width: 1.15rem;
    height: 1.15rem;
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
  }
  .program {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
  }
  .program:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
  }
  .program strong,
  .program .muted {
    display: block;
  }
  .program .muted {
    font-size: 0.875rem;
  }
  .note {
    margin: 0;
    padding: 0.65rem 0.85rem;
    border-radius: 7px;
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .code-label {
    margin: 1.25rem 0 0.35rem;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .code {
    display: inline-block;
    margin: 0 0 0.75rem;
    padding: 0.45rem 1.1rem;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface-alt);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.5rem;
    font-weight: 700;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .username {
    font-weight: 600;
  }
  .message,
  .next {
    color: var(--_muted);
  }
`;
