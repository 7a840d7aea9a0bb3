import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from '../core/api-client.js';

/**
 * The form pieces every back-office editor shares: field errors (the browser's constraints first,
 * then the server's `ApiError.fields` at their fields), a field's hint / error / `aria-describedby`,
 * and the polite live region that announces results.
 */

/** Field name → message. */
export type FieldErrors = Record<string, string>;

export { errorText } from '../core/api-client.js';

/** `errors` without `name`'s message; the same object when it has none, so nothing re-renders. */
export function withoutError(errors: FieldErrors, name: string): FieldErrors {
  if (!name || !errors[name]) return errors;
  const { [name]: _cleared, ...rest } = errors;
  return rest;
}

/** The messages of the form's named controls that fail the browser's own constraints (`required`, `pattern`, …). */
export function constraintErrors(form: HTMLFormElement): FieldErrors {
  const errors: FieldErrors = {};
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input[name], select[name], textarea[name]',
  )) {
    if (!control.checkValidity()) errors[control.name] ??= control.validationMessage;
  }
  return errors;
}

/**
 * An API error's field messages moved onto a form's fields: `fieldOf` names the form's field of
 * an API path (or nothing when the form has none); the first message of a field wins. `others`
 * are the messages of the paths no field shows.
 */
export function serverErrors(error: unknown, fieldOf: (path: string) => string | null | undefined): { fields: FieldErrors; others: string[] } {
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const [path, message] of Object.entries(error instanceof ApiError ? error.fields : {})) {
    const field = fieldOf(path);
    if (field) fields[field] ??= message;
    else others.push(message);
  }
  return { fields, others };
}

/** `aria-describedby` of the ids given (empty ones skipped); `nothing`, so no attribute, for none. */
export function describedBy(...ids: string[]): string | typeof nothing {
  return ids.filter(Boolean).join(' ') || nothing;
}

/** A field's error message; `id` is what its control's `aria-describedby` names. */
export function fieldError(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" part="field-error" id=${id}>${error}</p>` : nothing;
}

/**
 * What the field whose control has `id` shows: `invalid` for `aria-invalid`, its `hint`
 * (`<id>-hint`) and `error` (`<id>-error`), and `describedBy` naming those shown.
 */
export function fieldParts(id: string, error: string | undefined, hint?: string | TemplateResult) {
  return {
    invalid: error ? 'true' : 'false',
    hint: hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing,
    error: fieldError(`${id}-error`, error),
    describedBy: describedBy(hint ? `${id}-hint` : '', error ? `${id}-error` : ''),
  } as const;
}

/** The text of an element's polite live region. */
export class Announcer {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Announces `text`, even when it equals the last announcement. */
  async say(text: string): Promise<void> {
    this.text = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.text = text;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }
}
