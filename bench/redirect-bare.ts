// The baseline of bench/redirect.ts: a bare Hono app on @hono/node-server answering the same 302
// the real redirect answers (same Location shape, same headers), with no lookup and no recording.
// Run as its own process: PORT=<port> TARGET=<url> node --import tsx bench/redirect-bare.ts
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const target = new URL(process.env.TARGET ?? 'http://localhost/');
target.searchParams.set('rp_click', 'AAAAAAAAAAAAAAAA');
const location = target.href;

const app = new Hono().get('/r/:slug', () =>
  new Response(null, { status: 302, headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', Location: location } }),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('listening'));
