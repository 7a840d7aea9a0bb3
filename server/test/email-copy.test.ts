import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AdminEmailCopy, AdminEmailCopyList, EmailCopyList, TrackedLink } from '@rp/contract';
import * as z from 'zod';
import { fillHtml, fillText, unknownMergeFields } from '../src/domain/merge-fields.ts';
import { ADMIN_KEY, addPartner, assertError, call, makeApp, sessionFor } from './helpers.ts';

const t = makeApp({ RP_PUBLIC_URL: 'https://partners.example.com' });
const admin = (method: string, path: string, body?: unknown) => call(t.app, method, `/admin${path}`, { token: ADMIN_KEY, body });
const count = () => (t.db.prepare('SELECT COUNT(*) AS n FROM email_copy').get() as { n: number }).n;

const EVIL_NAME = `<script>alert("x")</script> & 'Co'`;
let destinationId: number;
let evil: { id: number; code: string; token: string };
let plain: { id: number; code: string; token: string };

before(async () => {
  await admin('PATCH', '/settings', { name: 'Harbor & Pine <Partners>' });
  const dest = await admin('POST', '/destinations', { name: 'Subscriptions', url: 'https://shop.example/subscribe' });
  assert.equal(dest.status, 201, dest.text);
  destinationId = (dest.json as { id: number }).id;
  const a = await addPartner(t, { name: EVIL_NAME });
  evil = { ...a, token: sessionFor(t, a.id) };
  const b = await addPartner(t, { name: 'Sam Okafor' });
  plain = { ...b, token: sessionFor(t, b.id) };
});

describe('merge fields (unit)', () => {
  const values = { 'partner.name': 'A <b>&"\'', 'partner.firstName': 'A', 'partner.code': 'c', link: 'https://x.example/r/a?b=1&c=2', 'center.name': 'C' };
  it('fills text as is and HTML escaped', () => {
    assert.equal(fillText('Hi {{partner.name}}, {{ link }}', values), `Hi A <b>&"', https://x.example/r/a?b=1&c=2`);
    assert.equal(
      fillHtml('<p>Hi {{partner.name}}</p><a href="{{link}}">go</a>', values),
      '<p>Hi A &#60;b&#62;&#38;&#34;&#39;</p><a href="https://x.example/r/a?b=1&#38;c=2">go</a>',
    );
  });
  it('finds unknown and unclosed fields', () => {
    assert.deepEqual(unknownMergeFields('{{partner.name}} {{partner.email}} {{ nope }} {{nope}}'), ['{{partner.email}}', '{{nope}}']);
    assert.deepEqual(unknownMergeFields('Hello {{partner.name'), ['{{']);
    assert.deepEqual(unknownMergeFields('{{link}} {{center.name}} {{partner.firstName}} {{partner.code}}'), []);
  });
});

