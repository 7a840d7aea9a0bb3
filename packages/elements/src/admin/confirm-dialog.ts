import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** A question asked before a consequential action. */
export interface Confirmation {
  title: string;
  body: unknown;
  /** The label of the button that confirms ("Suspend partner"). */
  confirm: string;
  run: () => Promise<void> | void;
  /** Focused again when the dialog closes: the button that asked. */
  opener: HTMLElement | null;
}

/**
 * A modal confirmation (`<dialog part="confirm">`, styled by `adminStyles`): Cancel, focused
 * first, or Escape closes it and puts focus back on the button that asked; the danger button
 * closes it and runs the action. The host renders `render()` and asks with `ask()`.
 */
export class ConfirmDialog implements ReactiveController {
  #current: Confirmation | null = null;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  ask(confirmation: Confirmation): void {
    this.#current = confirmation;
    this.host.requestUpdate();
  }

  /** Drops the question unanswered (signed out, another record). */
  clear(): void {
    if (!this.#current) return;
    this.#current = null;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part="confirm"]');
    if (dialog && this.#current && !dialog.open) dialog.showModal();
  }

  render(): TemplateResult | typeof nothing {
    const c = this.#current;
    if (!c) return nothing;
    return html`<dialog part="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${this.#closed}>
      <h2 id="confirm-title">${c.title}</h2>
      <p id="confirm-body">${c.body}</p>
      <div class="actions end">
        <button type="button" autofocus @click=${this.#close}>${msg('Cancel')}</button>
        <button type="button" class="danger" data-confirm @click=${this.#confirm}>${c.confirm}</button>
      </div>
    </dialog>`;
  }

  // Arrow functions: Lit calls listeners with the host as `this`.
  readonly #close = () => this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part="confirm"]')?.close();

  readonly #confirm = async () => {
    const c = this.#current;
    if (!c) return;
    this.clear();
    this.#close();
    c.opener?.focus();
    await c.run();
  };

  /** Cancelled (button or Escape): back to the button that asked. */
  readonly #closed = () => {
    const c = this.#current;
    if (!c) return;
    this.clear();
    c.opener?.focus();
  };
}
