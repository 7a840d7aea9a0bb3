/** Shared state tests of the reports built on `RpReport` (loading, empty, error + retry, signed out). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type * as z from 'zod';
import { apiPath, delay, freshApiBase, http, reply, replyError, worker } from './api-mock.js';
import { signedIn } from './signed-in.js';

export const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
export const text = (node: Element | ShadowRoot | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Renders `<tag api-base>`; signed in unless told otherwise. */
export async function renderReport<E extends HTMLElement>(tag: string, options: { signIn?: boolean; apiBase?: string } = {}) {
  const apiBase = options.apiBase ?? freshApiBase();
  if (options.signIn !== false) await signedIn(apiBase);
  const el = document.createElement(tag) as E;
  el.setAttribute('api-base', apiBase);
  await fixture(html`${el}`);
  return { el, apiBase };
}

/** Rows of the report's table as arrays of cell texts. */
export const cells = (el: Element) =>
  $$(el, 'tbody tr').map((tr) => [...tr.children].map((cell) => text(cell)));

export function reportStateTests<S extends z.ZodType>(o: {
  tag: string;
  path: string;
  schema: S;
  page: z.input<S>;
  empty: z.input<S>;
  emptyText: string;
}): void {
  it('shows a loading state while the first page is pending, then the table', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(apiPath(o.path), async () => {
        await gate;
        return reply(o.schema, o.page);
      }),
    );
    const { el } = await renderReport(o.tag);
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect($(el, '[part="loading"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, 'table'), 'table rendered');
    expect($(el, '[part="loading"]')).to.equal(null);
    expect($(el, 'caption')).to.not.equal(null);
    expect($$(el, 'thead th[scope="col"]').length).to.be.greaterThan(2);
    expect($$(el, 'tbody th[scope="row"]').length).to.equal($$(el, 'tbody tr').length);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when the period has no rows', async () => {
    worker.use(http.get(apiPath(o.path), () => reply(o.schema, o.empty)));
    const { el } = await renderReport(o.tag);
    await waitUntil(() => $(el, '[part="empty"]'), 'empty shown');
    expect(text($(el, '[part="empty"]'))).to.equal(o.emptyText);
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath(o.path), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Reports are resting.') : reply(o.schema, o.page);
      }),
    );
    const { el } = await renderReport(o.tag);
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"] p'))).to.equal('Reports are resting.');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'table'), 'table after retry');
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath(o.path), () => {
        calls += 1;
        return reply(o.schema, o.page);
      }),
    );
    const { el, apiBase } = await renderReport(o.tag, { signIn: false });
    await delay(30);
    expect($(el, '[part="signed-out"]')).to.not.equal(null);
    expect($(el, '[part="filters"]')).to.equal(null);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await signedIn(apiBase);
    await waitUntil(() => $(el, 'table'), 'table after sign-in');
    expect(calls).to.equal(1);
  });
}
