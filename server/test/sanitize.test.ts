import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, sanitizeRichText } from '../src/domain/sanitize.ts';

/** Nothing executable or styling survives: no script, no handlers, no style, no dangerous URL. */
function assertInert(html: string) {
  assert.doesNotMatch(html, /<script|<style|<svg|<math|<iframe|<form|<object|<embed|<input|<textarea/i, html);
  assert.doesNotMatch(html, /\son\w+\s*=/i, html);
  assert.doesNotMatch(html, /style\s*=|class\s*=/i, html);
  assert.doesNotMatch(html, /javascript:|data:|vbscript:/i, html);
}

describe('sanitizeRichText', () => {
  it('keeps the allowed structure', () => {
    const html =
      '<h2>Title</h2><p>Text with <strong>bold</strong>, <em>em</em> and <code>code</code>.</p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote><pre><code>x = 1</code></pre>' +
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>';
    assert.equal(sanitizeRichText(html), html);
  });

  it('removes script tags and their content', () => {
    const out = sanitizeRichText('<p>hi</p><script>alert(1)</script><SCRIPT SRC=//evil.example/x.js></SCRIPT>');
    assert.equal(out, '<p>hi</p>');
  });

  it('removes event handlers', () => {
    const out = sanitizeRichText('<p onclick="alert(1)" onmouseover=alert(2)>x</p><a href="https://ok.example/" onfocus="x()">y</a>');
    assert.equal(out, '<p>x</p><a href="https://ok.example/" rel="noopener noreferrer">y</a>');
    // An image whose only trick is onerror loses the handler and, without a valid src, the tag.
    assert.equal(sanitizeRichText('<img src=x onerror=alert(1) alt=a>'), '');
  });

  for (const href of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'jav&#x61;script:alert(1)',
    'jav&#97;script:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '/relative/path',
    '//evil.example/',
  ]) {
    it(`drops the href ${JSON.stringify(href)}`, () => {
      const out = sanitizeRichText(`<a href="${href}">x</a>`);
      assert.equal(out, '<a rel="noopener noreferrer">x</a>');
    });
  }

  it('keeps http, https and mailto links, adding rel', () => {
    assert.equal(
      sanitizeRichText('<a href="https://a.example/x?b=1&c=2" target="_blank" rel="opener">x</a><a href="mailto:hi@a.example">m</a>'),
      '<a href="https://a.example/x?b=1&amp;c=2" rel="noopener noreferrer">x</a><a href="mailto:hi@a.example" rel="noopener noreferrer">m</a>',
    );
  });

  it('removes style attributes, <style> and CSS expressions, and classes', () => {
    const out = sanitizeRichText(
      '<p style="background:url(javascript:alert(1))" class="x">a</p><style>@import "//evil";</style>' +
        '<div style="width: expression(alert(1))">b</div><link rel=stylesheet href=//evil.example/x.css>',
    );
    assert.equal(out, '<p>a</p>b');
    assertInert(out);
  });

  it('removes SVG and MathML vectors', () => {
    for (const vector of [
      '<svg onload=alert(1)><circle r=1 /></svg>',
      '<svg><script>alert(1)</script></svg>',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><animate attributeName=href values=javascript:alert(1) /></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<math href="javascript:alert(1)">x</math>',
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">',
    ]) {
      const out = sanitizeRichText(`<p>ok</p>${vector}`);
      assertInert(out);
      assert.ok(out.startsWith('<p>ok</p>'), out);
    }
  });

  it('removes iframes, forms, objects and embeds', () => {
    const out = sanitizeRichText(
      '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=x><button>go</button></form>' +
        '<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/"><meta http-equiv=refresh content="0;url=https://evil.example">',
    );
    assertInert(out);
    assert.doesNotMatch(out, /<base|<meta|<button|evil/i);
  });

  it('closes nested and unclosed tags and survives parser confusion', () => {
    assert.equal(sanitizeRichText('<p><strong>bold <em>both'), '<p><strong>bold <em>both</em></strong></p>');
    for (const vector of [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<p title="</p><script>alert(1)</script>">x</p>',
      '<<script>script>alert(1)<</script>/script>',
      '<scr<script>ipt>alert(1)</script>',
      '<!--<img src=x onerror=alert(1)>-->',
      '<img src="https://ok.example/a.png" alt="x"<script>alert(1)</script>',
      '<a href="https://ok.example/"<svg/onload=alert(1)>x</a>',
    ]) {
      const out = sanitizeRichText(vector);
      assertInert(out);
      assert.doesNotMatch(out, /<img[^>]*onerror/i, out);
    }
  });

  it('keeps images from https or our /media/ with alt; drops others', () => {
    const media = '<img src="/media/0123456789abcdef0123456789abcdef.png" alt="Logo" width="120" height="40" />';
    assert.equal(sanitizeRichText(media), media);
    assert.equal(sanitizeRichText('<img src="https://cdn.example/a.png" alt="A">'), '<img src="https://cdn.example/a.png" alt="A" />');
    assert.equal(sanitizeRichText('<img src="https://cdn.example/a.png">'), '', 'no alt');
    assert.equal(sanitizeRichText('<img src="http://cdn.example/a.png" alt="A">'), '', 'http');
    assert.equal(sanitizeRichText('<img src="/media/../../etc/passwd" alt="A">'), '', 'not our media');
    assert.equal(sanitizeRichText('<img src="/elsewhere/a.png" alt="A">'), '', 'relative');
    assert.equal(sanitizeRichText('<img src="https://cdn.example/a.png" alt="A" width="100%">'), '<img src="https://cdn.example/a.png" alt="A" />');
  });

  it('keeps {{link}} as an href only when asked (email bodies)', () => {
    assert.equal(sanitizeRichText('<a href="{{link}}">go</a>'), '<a rel="noopener noreferrer">go</a>');
    assert.equal(sanitizeRichText('<a href="{{ link }}">go</a>', { allowLinkPlaceholder: true }), '<a href="{{link}}" rel="noopener noreferrer">go</a>');
    assert.equal(sanitizeRichText('<a href="{{partner.name}}">go</a>', { allowLinkPlaceholder: true }), '<a rel="noopener noreferrer">go</a>');
  });
});

describe('escapeHtml', () => {
  it('escapes everything that matters in text and quoted attributes', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
  });
});
