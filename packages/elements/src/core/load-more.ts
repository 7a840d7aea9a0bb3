import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { errorText } from './api-client.js';

export interface LoadMoreOptions {
  /** Fetches the page after `cursor`, appends it to the host's rows, and answers the next cursor (null: that was the last). */
  fetch(cursor: string, signal: AbortSignal): Promise<string | null>;
  /** After the last page is shown and the button is gone: where to put keyboard focus instead. */
  atEnd?(): void;
}

/**
 * "Load more" for a keyset-paged list: the next page's cursor, the request in flight (dropped when
 * the list starts over or the element leaves the page), its error, and the button with the error
 * under it (`part="more-button"`). The host sets `cursor` from its first page and calls `abort()`
 * when it reads the list again.
 */
export class LoadMore implements ReactiveController {
  /** Where the next page starts; null when there is none. */
  cursor: string | null = null;
  loading = false;
  error = '';
  readonly #host: ReactiveControllerHost;
  readonly #options: LoadMoreOptions;
  #request: AbortController | null = null;

  constructor(host: ReactiveControllerHost, options: LoadMoreOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Drop the request in flight and its error (the cursor stays until the host sets the new one). */
  abort(): void {
    this.#request?.abort();
    this.#request = null;
    this.loading = false;
    this.error = '';
    this.#host.requestUpdate();
  }

  /** Appends the next page. */
  async load(): Promise<void> {
    const cursor = this.cursor;
    if (!cursor || this.loading) return;
    this.abort();
    const request = (this.#request = new AbortController());
    this.loading = true;
    try {
      this.cursor = await this.#options.fetch(cursor, request.signal);
      if (!this.cursor && this.#options.atEnd) {
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        this.#options.atEnd();
      }
    } catch (error) {
      if (!request.signal.aborted) this.error = errorText(error);
    } finally {
      if (this.#request === request) this.loading = false;
      this.#host.requestUpdate();
    }
  }

  /** The button while there is a next page, and the last attempt's error. */
  template(): TemplateResult {
    return html`<div class="more">
      ${this.cursor
        ? html`<button type="button" part="more-button" ?disabled=${this.loading} @click=${() => this.load()}>
            ${this.loading ? msg('Loading…') : msg('Load more')}
          </button>`
        : nothing}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }
}
