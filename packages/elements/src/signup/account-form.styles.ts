import { css } from 'lit';

/**
 * The look shared by the account forms, <rp-signup> and <rp-reset-password>, on top of
 * partnerFormStyles (what the sign-in card has too): a roomier card and heading, labelled fields
 * with hints and errors, the new password's length count, the form's error, a full-width submit
 * button, and the confirmation shown once done.
 */
export const accountFormStyles = css`
  .card {
    padding: clamp(1.25rem, 5vw, 2rem);
  }
  h2 {
    font-size: 1.5rem;
    margin-bottom: 0.35rem;
  }
  form,
  .field {
    display: grid;
    gap: 1.15rem;
  }
  .field {
    gap: 0.35rem;
  }
  input:not([type='checkbox']) {
    min-height: 2.75rem;
  }
  input[aria-invalid='true']:focus-visible {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_danger) 30%, transparent);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .count {
    font-weight: 600;
  }
  .count.long {
    color: var(--_success);
  }
  .field-error {
    margin: 0;
  }
  .form-error {
    margin: 0;
    padding: 0.7rem 0.9rem;
    border-radius: 7px;
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, var(--_surface));
  }
  .submit {
    width: 100%;
    min-height: 2.9rem;
  }
  .done {
    text-align: center;
    padding-block: 0.5rem;
  }
  .done-icon {
    display: inline-grid;
    place-items: center;
    width: 3.25rem;
    height: 3.25rem;
    margin-bottom: 0.75rem;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_success) 13%, var(--_surface));
  }
  .done-icon::after {
    content: '';
    width: 0.85rem;
    height: 1.5rem;
    margin-top: -0.3rem;
    border: solid var(--_success);
    border-width: 0 0.22rem 0.22rem 0;
    transform: rotate(45deg);
  }
  .done > :last-child {
    margin-bottom: 0;
  }
  a.button {
    min-height: 2.75rem;
    margin-top: 0.5rem;
    padding: 0 1.25em;
  }
`;
