/**
 * Shared helpers and state tests of the partner's data elements (Home sections, resources, link
 * generator, reports): render one for a fresh API base, query its shadow root, and the four
 * states every one shows besides its content — loading, empty, error with retry, signed out.
 * With `as: adminSignedIn` and the back office's signed-out text it serves admin lists too.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type * as z from 'zod';
import { apiPath, delay, freshApiBase, http, reply, replyError, worker } from './api-mock.js';
import { signedIn } from './signed-in.js';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
export const text = (node: Element | ShadowRoot | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Signs someone in for an API base: the demo partner by default (signed-in.ts). */
export type SignIn = (apiBase: string) => Promise<unknown>;

/** Renders `<tag api-base …attrs>`; signed in (by `as`, the partner by default) unless told otherwise. */
export async function renderSection<E extends HTMLElement>(
  tag: string,
  options: { signIn?: boolean; as?: SignIn; apiBase?: string; attrs?: Record<string, string> } = {},
) {
  const apiBase = options.apiBase ?? freshApiBase();
  if (options.signIn !== false) await (options.as ?? signedIn)(apiBase);
  const el = document.createElement(tag) as E;
  el.setAttribute('api-base', apiBase);
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  await fixture(html`${el}`);
  return { el, apiBase };
}

export interface SectionStates<S extends z.ZodType> {
  tag: string;
  /** The request the element waits for: a path under the API base, or a pattern of its own. */
  path: string | RegExp;
  schema: S;
  /** Its usual answer. */
  page: z.input<S>;
  /** True once the element shows what it loaded. */
  shown: (el: Element) => unknown;
  /** More checks of what is shown, each time it is: after loading, after a retry, after signing in. */
  checkShown?: (el: Element) => void;
  /** The loading text (its role is always checked). */
  loadingText?: string;
  /** An answer with nothing in it, what the empty state then says, and what is not there. */
  empty?: { page: z.input<S>; text: string; absent: string };
  /** The server's message in the error test. */
  errorText?: string;
  /** More checks while signed out. */
  checkSignedOut?: (el: Element) => void;
  /** Who signs in (the partner by default), and what the element says until then. */
  as?: SignIn;
  signedOutText?: string;
}

export function sectionStateTests<S extends z.ZodType>(o: SectionStates<S>): void {
  const route = typeof o.path === 'string' ? apiPath(o.path) : o.path;
  const errorText = o.errorText ?? 'The section is resting.';
  const as = o.as ?? signedIn;
  const render = (signIn = true) => renderSection(o.tag, { signIn, as });
  const shown = async (el: Element, what: string) => {
    await waitUntil(() => o.shown(el), what);
    o.checkShown?.(el);
  };

  it('shows a loading state while the request is pending, then the content', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(route, async () => {
        await gate;
        return reply(o.schema, o.page);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect($(el, '[part="loading"]')!.getAttribute('role')).to.equal('status');
    if (o.loadingText !== undefined) expect(text($(el, '[part="loading"]'))).to.equal(o.loadingText);
    await expect(el).to.be.accessible();
    release();
    await shown(el, 'content after loading');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  if (o.empty) {
    const empty = o.empty;
    it('shows the empty state when there is nothing to show', async () => {
      worker.use(http.get(route, () => reply(o.schema, empty.page)));
      const { el } = await render();
      await waitUntil(() => $(el, '[part="empty"]'), 'empty shown');
      expect(text($(el, '[part="empty"]'))).to.equal(empty.text);
      expect($(el, empty.absent)).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(route, () => {
        calls += 1;
        return calls === 1 ? replyError('internal', errorText) : reply(o.schema, o.page);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"] p'))).to.equal(errorText);
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $(el, '[part="retry"]')!.click();
    await shown(el, 'content after retry');
    expect(calls).to.equal(2);
    expect($(el, '[part="error"]')).to.equal(null);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    let calls = 0;
    worker.use(
      http.get(route, () => {
        calls += 1;
        return reply(o.schema, o.page);
      }),
    );
    const { el, apiBase } = await render(false);
    await delay(30);
    expect(text($(el, '[part="signed-out"]'))).to.equal(o.signedOutText ?? 'Sign in to see this section.');
    o.checkSignedOut?.(el);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await as(apiBase);
    await shown(el, 'content after sign-in');
    expect(calls).to.equal(1);
    expect($(el, '[part="signed-out"]')).to.equal(null);
  });
}
