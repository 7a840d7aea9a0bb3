import { css } from 'lit';

/** What only the reset form has, on top of accountFormStyles. */
export const resetPasswordStyles = css`
  :host {
    max-width: var(--rp-reset-password-width, 28rem);
  }
  .notice {
    margin: 0;
    padding: 0.7rem 0.9rem;
    border-radius: 7px;
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_success) 30%, var(--_surface));
  }
  .card > .form-error {
    margin: 1rem 0;
  }
  .done p {
    color: var(--_muted);
  }
`;
