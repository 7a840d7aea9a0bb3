import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';

/**
 * Helpers for merchant HTML the server sanitized on write (resource pages, HTML email bodies):
 * what the sanitizer took out, and a preview of what was kept.
 */

/**
 * Inline event handlers and styles, which Chromium checks against the page's CSP as they are
 * parsed, even into an inert document, and reports as violations. Renamed before parsing (and
 * back when counted); a match inside text only changes text, which is not counted.
 */
const CSP_CHECKED = /([\s/])(on[a-z]+|style)(\s*=)/gi;
const RENAMED = 'data-rp-';

/**
 * Tag and attribute counts of an HTML fragment, parsed by DOMParser into a document of its own:
 * no script runs and no image loads.
 */
function inventory(source: string): { tags: Map<string, number>; attributes: Map<string, number> } {
  const neutral = source.replace(CSP_CHECKED, `$1${RENAMED}$2$3`);
  const body = new DOMParser().parseFromString(`<!doctype html><body>${neutral}`, 'text/html').body;
  const tags = new Map<string, number>();
  const attributes = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const element of body.querySelectorAll('*')) {
    add(tags, element.localName);
    for (const { name } of element.attributes) add(attributes, name.startsWith(RENAMED) ? name.slice(RENAMED.length) : name);
  }
  return { tags, attributes };
}

/**
 * What the sanitizer removed from `sent` to store `kept`, for people: `<script>` for a dropped
 * tag, `onclick` for a dropped attribute. Compared by counts of tags and attributes, so the
 * sanitizer's harmless rewriting (quotes, entities, an added `rel`) does not count as removal.
 */
export function removedBySanitizer(sent: string, kept: string): { tags: string[]; attributes: string[] } {
  const before = inventory(sent);
  const after = inventory(kept);
  const lost = (a: Map<string, number>, b: Map<string, number>) =>
    [...a].filter(([key, count]) => count > (b.get(key) ?? 0)).map(([key]) => key);
  return { tags: lost(before.tags, after.tags), attributes: lost(before.attributes, after.attributes) };
}

/**
 * The notice after a save: which tags and attributes the sanitizer removed, or that it kept
 * everything. Nothing when no HTML was sent.
 */
export function sanitizerNotice(report: { tags: string[]; attributes: string[] } | null, locale: string): TemplateResult | typeof nothing {
  if (!report) return nothing;
  if (report.tags.length === 0 && report.attributes.length === 0) {
    return html`<p class="notice" part="sanitizer-notice">${msg('Your HTML was stored as you wrote it: the sanitizer removed nothing.')}</p>`;
  }
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return html`<div class="notice warning" part="sanitizer-notice">
    <p><strong>${msg('The sanitizer removed part of your HTML.')}</strong> ${msg('Partners get the stored version below.')}</p>
    <ul>
      ${report.tags.length
        ? html`<li>${msg(str`Tags: ${list.format(report.tags.map((t) => `<${t}>`))}`)}</li>`
        : nothing}
      ${report.attributes.length ? html`<li>${msg(str`Attributes: ${list.format(report.attributes)}`)}</li>` : nothing}
    </ul>
  </div>`;
}

/**
 * Stored (already sanitized) HTML rendered for a preview. Our own images are stored as
 * `/media/…` and made absolute on the API's origin, as the server does for partners.
 */
export function renderStoredHtml(stored: string, apiBase: string): TemplateResult {
  const template = document.createElement('template');
  template.innerHTML = stored;
  const origin = new URL(apiBase, document.baseURI).origin;
  for (const img of template.content.querySelectorAll<HTMLImageElement>('img[src^="/media/"]')) {
    img.setAttribute('src', origin + img.getAttribute('src'));
  }
  return html`${unsafeHTML(template.innerHTML)}`;
}
