// The baseline of bench/redirect.ts: a bare Hono app on @hono/node-server answering the same 302
// the real redirect answers, byte for byte but the click id (same headers, a Location of the same
// shape and length, the same empty body: an empty string rather than null, as the real route does,
// which @hono/node-server writes with less work than a null body's chunked reply), with no lookup
// and no recording.
// Run as its own process: PORT=<port> TARGET=<url> node --import tsx bench/redirect-bare.ts
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const target = new URL(process.env.TARGET ?? 'http://localhost/');
// As long as a real click id (21 characters: see newClickId).
target.searchParams.set('rp_click', 'A'.repeat(21));
const location = target.href;

const app = new Hono().get(
  '/r/:slug',
  () =>
    new Response('', {
      status: 302,
      headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', Location: location, 'Content-Type': 'text/plain; charset=UTF-8' },
    }),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('listening'));
