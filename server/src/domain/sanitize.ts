import sanitizeHtml from 'sanitize-html';

/**
 * Merchant-authored HTML (resource pages, HTML email bodies) is sanitized ON WRITE with
 * sanitize-html (maintained, htmlparser2-based, allowlist only), so what is stored is what is
 * served. Allowlist: headings, paragraphs, lists, links (http/https/mailto, rel added), emphasis,
 * quotes, code, images (https or our own /media/, alt required) and tables. No style, class,
 * id or event attributes; no script, style, iframe, form, svg, math or any other tag.
 */

/** Our own uploaded images, as a page stores them: relative, rewritten to the public URL on read. */
export const MEDIA_PATH = /^\/media\/[a-f0-9]{32}\.(?:png|jpg|gif|webp)$/;

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'p', 'br', 'hr',
  'ul', 'ol', 'li',
  'a', 'strong', 'em', 'b', 'i',
  'blockquote', 'code', 'pre',
  'img',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/**
 * Tags removed together with everything inside them (not just unwrapped): their text is code or
 * markup, not content. Includes sanitize-html's own defaults.
 */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed',
  'svg', 'math', 'title', 'head', 'xmp', 'noembed', 'noframes', 'plaintext', 'select',
];

/** An absolute http(s) or mailto URL, by the URL parser (which already decoded entities, tabs and case are handled by it). */
function safeHref(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.username || url.password ? null : url.href;
    if (url.protocol === 'mailto:') return url.href;
  } catch {
    /* not absolute: refused */
  }
  return null;
}

function safeImageSrc(value: string): string | null {
  const trimmed = value.trim();
  if (MEDIA_PATH.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'https:' && !url.username && !url.password) return url.href;
  } catch {
    /* refused */
  }
  return null;
}

export interface SanitizeOptions {
  /** Email bodies: also allow `href="{{link}}"`, filled (and escaped) per partner when read. */
  allowLinkPlaceholder?: boolean;
}

const LINK_PLACEHOLDER = /^\{\{\s*link\s*\}\}$/;

function options({ allowLinkPlaceholder = false }: SanitizeOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'title'],
      ol: ['start'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    allowedClasses: {},
    allowedStyles: {},
    // Schemes checked by sanitize-html first, and again by the URL parser in transformTags.
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    transformTags: {
      a: (tagName, attribs) => {
        const out: sanitizeHtml.Attributes = {};
        const href = attribs['href'];
        if (href !== undefined) {
          const safe = allowLinkPlaceholder && LINK_PLACEHOLDER.test(href.trim()) ? '{{link}}' : safeHref(href);
          if (safe) out['href'] = safe;
        }
        if (attribs['title']) out['title'] = attribs['title'];
        out['rel'] = 'noopener noreferrer';
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const src = attribs['src'] === undefined ? null : safeImageSrc(attribs['src']);
        const out: sanitizeHtml.Attributes = {};
        if (src) out['src'] = src;
        if (attribs['alt'] !== undefined) out['alt'] = attribs['alt'];
        for (const name of ['width', 'height'] as const) {
          const v = attribs[name];
          if (v !== undefined && /^\d{1,4}$/.test(v)) out[name] = v;
        }
        if (attribs['title']) out['title'] = attribs['title'];
        return { tagName, attribs: out };
      },
    },
    // An image without a usable source or without alt text is dropped altogether.
    exclusiveFilter: (frame) => frame.tag === 'img' && (!frame.attribs['src'] || frame.attribs['alt'] === undefined),
  };
}

/** Sanitize merchant HTML for storage. */
export function sanitizeRichText(html: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtml(html, options(opts)).trim();
}

/**
 * Stored HTML as a partner reads it: our relative `/media/…` images made absolute on this
 * server's public URL (the center runs on the merchant's origin, where `/media/` means nothing).
 */
export function absolutizeMedia(html: string, publicUrl: string): string {
  if (!html.includes('/media/')) return html;
  return sanitizeHtml(html, {
    ...options({ allowLinkPlaceholder: true }),
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs['src'];
        return { tagName, attribs: src && MEDIA_PATH.test(src) ? { ...attribs, src: `${publicUrl}${src}` } : attribs };
      },
    },
    allowedSchemesByTag: { img: ['https', 'http'] },
    exclusiveFilter: undefined,
  });
}

/** Escape text for HTML text content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
