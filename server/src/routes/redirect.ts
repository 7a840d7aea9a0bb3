import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { CLICK_COOKIE, CLICK_ID_PARAM } from '@rp/contract';
import { classifyUserAgent, newClickId, referrerHost, serverSecret, visitorHasher } from '../domain/clicks.ts';
import { SLUG_PATTERN } from '../domain/links.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { clientAddress } from '../http/guards.ts';

interface LinkTarget {
  id: number;
  partner_id: number;
  target_url: string;
  destination_url: string;
  partner_status: string;
}

/** A link's Location: `plain` without a click id, else `${before}${clickId}${fragment}`. */
interface Target {
  plain: string;
  before: string;
  fragment: string;
}

interface Cached {
  link: LinkTarget;
  target: Target;
}

/** Used when no program is active to say how long attribution lasts. */
const DEFAULT_WINDOW_DAYS = 30;

/** How long a cached slug lookup may miss a change made by ANOTHER process (this one's clear it at once). */
const CACHE_TTL_MS = 1000;
/** Slugs cached at most (found or not); past it the cache starts over. */
const CACHE_MAX = 10_000;

const NOT_FOUND_TEXT = 'This link does not exist or is no longer active.\n';

/**
 * `GET /r/<slug>`: the link a partner shares. Mounted at the root of the app, not under /api.
 *
 * The Location is always the link's stored target (checked against the merchant's approved
 * destination when the link was made, and again here) plus `rp_click`. Nothing the visitor sends
 * reaches it: not their query string, not the Host header. An unknown or disabled slug (or a
 * destination the merchant no longer approves) answers a plain-text 404, never a redirect.
 *
 * A person's click is counted once per 30 minutes per link; bots, link previews and HEAD requests
 * get the redirect without a click id and are not counted. The click is queued for the next batch
 * (see ClickRecorder): the row does not exist yet when the visitor arrives, but its id does.
 */
