/**
 * Admin resources and destinations for element tests: fixtures parsed by the contract's schemas
 * and handlers answering the admin routes with them. Tests add their own handlers after
 * `useAdminResources()` to capture bodies or answer otherwise.
 */
import {
  AdminBanner,
  AdminBannerList,
  AdminDestination,
  AdminDestinationList,
  AdminEmailCopy,
  AdminEmailCopyList,
  AdminResourcePage,
  AdminResourcePageList,
  MediaUpload,
} from '@rp/contract';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type * as z from 'zod';
import { apiPath, delay, freshApiBase, http, HttpResponse, reply, replyError, worker } from './api-mock.js';
import { adminFixtures, adminSignedIn } from './admin-signed-in.js';
import { $, text } from './report-kit.js';

/** A 1×1 transparent PNG. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
/** The same PNG as a data URL: fixtures' images load without a request the mock would refuse. */
export const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const IMAGE_A = 'a'.repeat(32) + '.png';
export const IMAGE_B = 'b'.repeat(32) + '.png';
export const IMAGE_NEW = 'c'.repeat(32) + '.png';

export const adminResourceFixtures = {
  destinations: AdminDestinationList.parse({
    destinations: [
      {
        id: 1,
        name: 'Shop',
        url: 'https://shop.example.com/',
        description: 'The whole coffee shop.',
        allowSubpaths: true,
        active: true,
        createdAt: '2026-01-05T10:00:00.000Z',
      },
      {
        id: 2,
        name: 'Spring sale',
        url: 'https://shop.example.com/sale/spring',
        description: '',
        allowSubpaths: false,
        active: true,
        createdAt: '2026-02-05T10:00:00.000Z',
      },
      {
        id: 3,
        name: 'Old blog',
        url: 'https://blog.example.com/',
        description: 'Retired.',
        allowSubpaths: true,
        active: false,
        createdAt: '2026-03-05T10:00:00.000Z',
      },
    ],
  }),
  banners: AdminBannerList.parse({
    banners: [
      {
        id: 11,
        name: 'Leaderboard',
        image: IMAGE_A,
        imageUrl: PNG_DATA_URL,
        width: 728,
        height: 90,
        alt: 'Harbor & Pine: 20% off your first bag',
        destinationId: 1,
        active: true,
        position: 0,
        createdAt: '2026-04-01T10:00:00.000Z',
        updatedAt: '2026-04-02T10:00:00.000Z',
      },
      {
        id: 12,
        name: 'Blog square',
        image: IMAGE_B,
        imageUrl: PNG_DATA_URL,
        width: 300,
        height: 250,
        alt: 'Fresh roasts every week',
        destinationId: 3,
        active: true,
        position: 1,
        createdAt: '2026-04-03T10:00:00.000Z',
        updatedAt: '2026-04-03T10:00:00.000Z',
      },
    ],
  }),
  emails: AdminEmailCopyList.parse({
    emails: [
      {
        id: 21,
        name: 'Welcome offer',
        subject: 'A coffee tip for {{partner.firstName}}’s readers',
        bodyText: 'Hi,\n\nTry Harbor & Pine: {{link}}\n\n{{partner.name}}',
        bodyHtml: '<p>Try <a href="{{link}}" rel="noopener noreferrer">Harbor &amp; Pine</a></p>',
        destinationId: 1,
        position: 0,
        createdAt: '2026-04-01T10:00:00.000Z',
        updatedAt: '2026-04-05T10:00:00.000Z',
      },
      {
        id: 22,
        name: 'Spring sale',
        subject: 'Spring sale at {{center.name}}',
        bodyText: 'Save now: {{link}}',
        bodyHtml: null,
        destinationId: 2,
        position: 1,
        createdAt: '2026-04-02T10:00:00.000Z',
        updatedAt: '2026-04-06T10:00:00.000Z',
      },
    ],
  }),
  pages: AdminResourcePageList.parse({
    pages: [
      {
        id: 31,
        title: 'Brand guidelines',
        slug: 'brand-guidelines',
        html: '<h2>Our logo</h2><p>Use it on light backgrounds.</p>',
        published: true,
        position: 0,
        createdAt: '2026-04-01T10:00:00.000Z',
        updatedAt: '2026-04-07T10:00:00.000Z',
      },
      {
        id: 32,
        title: 'Holiday FAQ',
        slug: 'holiday-faq',
        html: '<p>Draft.</p>',
        published: false,
        position: 1,
        createdAt: '2026-04-02T10:00:00.000Z',
        updatedAt: '2026-04-08T10:00:00.000Z',
      },
    ],
  }),
  upload: MediaUpload.parse({
    name: IMAGE_NEW,
    url: PNG_DATA_URL,
    contentType: 'image/png',
    size: 24_576,
    width: 300,
    height: 250,
  }),
};

