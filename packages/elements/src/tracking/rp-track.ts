/**
 * rp-track — the merchant's first-party tracking script (not an element; no dependencies).
 *
 * A partner's tracked link (`https://partners.example.com/r/<slug>`) redirects the visitor to the
 * merchant's page with `?rp_click=<click id>`. This script, on the merchant's own pages:
 *
 * 1. reads `rp_click` from the address and keeps it in a first-party cookie on the merchant's own
 *    domain (`rp_click`, for the program's attribution window, `SameSite=Lax`, `Secure` on https);
 * 2. removes the parameter from the address bar (`history.replaceState`), so it is not bookmarked
 *    or shared onwards;
 * 3. fills every `<input type="hidden" name="rp_click">` and every `<input data-rp-click>` in the
 *    page with the click id, including forms added later — so the merchant's sign-up and checkout
 *    hand it to their backend, which reports the lead or sale with `attribution.clickId`;
 * 4. exposes `window.rpTrack.clickId()` for checkouts built in script.
 *
 * Paste on every page a visitor can land on (at least the destinations partners link to):
 *
 * ```html
 * <script type="module" src="https://partners.example.com/rp/rp-track.js"
 *         data-window-days="30" data-cookie-domain=".example.com"></script>
 *
 * <form action="/signup" method="post">
 *   <input type="hidden" name="rp_click">
 *   …
 * </form>
 * ```
 *
 * - `data-window-days`: how long the cookie lasts, in days (default 30; use your program's
 *   attribution window).
 * - `data-cookie-domain` (optional): set the cookie for a parent domain, e.g. `.example.com`, so
 *   `shop.example.com` and `www.example.com` share it.
 *
 * Safari caps cookies set by script at 7 days. Where the partner center runs on a subdomain of the
 * merchant's site, configure the server's `RP_COOKIE_DOMAIN` so the redirect also sets the cookie
 * from the server, which lasts the whole window.
 */

import type { CLICK_COOKIE as ContractCookie, CLICK_ID_PARAM as ContractParam } from '@rp/contract';

// Spelled out rather than imported: the contract module pulls in zod, which this tiny script must not.
// The annotations make the compiler check they still equal the contract's.
const CLICK_ID_PARAM: typeof ContractParam = 'rp_click';
const CLICK_COOKIE: typeof ContractCookie = 'rp_click';

export interface TrackOptions {
  /** Cookie lifetime in days. */
  windowDays: number;
  /** Parent domain for the cookie, or null for the page's own host. */
  cookieDomain: string | null;
}

export interface RpTrack {
  /** The visitor's click id: from this page's address, else from the cookie; null when there is none. */
  clickId(): string | null;
}

declare global {
  interface Window {
    rpTrack?: RpTrack;
  }
}

/** Click ids are URL-safe tokens; anything else (a `;` that would add cookie attributes…) is ignored. */
const CLICK_ID = /^[A-Za-z0-9_-]{8,64}$/;
const DOMAIN = /^\.?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const FIELDS = `input[type="hidden"][name="${CLICK_ID_PARAM}"], input[data-rp-click]`;

/** Options from the script tag's data attributes, with defaults for anything missing or invalid. */
export function readOptions(script: Element | null): TrackOptions {
  const days = Number(script?.getAttribute('data-window-days'));
  const domain = script?.getAttribute('data-cookie-domain')?.trim() ?? '';
  return {
    windowDays: Number.isFinite(days) && days > 0 && days <= 3650 ? days : 30,
    cookieDomain: domain && DOMAIN.test(domain) ? domain : null,
  };
}

/** This script's own tag: the one whose src is this module (a module has no `document.currentScript`). */
function ownScript(): Element | null {
  const scripts = Array.from(document.querySelectorAll('script[src]'));
  const self = scripts.find((s) => (s as HTMLScriptElement).src === import.meta.url);
  return self ?? scripts.find((s) => /rp-track/.test((s as HTMLScriptElement).src)) ?? null;
}

export function readCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === CLICK_COOKIE && value && CLICK_ID.test(value)) return value;
  }
  return null;
}

function fill(root: ParentNode | Element, id: string): void {
  const own = root instanceof Element && root.matches(FIELDS) ? [root] : [];
  for (const field of [...own, ...Array.from(root.querySelectorAll(FIELDS))]) {
    const input = field as HTMLInputElement;
    if (input.value !== id) input.value = id;
  }
}

/**
 * Keep the click id from the address (if any), clean the address, fill the fields now and as
 * they appear. Answers the tracker and a `stop()` that ends the watching.
 */
export function startTracking(options: TrackOptions): RpTrack & { stop(): void } {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(CLICK_ID_PARAM);
  let current = readCookie();
  if (fromUrl !== null) {
    if (CLICK_ID.test(fromUrl)) {
      current = fromUrl; // the newest click wins
      const attributes = [
        `${CLICK_COOKIE}=${fromUrl}`,
        `Max-Age=${Math.round(options.windowDays * 86_400)}`,
        'Path=/',
        'SameSite=Lax',
        ...(options.cookieDomain ? [`Domain=${options.cookieDomain}`] : []),
        ...(location.protocol === 'https:' ? ['Secure'] : []),
      ];
      document.cookie = attributes.join('; ');
    }
    url.searchParams.delete(CLICK_ID_PARAM);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }

  const clickId = () => current ?? readCookie();
  const id = clickId();
  let observer: MutationObserver | null = null;
  if (id) {
    fill(document, id);
    observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) if (node instanceof Element) fill(node, id);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
  return { clickId, stop: () => observer?.disconnect() };
}

// Once per page, even if the merchant includes the script twice.
if (typeof window !== 'undefined' && !window.rpTrack) {
  const tracker = startTracking(readOptions(ownScript()));
  window.rpTrack = { clickId: tracker.clickId };
}
