/**
 * The set-up every back-office element test shares (what section-kit.ts is for the partner's
 * sections): shadow-DOM queries, typing and clicking the way a person does, an admin element
 * rendered signed in or not, and the states every admin element shows. The partner's kits sign
 * a partner in; these sign the merchant in, whose elements say "Sign in to the back office…".
 */
import { expect, waitUntil } from '@open-wc/testing';
import type * as z from 'zod';
import { apiPath, delay, freshApiBase, http, reply, replyError, worker } from './api-mock.js';
import { adminFixtures, adminSignedIn } from './admin-signed-in.js';
import { cells } from './report-kit.js';
import { renderSection, sectionStateTests, text } from './section-kit.js';

export { adminFixtures, adminSignedIn, cells, text };

// Typed as found: a missing element fails the test at its use, and `expect($(…)).to.equal(null)` still works.
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
// A boolean, not expect(element).to.equal(…): chai's description of a failing DOM comparison can hang the page.
export const focused = (el: Element, selector: string) => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector(selector);

/** Sets a field's value and fires `input`, as typing does. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Types `value` into the field `selector` of `el`'s shadow root. */
export function type(el: Element, selector: string, value: string): void {
  typeInto($<HTMLInputElement>(el, selector), value);
}

/** Checks or unchecks a box (or picks a radio) and fires `change`. */
export function check(el: Element, selector: string, checked: boolean): void {
  const box = $<HTMLInputElement>(el, selector);
  box.checked = checked;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Chooses an option of a select and fires `change`. */
export function selectValue(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export const click = (el: Element, selector: string) => $(el, selector).click();
/** The control of the field `name` in an `AdminCollection` editor (`#f-name`). */
export const editorField = <T extends HTMLElement = HTMLInputElement>(el: Element, name: string) => $<T>(el, `#f-${name}`);
/** Waits for an `AdminCollection` editor to open. */
export const editorOpened = (el: Element) => waitUntil(() => $(el, '[part="form"]'), 'editor open');
/** Presses the submit button of the form with part `form`. */
export const submit = (el: Element, form: string) => click(el, `[part="${form}"] button[type="submit"]`);

/**
 * Answers `method path` with `answer(call)` (1 for the first), keeping each JSON body sent, in
 * order; `schema`, the contract's request schema, checks each, so an element cannot send what
 * the server would refuse.
 */
export function captureBodies(method: 'post' | 'patch', path: string, schema: z.ZodType | null, answer: (call: number) => Response): unknown[] {
  const bodies: unknown[] = [];
  worker.use(
    http[method](apiPath(path), async ({ request }) => {
      const body: unknown = await request.json();
      bodies.push(body);
      schema?.parse(body);
      return answer(bodies.length);
    }),
  );
  return bodies;
}

/** Renders `<tag api-base …attributes>` for a fresh API base; an admin is signed in unless told otherwise. */
export async function renderAdmin<E extends HTMLElement>(
  tag: string,
  options: { signIn?: boolean; attributes?: Record<string, string | number> } = {},
): Promise<{ el: E; apiBase: string }> {
  const attrs = Object.fromEntries(Object.entries(options.attributes ?? {}).map(([name, value]) => [name, String(value)]));
  return renderSection<E>(tag, { signIn: options.signIn, as: adminSignedIn, attrs });
}

/** Counts every request to `apiBase` until `stop()`, whichever handler answers it. */
function countRequests(apiBase: string): { readonly count: number; stop(): void } {
  let count = 0;
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.startsWith(`${apiBase}/`)) count += 1;
  };
  worker.events.on('request:start', listener);
  return {
    get count() {
      return count;
    },
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

/**
 * The states every admin element shows around what it loads from `path` — section-kit's loading,
 * error with retry, signed out and, given `emptyText`, empty, signed in as an admin — and the
 * back office's own: the empty state still offers `addButton`, which is absent while signed out;
 * no request at all before an admin signs in; the admin token sent, and refused.
 */
export function adminStateTests<S extends z.ZodType>(o: {
  tag: string;
  path: string;
  schema: S;
  page: z.input<S>;
  empty?: z.input<S>;
  loadingText: string;
  emptyText?: string;
  /** Selector present once the content shows. */
  list: string;
  /** The button that adds a record (or another action shown only to a signed-in admin). */
  addButton?: string;
}): void {
  const addButton = o.addButton ?? '[part="add-button"]';
  const empty = o.emptyText === undefined ? undefined : { page: o.empty as z.input<S>, text: o.emptyText, absent: o.list };
  sectionStateTests({
    tag: o.tag,
    path: o.path,
    schema: o.schema,
    page: o.page,
    shown: (el) => $(el, o.list),
    loadingText: o.loadingText,
    empty,
    errorText: 'The back office is resting.',
    as: adminSignedIn,
    signedOutText: 'Sign in to the back office to see this section.',
    checkSignedOut: (el) => expect($(el, addButton)).to.equal(null),
  });

  if (empty) {
    it('still offers to add when there is nothing yet', async () => {
      worker.use(http.get(apiPath(o.path), () => reply(o.schema, empty.page)));
      const { el } = await renderAdmin(o.tag);
      await waitUntil(() => $(el, '[part="empty"]'), 'empty shown');
      expect($(el, addButton)).to.not.equal(null);
    });
  }

  it('requests nothing at all before an admin signs in', async () => {
    const apiBase = freshApiBase();
    const requests = countRequests(apiBase);
    try {
      const { el } = await renderSection(o.tag, { signIn: false, apiBase });
      await delay(50);
      expect($(el, '[part="signed-out"]')).to.not.equal(null);
      expect(requests.count).to.equal(0);
    } finally {
      requests.stop();
    }
  });

  it('sends the admin session token, and shows the signed-out state when the server refuses it', async () => {
    const auth: (string | null)[] = [];
    worker.use(
      http.get(apiPath(o.path), ({ request }) => {
        auth.push(request.headers.get('authorization'));
        return replyError('unauthorized', 'Sign in to continue.');
      }),
    );
    const { el } = await renderAdmin(o.tag);
    await waitUntil(() => $(el, '[part="signed-out"]'), 'signed out after 401');
    expect(auth[0]).to.equal(`Bearer ${adminFixtures.signIn.token}`);
  });
}
