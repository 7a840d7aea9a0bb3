import { css } from 'lit';

/** Programs and their rules, on top of `adminStyles`. */
export const programStyles = css`
  :host {
    container-type: inline-size;
  }
  .upper {
    text-transform: uppercase;
  }
  .programs {
    display: grid;
    gap: var(--_space);
  }
  .programs .panel + .panel {
    margin-top: 0;
  }
  .new-program {
    margin-bottom: var(--_space);
    border-color: color-mix(in srgb, var(--_accent) 40%, var(--_border));
  }
  .group-heading {
    margin: calc(var(--_space) * 1.75) 0 0.75rem;
    font-size: 0.8125rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .program.archived {
    background: var(--_surface-alt);
  }

  /* Edit stays beside the title; the title wraps instead. */
  .program-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .program-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    min-width: 0;
  }
  .program-title h3 {
    margin: 0;
    font-size: 1.1875rem;
    overflow-wrap: anywhere;
  }
  .description {
    margin: 0.4rem 0 0;
    max-width: 70ch;
  }

  dl.terms {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: var(--_space) 0 0;
    padding: 0.75rem 0;
    border-top: 1px solid var(--_border);
    border-bottom: 1px solid var(--_border);
  }
  .terms dt {
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .terms dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .rules-block {
    margin-top: var(--_space);
  }
  .rules-block h4 {
    margin: 0 0 0.5rem;
    font-size: 0.9375rem;
  }
  ul.rules {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ul.rules > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.65rem 0.85rem;
    border: 1px solid var(--_border);
    border-inline-start: 3px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
  }
  ul.rules > li.editing {
    display: block;
    padding: 0;
    border: 0;
    background: none;
  }
  .rule-text {
    display: grid;
    gap: 0.1rem;
    min-width: 0;
    flex: 1 1 16rem;
  }
  .sentence {
    font-weight: 700;
    font-size: 1.0625rem;
    font-variant-numeric: tabular-nums;
    overflow-wrap: break-word;
  }
  .rule-text .code {
    white-space: nowrap;
  }
  .scope {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .note {
    font-size: 0.875rem;
    font-style: italic;
  }
  .rule-actions {
    display: flex;
    gap: 0.25rem;
  }
  button.remove {
    color: var(--_danger);
  }
  .no-rules {
    margin: 0;
  }
  button.add-rule {
    margin-top: 0.75rem;
  }

  form.rule-form {
    margin-top: 0.75rem;
    padding: var(--_space);
    border: 1px solid color-mix(in srgb, var(--_accent) 35%, var(--_border));
    border-radius: calc(var(--_radius) * 0.8);
    background: var(--_surface-alt);
    display: grid;
    gap: var(--_space);
  }
  ul.rules form.rule-form {
    margin-top: 0;
  }
  .rule-form h5 {
    margin: 0;
    font-size: 1rem;
  }
  .rule-form .form-error {
    margin: 0;
  }
  fieldset.types legend {
    margin-bottom: 0.4rem;
    font-size: 0.9375rem;
  }
  .segmented {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  label.segment {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.85rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-weight: 600;
    font-size: 0.9375rem;
    cursor: pointer;
  }
  label.segment:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    color: color-mix(in srgb, var(--_accent) 80%, black);
  }
  label.segment:has(input:focus-visible) {
    box-shadow: var(--_focus);
  }
  label.segment input {
    width: 1rem;
    height: 1rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--_accent);
  }
  label.segment input:focus-visible {
    box-shadow: none;
  }

  .check-field {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
  }
  .check-field > div {
    display: grid;
    gap: 0.1rem;
  }
  .check-field input[type='checkbox'] {
    flex: none;
    width: 1.15rem;
    height: 1.15rem;
    min-height: 0;
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
  }
  .field.checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) 2.5rem;
  }
  .months {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.5rem;
    padding-inline-start: 1.75rem;
  }
  .months label {
    font-weight: 600;
  }
  .months input {
    width: 6rem;
  }

  @container (max-width: 560px) {
    .rule-actions {
      width: 100%;
      justify-content: flex-end;
    }
    label.segment {
      flex: 1 1 100%;
    }
    .actions button,
    .panel-footer button {
      flex: 1 1 auto;
    }
  }
`;
