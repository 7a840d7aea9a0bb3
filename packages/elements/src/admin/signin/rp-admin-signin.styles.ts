import { css } from 'lit';

/**
 * The back-office sign-in card: the partner cards' look (partnerFormStyles, composed before this:
 * shadow, lead, password field and its show/hide button) at its own size, and the signed-in bar.
 */
export const adminSigninStyles = css`
  .card {
    max-width: var(--rp-admin-signin-width, 26rem);
    padding: clamp(1.5rem, 6vw, 2rem) clamp(1.15rem, 5vw, 1.75rem);
  }
  h2 {
    font-size: 1.5rem;
    margin-bottom: 0.25rem;
  }
  .form-error.empty {
    display: none;
  }
  form {
    display: grid;
    gap: 1.1rem;
  }
  .field + .field {
    margin-top: 0;
  }
  input,
  .submit {
    min-height: 2.75rem;
  }
  .toggle {
    min-height: 0;
  }
  .submit {
    width: 100%;
    margin-top: 0.25rem;
  }
  ::slotted([slot='footer']) {
    display: block;
    margin-top: 1.25rem;
    text-align: center;
    font-size: 0.9375rem;
  }

  /* Signed in: a slim bar that fits a header. */
  .account {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-width: 0;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    font-weight: 700;
    font-size: 0.875rem;
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .who {
    min-width: 0;
    flex: 1 1 auto;
    line-height: 1.3;
  }
  .who p {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .account .status {
    min-height: 0;
    font-weight: 400;
  }
  .email {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .account button {
    flex: none;
  }
`;
