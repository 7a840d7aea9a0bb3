import { css } from 'lit';

/** What only the reset form has, on top of accountFormStyles. */
export const resetPasswordStyles = css`
  :host {
    max-width: var(--rp-reset-password-width, 28rem);
  }
  .card > .form-error {
    margin: 1rem 0;
  }
  .done p {
    color: var(--_muted);
  }
`;