export { AdminBanner, AdminDestination, AdminEmailCopy, AdminResourcePage, MediaUpload };

/** GET handlers for every admin resource list, and 204 for removals. */
export const adminResourceHandlers = [
  http.get(apiPath('/admin/destinations'), () => reply(AdminDestinationList, adminResourceFixtures.destinations)),
  http.get(apiPath('/admin/banners'), () => reply(AdminBannerList, adminResourceFixtures.banners)),
  http.get(apiPath('/admin/email-copy'), () => reply(AdminEmailCopyList, adminResourceFixtures.emails)),
  http.get(apiPath('/admin/resource-pages'), () => reply(AdminResourcePageList, adminResourceFixtures.pages)),
  http.delete(/\/api[^/]*\/admin\/(banners|email-copy|resource-pages)\/\d+$/, () => new HttpResponse(null, { status: 204 })),
];

/** Installs the handlers above (call after `resetApi()`, before the test's own `worker.use()`). */
export function useAdminResources(): void {
  worker.use(...adminResourceHandlers);
}

/** A `File` from bytes, typed as the browser would type it by its name. */
export function fileOf(bytes: Uint8Array | string, name: string, type: string): File {
  return new File([bytes as BlobPart], name, { type });
}

/** Puts `file` in a file input and fires `change`, as choosing it in the dialog does. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Sets a field's value and fires `input`, as typing does. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Chooses an option of a select and fires `change`. */
export function selectValue(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Renders `<tag api-base>` for a fresh API base; an admin is signed in unless told otherwise. */
export async function renderAdmin<E extends HTMLElement>(tag: string, options: { signIn?: boolean } = {}) {
  const apiBase = freshApiBase();
  if (options.signIn !== false) await adminSignedIn(apiBase);
  const el = document.createElement(tag) as E;
  el.setAttribute('api-base', apiBase);
  await fixture(html`${el}`);
  return { el, apiBase };
}

/**
 * The four states every admin list element shows: loading, empty, error with retry, and signed
 * out (no request until an admin signs in).
 */
export function adminStateTests<S extends z.ZodType>(o: {
  tag: string;
  path: string;
  schema: S;
  page: z.input<S>;
  empty: z.input<S>;
  loadingText: string;
  emptyText: string;
  /** Selector present once the list shows. */
  list: string;
}): void {
  it('shows a loading state, then the list', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(apiPath(o.path), async () => {
        await gate;
        return reply(o.schema, o.page);
      }),
    );
    const { el } = await renderAdmin(o.tag);
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect(text($(el, '[part="loading"]'))).to.equal(o.loadingText);
    expect($(el, '[part="loading"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, o.list), 'list shown');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('says so when there is nothing yet, and still offers to add', async () => {
    worker.use(http.get(apiPath(o.path), () => reply(o.schema, o.empty)));
    const { el } = await renderAdmin(o.tag);
    await waitUntil(() => $(el, '[part="empty"]'), 'empty shown');
    expect(text($(el, '[part="empty"]'))).to.equal(o.emptyText);
    expect($(el, o.list)).to.equal(null);
    expect($(el, '[part="add-button"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath(o.path), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'The back office is resting.') : reply(o.schema, o.page);
      }),
    );
    const { el } = await renderAdmin(o.tag);
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"] p'))).to.equal('The back office is resting.');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, o.list), 'list after retry');
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath(o.path), () => {
        calls += 1;
        return reply(o.schema, o.page);
      }),
    );
    const { el, apiBase } = await renderAdmin(o.tag, { signIn: false });
    await delay(30);
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to the back office to see this section.');
    expect($(el, '[part="add-button"]')).to.equal(null);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await adminSignedIn(apiBase);
    await waitUntil(() => $(el, o.list), 'list after sign-in');
    expect(calls).to.equal(1);
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
