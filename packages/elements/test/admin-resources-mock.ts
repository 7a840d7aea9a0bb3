/**
 * Admin resources and destinations for element tests: fixtures parsed by the contract's schemas
 * and handlers answering the admin routes with them, and files to upload. Tests add their own
 * handlers after `useAdminResources()` to capture bodies or answer otherwise.
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
import { apiPath, http, HttpResponse, reply, worker } from './api-mock.js';

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
