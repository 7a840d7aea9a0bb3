import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Task } from '@lit/task';
import { ApiError } from './api-client.js';

/**
 * The four states every data element shows besides its content. Each wraps a slot so a
 * merchant can replace the text: `<p slot="empty">…</p>`.
 */
export function loadingState(label: string = msg('Loading…')): TemplateResult {
  return html`<div class="state loading" part="loading" role="status" aria-live="polite">
    <slot name="loading">${label}</slot>
  </div>`;
}

export function emptyState(text: string): TemplateResult {
  return html`<div class="state empty" part="empty"><slot name="empty">${text}</slot></div>`;
}

export function signedOutState(): TemplateResult {
  return html`<div class="state signed-out" part="signed-out">
    <slot name="signed-out">${msg('Sign in to see this section.')}</slot>
  </div>`;
}

export function errorState(error: unknown, retry: () => void): TemplateResult {
  const text =
    error instanceof ApiError ? error.message : msg('Something went wrong while loading this section.');
  return html`<div class="state error" part="error" role="alert">
    <p>${text}</p>
    <button type="button" part="retry" @click=${retry}>${msg('Try again')}</button>
  </div>`;
}

/**
 * The body of a data element: the signed-out state, or its task's loading state, error with
 * retry, or `complete(value)`.
 */
export function taskStates<T>(
  host: { store: { signedIn: boolean } },
  task: Task<readonly unknown[], T>,
  loading: string,
  complete: (value: T) => unknown,
): unknown {
  return host.store.signedIn
    ? task.render({
        pending: () => loadingState(loading),
        complete,
        error: (error) => errorState(error, () => void task.run()),
      })
    : signedOutState();
}
