import { css } from 'lit';

export const profileStyles = css`
  .card {
    padding: calc(var(--_space) * 1.5);
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.9rem;
    padding-bottom: var(--_space);
    margin-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 3rem;
    height: 3rem;
    border-radius: 50%;
    font-weight: 700;
    font-size: 1.05rem;
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .identity-text {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .identity-name {
    margin: 0;
    font-weight: 700;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .identity-meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.15em 0.65em;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.active {
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 10%, var(--_surface));
  }
  .badge.pending {
    color: var(--rp-warning, #8a5300);
    background: color-mix(in srgb, var(--rp-warning, #8a5300) 10%, var(--_surface));
  }
  .badge.suspended {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
  }
  dl.details {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1.1rem 2rem;
    margin: 0;
  }
  .details dt {
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-bottom: 0.15rem;
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .details .wide {
    grid-column: 1 / -1;
  }
  .not-given {
    color: var(--_muted);
    font-style: italic;
  }
  .status {
    margin: 0;
  }
  .status:not(:empty) {
    margin-bottom: var(--_space);
    padding: 0.7rem 1rem;
    border-radius: calc(var(--_radius) * 0.7);
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 9%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_success) 30%, var(--_surface));
    font-weight: 600;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.75rem;
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1rem 1.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.15em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .field-error {
    margin: 0;
  }
  input:focus-visible {
    border-color: var(--_accent);
  }
  input[aria-invalid='true']:focus-visible {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_danger) 30%, transparent);
  }
  .required-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .form-error {
    margin: 0;
    padding: 0.7rem 1rem;
    border-radius: calc(var(--_radius) * 0.7);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, var(--_surface));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.75rem;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  hr.divider {
    border: none;
    border-top: 1px solid var(--_border);
    margin: 0;
  }
  @container (max-width: 600px) {
    .card {
      padding: var(--_space);
    }
    dl.details,
    .fields {
      grid-template-columns: 1fr;
    }
    .identity .edit {
      flex: 1 1 100%;
    }
    .actions button {
      flex: 1 1 auto;
    }
  }
`;
