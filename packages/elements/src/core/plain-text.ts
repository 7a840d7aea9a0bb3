import { html, nothing, type TemplateResult } from 'lit';

/**
 * Renders a merchant's plain text as paragraphs: blank lines separate paragraphs, single
 * newlines become line breaks. Everything is rendered as text (never as HTML).
 */
export function plainText(text: string, part = 'paragraph'): TemplateResult | typeof nothing {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) return nothing;
  return html`${paragraphs.map(
    (paragraph) =>
      html`<p part=${part}>${paragraph.split('\n').map((line, i) => (i === 0 ? line : html`<br />${line}`))}</p>`,
  )}`;
}
