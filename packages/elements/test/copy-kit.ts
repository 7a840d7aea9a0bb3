/**
 * Tests of copy buttons (core/copy.ts `Copier`): a stubbed clipboard around every test of a
 * suite, and the checks every copy makes — "Copied!" on the button and in the quiet live region;
 * without a clipboard, the text selected and the region, shown, saying how to copy it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { $, text } from './section-kit.js';

/** What the stubbed clipboard received: plain text, or a ClipboardItem's types and texts. */
export type Copied = string | Record<string, string>;

/**
 * Replaces `navigator.clipboard` (headless Chromium refuses the real one without focus and
 * permission) with one that records what is written; `rich: false` leaves out `write()`, as in
 * browsers that copy text only; `none` removes the clipboard. Call the returned function to restore.
 */
export function stubClipboard(copied: Copied[], options: { rich?: boolean; none?: boolean } = {}): () => void {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  const clipboard = {
    writeText: async (value: string) => void copied.push(value),
    ...(options.rich === false
      ? {}
      : {
          write: async (items: ClipboardItem[]) => {
            const item = items[0]!;
            const entries = await Promise.all(item.types.map(async (type) => [type, await (await item.getType(type)).text()]));
            copied.push(Object.fromEntries(entries));
          },
        }),
  };
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: options.none ? undefined : clipboard });
  return () => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
  };
}

const status = (el: Element) => $(el, '[part="status"]')!;

/** Stubs the clipboard before each test of the calling suite and restores it after. */
export function useClipboard() {
  const copied: Copied[] = [];
  let restore = () => {};
  beforeEach(() => {
    copied.length = 0;
    restore = stubClipboard(copied);
  });
  afterEach(() => restore());

  return {
    /** What this test copied, in order. */
    copied,

    /** Stubs again for this test: `{ rich: false }` for a text-only clipboard, `{ none: true }` for none. */
    stub(options: { rich?: boolean; none?: boolean }): void {
      restore();
      restore = stubClipboard(copied, options);
    },

    /** Clicks a copy button of `el`: it says "Copied!", and so does the live region, a quiet status. */
    async copy(el: Element, button: Element): Promise<void> {
      const before = copied.length;
      (button as HTMLElement).click();
      await waitUntil(
        () => copied.length > before && text(status(el)) === 'Copied!' && text(button).startsWith('Copied!'),
        'copied, and says Copied!',
      );
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).classList.contains('visually-hidden')).to.equal(true);
    },

    /**
     * Clicks a copy button without a clipboard: `target` (a field, or any element) is selected
     * and the live region, shown, says how to copy it.
     */
    async fallback(el: Element, button: Element, target: Element): Promise<void> {
      this.stub({ none: true });
      const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
      field?.setSelectionRange(0, 0);
      getSelection()?.removeAllRanges();
      (button as HTMLElement).click();
      await waitUntil(() => text(status(el)).startsWith('Copying is not available here'), 'explains');
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).classList.contains('visually-hidden')).to.equal(false);
      if (field) {
        expect(field.selectionStart).to.equal(0);
        expect(field.selectionEnd).to.equal(field.value.length);
      } else {
        expect(getSelection()!.toString()).to.equal(target.textContent);
      }
    },
  };
}
