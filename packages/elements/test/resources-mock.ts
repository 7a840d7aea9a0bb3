/**
 * Fixtures and default handlers of the partner's resource routes (banners, email copy, resource
 * pages), parsed by the contract's schemas like every other mock. Importing this module adds the
 * handlers to `defaultHandlers`, so `resetApi()` keeps them.
 */
import { BannerList, EmailCopyList, ResourcePage, ResourcePageList } from '@rp/contract';
import { apiPath, defaultHandlers, http, reply, replyError, resetApi } from './api-mock.js';

/** A 1×1 PNG as a data URL: previews load without a server. */
export const pixel =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const link = (slug: string) => `https://go.example.com/r/${slug}`;

export const resourceFixtures = {
  banners: BannerList.parse({
    banners: [
      {
        id: 1,
        name: 'Leaderboard',
        imageUrl: pixel,
        width: 728,
        height: 90,
        alt: 'Northwind & Co — fresh coffee',
        link: link('b4nn3r1'),
        html: `<a href="${link('b4nn3r1')}"><img src="https://api.example.com/media/a.png" width="728" height="90" alt="Northwind &#38; Co — fresh coffee"></a>`,
      },
      {
        id: 2,
        name: 'Skyscraper',
        imageUrl: pixel,
        width: 160,
        height: 600,
        alt: 'Espresso gear',
        link: link('b4nn3r2'),
        html: `<a href="${link('b4nn3r2')}"><img src="https://api.example.com/media/b.png" width="160" height="600" alt="Espresso gear"></a>`,
      },
    ],
  }),
  emails: EmailCopyList.parse({
    emails: [
      {
        id: 1,
        name: 'Introduce the subscription',
        subject: 'The coffee I drink every morning',
        bodyText: `Hi there,\n\nTry it: ${link('em41l1')}\n\nCheers,\nDana`,
        bodyHtml: `<p>Hi there,</p>\n<p><a href="${link('em41l1')}" rel="noopener noreferrer">Try the subscription</a> &amp; see.</p>\n<p>Cheers,<br />Dana</p>`,
        link: link('em41l1'),
      },
      {
        id: 2,
        name: 'Gift idea',
        subject: 'A gift idea',
        bodyText: `Looking for a gift? ${link('em41l2')}\n\n— Dana Demo`,
        bodyHtml: null,
        link: link('em41l2'),
      },
    ],
  }),
  pages: ResourcePageList.parse({
    pages: [
      { id: 1, title: 'Brand guidelines', slug: 'brand-guidelines', updatedAt: '2026-10-02T12:00:00.000Z' },
      { id: 2, title: 'How to talk about our coffee', slug: 'talking-about-our-coffee', updatedAt: '2026-09-15T12:00:00.000Z' },
    ],
  }),
  page: ResourcePage.parse({
    id: 1,
    title: 'Brand guidelines',
    slug: 'brand-guidelines',
    updatedAt: '2026-10-02T12:00:00.000Z',
    html: '<h2>Our name</h2>\n<p>Write <strong>Northwind &amp; Co</strong>.</p>\n<ul><li>Do use the banners.</li></ul>\n<p><a href="mailto:partners@example.com" rel="noopener noreferrer">partners@example.com</a></p>',
  }),
};

/** Answers `GET /partner/resource-pages/:slug` with the fixture page for its slug, 404 otherwise. */
export const pageHandler = http.get(/\/api[^/]*\/partner\/resource-pages\/([^/]+)$/, ({ request }) => {
  const slug = new URL(request.url).pathname.split('/').pop();
  const summary = resourceFixtures.pages.pages.find((p) => p.slug === slug);
  if (!summary) return replyError('not_found', 'No such page.');
  return reply(ResourcePage, slug === resourceFixtures.page.slug ? resourceFixtures.page : { ...summary, html: `<p>About ${summary.title}.</p>` });
});

defaultHandlers.push(
  http.get(apiPath('/partner/banners'), () => reply(BannerList, resourceFixtures.banners)),
  http.get(apiPath('/partner/email-copy'), () => reply(EmailCopyList, resourceFixtures.emails)),
  http.get(apiPath('/partner/resource-pages'), () => reply(ResourcePageList, resourceFixtures.pages)),
  pageHandler,
);
resetApi();

