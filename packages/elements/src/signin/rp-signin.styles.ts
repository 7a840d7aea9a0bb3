import { css } from 'lit';

// Kept lean: this element is the "sign-in alone" bundle (budget 12 KB gzip with Lit).
/** What only the sign-in card has, on top of partnerFormStyles. */
export const signinStyles = css`
  :host {
    max-width: var(--rp-signin-width, 26rem);
  }
  .card {
    padding: clamp(1.5rem, 6vw, 2rem) clamp(1.15rem, 5vw, 1.75rem);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 1.5rem;
    font-weight: 600;
  }
  .brand img {
    max-height: 2.5rem;
    max-width: 10rem;
  }
  .monogram {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 8px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 700;
  }
  h2 {
    font-size: 1.5rem;
    margin-bottom: 0.25rem;
  }
  .notice,
  .error.shown {
    border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
    border-radius: 7px;
    padding: 0.65rem 0.85rem;
    font-size: 0.9375rem;
    margin-bottom: 1rem;
  }
  .notice {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .error {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }
  form,
  .field {
    display: grid;
    gap: 1.1rem;
  }
  .field {
    gap: 0.4rem;
  }
  input,
  .actions > *,
  .submit {
    min-height: 2.75rem;
  }
  .link {
    display: block;
    margin: 1rem auto 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .link:hover {
    text-decoration: underline;
  }
  .submit {
    width: 100%;
    margin-top: 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  a.button {
    padding: 0.5em 1.1em;
  }
  ::slotted([slot='footer']) {
    display: block;
    margin-top: 1.25rem;
    text-align: center;
    font-size: 0.9375rem;
  }
`;