describe('email copy', () => {
  let email: AdminEmailCopy;

  it('stores a template with its HTML sanitized and merge fields kept', async () => {
    const res = await admin('POST', '/email-copy', {
      name: 'Intro',
      subject: 'Coffee from {{partner.firstName}}',
      bodyText: 'Hi! {{partner.name}} ({{partner.code}}) recommends {{center.name}}: {{link}}',
      bodyHtml: '<p onclick="x()">Hi from <strong>{{partner.name}}</strong></p><script>alert(1)</script><p><a href="{{link}}">Subscribe</a> at {{center.name}}</p>',
      destinationId,
    });
    assert.equal(res.status, 201, res.text);
    email = AdminEmailCopy.parse(res.json);
    assert.equal(
      email.bodyHtml,
      '<p>Hi from <strong>{{partner.name}}</strong></p><p><a href="{{link}}" rel="noopener noreferrer">Subscribe</a> at {{center.name}}</p>',
    );
  });

  it('fills subject and bodies for the signed-in partner, escaping merge values in HTML', async () => {
    const res = await call(t.app, 'GET', '/partner/email-copy', { token: evil.token });
    assert.equal(res.status, 200, res.text);
    const [filled] = EmailCopyList.parse(res.json).emails;
    assert.ok(filled);
    const links = z.object({ links: z.array(TrackedLink) }).parse((await call(t.app, 'GET', '/partner/links', { token: evil.token })).json).links;
    assert.equal(links.length, 1, 'the link was made on first request');
    const link = links[0]!.url;
    assert.equal(filled.link, link);
    assert.equal(filled.subject, 'Coffee from <script>alert("x")</script>');
    assert.equal(filled.bodyText, `Hi! ${EVIL_NAME} (${evil.code}) recommends Harbor & Pine <Partners>: ${link}`);
    assert.equal(
      filled.bodyHtml,
      '<p>Hi from <strong>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Co&#39;</strong></p>' +
        `<p><a href="${link}" rel="noopener noreferrer">Subscribe</a> at Harbor &#38; Pine &#60;Partners&#62;</p>`,
    );
    assert.doesNotMatch(filled.bodyHtml!, /<script/);

    // A second request reuses the same link rather than making another.
    await call(t.app, 'GET', '/partner/email-copy', { token: evil.token });
    const again = z.object({ links: z.array(TrackedLink) }).parse((await call(t.app, 'GET', '/partner/links', { token: evil.token })).json).links;
    assert.equal(again.length, 1);
  });

  it('gives each partner their own link and name', async () => {
    const own = await call(t.app, 'POST', '/partner/links', { token: plain.token, body: { destinationId, campaign: 'mine' } });
    assert.equal(own.status, 201, own.text);
    const ownUrl = TrackedLink.parse(own.json).url;
    const [filled] = EmailCopyList.parse((await call(t.app, 'GET', '/partner/email-copy', { token: plain.token })).json).emails;
    assert.equal(filled?.link, ownUrl, "the partner's existing link to the destination is used");
    assert.equal(filled?.subject, 'Coffee from Sam');
    assert.match(filled!.bodyText, new RegExp(`\\(${plain.code}\\)`));
    const evilLinks = (t.db.prepare('SELECT slug FROM links WHERE partner_id = ?').all(evil.id) as Array<{ slug: string }>).map((r) => r.slug);
    for (const slug of evilLinks) assert.ok(!filled!.bodyText.includes(slug), "never another partner's link");
  });

  it('refuses unknown merge fields, naming the field, and writes nothing', async () => {
    const before = count();
    const error = assertError(
      await admin('POST', '/email-copy', { name: 'x', subject: 'Hi {{partner.email}}', bodyText: 'ok', bodyHtml: '<p>{{ secret }}</p>', destinationId }),
      400,
      'invalid_request',
    );
    assert.match(error.fields?.['subject'] ?? '', /\{\{partner\.email\}\}/);
    assert.match(error.fields?.['bodyHtml'] ?? '', /\{\{secret\}\}/);
    assert.equal(error.fields?.['bodyText'], undefined);
    // Entities decode to braces during sanitizing: checked on what is stored.
    assertError(await admin('POST', '/email-copy', { name: 'x', subject: 's', bodyText: 'b', bodyHtml: '<p>&#123;&#123;nope}}</p>', destinationId }), 400, 'invalid_request');
    assertError(await admin('PATCH', `/email-copy/${email.id}`, { bodyText: 'Hi {{unknown}}' }), 400, 'invalid_request');
    assertError(await admin('POST', '/email-copy', { name: 'x', subject: 'a\nBcc: x@evil.example', bodyText: 'b', destinationId }), 400, 'invalid_request');
    assertError(await admin('POST', '/email-copy', { name: 'x', subject: 's', bodyText: 'b', destinationId: 9999 }), 400, 'invalid_request');
    assertError(await admin('POST', '/email-copy', { name: 'x', subject: 's', bodyText: 'b', bodyHtml: '<script>x</script>', destinationId }), 400, 'invalid_request');
    for (const body of [{}, { name: 'x' }, { name: 'x', subject: 's', bodyText: 'b', destinationId: 'one' }, { name: 'x', subject: 's', bodyText: 'b', destinationId, nope: 1 }, 'text']) {
      assertError(await admin('POST', '/email-copy', body), 400, 'invalid_request');
    }
    assert.equal(count(), before);
    const stored = AdminEmailCopyList.parse((await admin('GET', '/email-copy')).json).emails;
    assert.equal(stored[0]?.bodyText, email.bodyText, 'the refused PATCH changed nothing');
  });

  it('updates and deletes; a copy to an inactive destination is not offered', async () => {
    const updated = await admin('PATCH', `/email-copy/${email.id}`, { bodyHtml: null, subject: 'New {{center.name}}' });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(AdminEmailCopy.parse(updated.json).bodyHtml, null);
    const [filled] = EmailCopyList.parse((await call(t.app, 'GET', '/partner/email-copy', { token: plain.token })).json).emails;
    assert.equal(filled?.bodyHtml, null);
    assert.equal(filled?.subject, 'New Harbor & Pine <Partners>');

    await admin('PATCH', `/destinations/${destinationId}`, { active: false });
    assert.deepEqual(EmailCopyList.parse((await call(t.app, 'GET', '/partner/email-copy', { token: plain.token })).json).emails, []);
    await admin('PATCH', `/destinations/${destinationId}`, { active: true });

    assert.equal((await admin('DELETE', `/email-copy/${email.id}`)).status, 204);
    assertError(await admin('DELETE', `/email-copy/${email.id}`), 404, 'not_found');
    assert.deepEqual(EmailCopyList.parse((await call(t.app, 'GET', '/partner/email-copy', { token: plain.token })).json).emails, []);
  });

  it('admin routes refuse partner tokens; partner routes refuse the admin key', async () => {
    assertError(await call(t.app, 'GET', '/admin/email-copy', { token: plain.token }), 401, 'unauthorized');
    assertError(await call(t.app, 'POST', '/admin/email-copy', { token: plain.token, body: {} }), 401, 'unauthorized');
    assertError(await call(t.app, 'GET', '/partner/email-copy', { token: ADMIN_KEY }), 401, 'unauthorized');
  });
});
