import { css } from 'lit';

export const adminSigninStyles = css`
  .card {
    max-width: var(--rp-admin-signin-width, 26rem);
    padding: clamp(1.5rem, 6vw, 2rem) clamp(1.15rem, 5vw, 1.75rem);
    box-shadow: var(--rp-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 8px 24px rgb(16 24 40 / 0.08));
  }
  h2 {
    font-size: 1.5rem;
    margin-bottom: 0.25rem;
  }
  .lead {
    color: var(--_muted);
    margin-bottom: 1.5rem;
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
  .password {
    position: relative;
  }
  .password input {
    padding-right: 4.5rem;
  }
  .toggle {
    position: absolute;
    inset: 0.3rem 0.3rem 0.3rem auto;
    min-height: 0;
    padding: 0 0.75rem;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.875rem;
    font-weight: 600;
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
