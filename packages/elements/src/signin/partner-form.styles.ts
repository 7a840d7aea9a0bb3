import { css } from 'lit';

/**
 * What the partner's account cards, <rp-signin>, <rp-signup> and <rp-reset-password>, share
 * exactly: the card's shadow, the lead under the heading, the focused field, the password field
 * with its show/hide button, the primary button's hover and the link shown as a button. Each card
 * adds its own sizes and messages (signinStyles, accountFormStyles); the back office's
 * <rp-admin-signin> uses them too. Part of the sign-in alone bundle (budget 12 KB gzip).
 */
export const partnerFormStyles = css`
  .card {
    box-shadow: var(--rp-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 8px 24px rgb(16 24 40 / 0.08));
  }
  .lead {
    color: var(--_muted);
    margin-bottom: 1.5rem;
  }
  input:focus-visible {
    border-color: var(--_accent);
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
    padding: 0 0.75rem;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .toggle:hover {
    background: var(--_surface-alt);
  }
  .primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    border-radius: 7px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
    text-decoration: none;
  }
`;
