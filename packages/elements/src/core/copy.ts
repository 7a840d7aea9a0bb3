import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/**
 * Writes `text` to the clipboard. With `html`, a rich paste where the browser can (one
 * ClipboardItem with text/html and text/plain), else the plain text. Throws when there is no
 * clipboard (insecure page, denied permission).
 */
export async function writeClipboard(text: string, html?: string): Promise<void> {
  const clipboard = navigator.clipboard;
  if (html && clipboard?.write && globalThis.ClipboardItem) {
    const blob = (value: string, type: string) => new Blob([value], { type });
    try {
      return await clipboard.write([new ClipboardItem({ 'text/html': blob(html, 'text/html'), 'text/plain': blob(text, 'text/plain') })]);
    } catch {
      // Some browsers take text only: the plain text still helps.
    }
  }
  await clipboard.writeText(text);
}

/**
 * The copy buttons of an element and their live region: the button that copied last says
 * "Copied!" for 3 s and the region announces it; without a clipboard the text is selected
 * instead and the region, shown, says how to copy it. Also announces other results (`say`).
 */
export class Copier implements ReactiveController {
  /** Key of the button that copied last. */
  copied: string | null = null;
  /** Text of the live region. */
  status = '';
  /** Whether the region is visible too (for the fallback, which has no button text to show it). */
  shown = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Copies for the button `key`; without a clipboard, selects `target` (a field or any element). */
  async copy(key: string, target: Element | null | undefined, text: string, html?: string): Promise<void> {
    try {
      await writeClipboard(text, html);
      this.copied = key;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.copied = null;
        this.host.requestUpdate();
      }, 3000);
      await this.say(msg('Copied!'));
    } catch {
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
      else if (target) getSelection()?.selectAllChildren(target);
      await this.say(msg('Copying is not available here: press Ctrl+C (⌘C) to copy the selected text.'), true);
    }
  }

  /** Announces `text`, even when it equals the last announcement. */
  async say(text: string, shown = false): Promise<void> {
    this.status = '';
    this.shown = shown;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.status = text;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** The label of the button `key`: "Copied!" for a moment after it copied. */
  label(key: string, label: string): string {
    return this.copied === key ? msg('Copied!') : label;
  }

  /** The live region (part `status`). */
  statusTemplate(): TemplateResult {
    return html`<p class="status ${this.shown ? '' : 'visually-hidden'}" part="status" role="status">${this.status}</p>`;
  }
}

/** Selects a read-only field's text when it gets focus, ready for Ctrl+C. */
export function selectField(event: Event): void {
  (event.target as HTMLInputElement).select();
}