export function redirectRoutes({ db, config, now, clicks }: Deps) {
  const findLink = db.prepare(
    `SELECT l.id, l.partner_id, l.target_url, d.url AS destination_url, p.status AS partner_status
     FROM links l JOIN destinations d ON d.id = l.destination_id JOIN partners p ON p.id = l.partner_id
     WHERE l.slug = ? AND l.disabled_at IS NULL AND d.active = 1`,
  );
  const longestWindow = db.prepare('SELECT MAX(attribution_window_days) AS days FROM programs WHERE archived_at IS NULL');
  const changesOnThisConnection = db.prepare('SELECT total_changes()').pluck();

  /**
   * Where a stored target goes: `null` if it is not (or no longer) on its destination's origin.
   * The stored query is already in URLSearchParams form without `rp_click` (see buildTarget), so
   * appending `&rp_click=<id>` before the fragment is exactly `searchParams.set()`, without
   * parsing the URL on every click.
   */
  const locationOf = (target: string, destination: string): Target | null => {
    try {
      const url = new URL(target);
      if (url.origin !== new URL(destination).origin) return null;
      url.searchParams.delete(CLICK_ID_PARAM);
      const plain = url.href;
      const fragment = url.hash;
      url.hash = '';
      return { plain, before: `${url.href}${url.search ? '&' : '?'}${CLICK_ID_PARAM}=`, fragment };
    } catch {
      return null;
    }
  };

  /**
   * Slug → link and where it goes (or null: no such active link, or its target is off its
   * destination) and the longest attribution window, kept in memory: the lookup is most of what
   * the redirect costs itself. Everything the app changes goes through this connection, and any
   * change on it (a link disabled, a destination deactivated, a partner suspended, a program
   * archived…, or anything else) empties the cache before the next redirect: `total_changes()`
   * is a counter this connection keeps, read without touching the database file. Changes by
   * another process (the CLI) are seen within CACHE_TTL_MS.
   */
  const cache = new Map<string, Cached | null>();
  let cachedWindowDays: number | undefined;
  let cacheChanges = -1;
  let cacheUntil = 0;
  const fresh = () => {
    const changes = changesOnThisConnection.get() as number;
    const at = performance.now();
    if (changes !== cacheChanges || at >= cacheUntil || cache.size >= CACHE_MAX) {
      cache.clear();
      cachedWindowDays = undefined;
      cacheChanges = changes;
      cacheUntil = at + CACHE_TTL_MS;
    }
  };
  const lookup = (slug: string): Cached | undefined => {
    fresh();
    let entry = cache.get(slug);
    if (entry === undefined) {
      const link = findLink.get(slug) as LinkTarget | undefined;
      // Defense in depth: the stored target must still be on the approved destination's origin.
      const target = link ? locationOf(link.target_url, link.destination_url) : null;
      entry = link && target ? { link, target } : null;
      cache.set(slug, entry);
    }
    return entry ?? undefined;
  };
  const hashVisitor = visitorHasher(serverSecret(db, 'visitor_hash', now()));
  const secure = config.publicUrl.startsWith('https:');

  const notFound = () =>
    new Response(NOT_FOUND_TEXT, {
      status: 404,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });

  /** The attribution cookie for the configured parent domain, lasting the longest active attribution window. */
  const cookieFor = (clickId: string, domain: string) => {
    // fresh() ran for this request's lookup.
    const days = (cachedWindowDays ??= (longestWindow.get() as { days: number | null }).days ?? DEFAULT_WINDOW_DAYS);
    return `${CLICK_COOKIE}=${clickId}; Domain=${domain}; Path=/; Max-Age=${days * 86_400}${secure ? '; Secure' : ''}; SameSite=Lax`;
  };

  return new Hono<AppEnv>().get('/:slug', (c) => {
    const slug = c.req.param('slug');
    if (!SLUG_PATTERN.test(slug)) return notFound();
    const found = lookup(slug);
    if (!found) return notFound();
    const { link, target } = found;

    // Content-Type as @hono/node-server added it to the bodyless 302 (see `new Response` below).
    const headers: Record<string, string> = {
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      Location: target.plain,
      'Content-Type': 'text/plain; charset=UTF-8',
    };
    const sent = requestHeaders(c);
    const userAgent = sent.userAgent ?? '';
    // Only an active partner's links earn; a suspended partner's visitors still reach the merchant.
    const device = link.partner_status === 'active' && c.req.method === 'GET' ? classifyUserAgent(userAgent) : 'bot';
    if (device !== 'bot') {
      const at = now();
      // clientAddress() with the header read as above: the first X-Forwarded-For entry if the
      // proxy is trusted, else the socket's address.
      const forwarded = config.trustProxy ? sent.forwardedFor?.split(',')[0]?.trim() : undefined;
      const visitorHash = hashVisitor(forwarded || sent.socketAddress || clientAddress(c, false), userAgent);
      let clickId = clicks.repeatOf(link.id, visitorHash, at);
      if (clickId === null) {
        clickId = newClickId(at);
        clicks.record({
          publicId: clickId,
          linkId: link.id,
          partnerId: link.partner_id,
          visitorHash,
          referrerHost: referrerHost(sent.referer),
          uaClass: device,
          createdAt: at,
        });
      }
      headers['Location'] = `${target.before}${clickId}${target.fragment}`;
      if (config.cookieDomain) headers['Set-Cookie'] = cookieFor(clickId, config.cookieDomain);
    }
    // An empty string, not null: @hono/node-server writes a string body's plain header object
    // as is, while a null body makes it build a full fetch Response and Headers just to read
    // them back (same bytes on the wire: Content-Length 0 and the headers above).
    return new Response('', { status: 302, headers });
  });
}

/** The request headers the redirect reads, each as `c.req.header(name)` answers it (repeats joined with ", "). */
interface SentHeaders {
  userAgent: string | undefined;
  forwardedFor: string | undefined;
  referer: string | undefined;
  /** The peer's address as getConnInfo() would give it, read straight off the socket; undefined outside Node. */
  socketAddress: string | undefined;
}

const joined = (had: string | undefined, value: string) => (had === undefined ? value : `${had}, ${value}`);

/**
 * The headers the redirect reads, in one pass over the Node request's raw header list when the
 * app runs under @hono/node-server: asking the fetch Request for a header makes it build a
 * Headers object of every header first, which on the redirect cost more than the lookup.
 * Elsewhere (app.request in tests), the fetch Request.
 */
function requestHeaders(c: Context<AppEnv>): SentHeaders {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const raw = incoming?.rawHeaders;
  if (!raw) {
    return { userAgent: c.req.header('user-agent'), forwardedFor: c.req.header('x-forwarded-for'), referer: c.req.header('referer'), socketAddress: undefined };
  }
  const sent: SentHeaders = { userAgent: undefined, forwardedFor: undefined, referer: undefined, socketAddress: incoming.socket?.remoteAddress };
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    // Only names of a matching length are lower-cased and compared.
    if (key.length === 10 && key.toLowerCase() === 'user-agent') sent.userAgent = joined(sent.userAgent, raw[i + 1]!);
    else if (key.length === 15 && key.toLowerCase() === 'x-forwarded-for') sent.forwardedFor = joined(sent.forwardedFor, raw[i + 1]!);
    else if (key.length === 7 && key.toLowerCase() === 'referer') sent.referer = joined(sent.referer, raw[i + 1]!);
  }
  return sent;
}
