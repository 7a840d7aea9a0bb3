import { expect, waitUntil } from '@open-wc/testing';
import { AdminEmailCopy, AdminEmailCopyList, EmailCopyCreate, EmailCopyUpdate } from '@rp/contract';
import { reply, replyError, resetApi } from '../../../test/api-mock.js';
import { adminResourceFixtures as fx, useAdminResources } from '../../../test/admin-resources-mock.js';
import { $, $$, adminStateTests, captureBodies, cells, click, editorField as field, editorOpened as opened, renderAdmin, selectValue, text, typeInto } from '../../../test/admin-kit.js';
import type { RpAdminEmailCopy } from './rp-admin-email-copy.js';
import './rp-admin-email-copy.js';

const render = () => renderAdmin<RpAdminEmailCopy>('rp-admin-email-copy');
const ready = (el: RpAdminEmailCopy) => waitUntil(() => $(el, '[part="table"]'), 'emails listed');
const insert = (el: RpAdminEmailCopy, name: string) => click(el, `[part="merge-field"][data-field="${name}"]`);

const savedEmail = AdminEmailCopy.parse({
  id: 23,
  name: 'Autumn roast',
  subject: 'New roast for {{partner.firstName}}',
  bodyText: 'Try it: {{link}}',
  bodyHtml: '<p>Try <a href="{{link}}" rel="noopener noreferrer">it</a></p>',
  destinationId: 2,
  position: 0,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
});

describe('rp-admin-email-copy', () => {
  beforeEach(() => {
    resetApi();
    useAdminResources();
  });

  adminStateTests({
    tag: 'rp-admin-email-copy',
    path: '/admin/email-copy',
    schema: AdminEmailCopyList,
    page: fx.emails,
    empty: { emails: [] },
    loadingText: 'Loading email copy…',
    emptyText: 'No email copy yet. Write an email partners can send to their readers, with their own link filled in.',
    list: '[part="table"]',
  });

  it('lists the emails with subject, destination, versions and date', async () => {
    const { el } = await render();
    await ready(el);
    expect(cells(el)).to.deep.equal([
      ['Welcome offerA coffee tip for {{partner.firstName}}’s readers', 'Shop', 'Plain text and HTML', 'Apr 5, 2026', 'Edit Welcome offer'],
      ['Spring saleSpring sale at {{center.name}}', 'Spring sale', 'Plain text', 'Apr 6, 2026', 'Edit Spring sale'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('lists the allowed merge fields and inserts one at the cursor of the field last used', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    expect($$(el, '[part="merge-field"]').map((b) => text(b))).to.deep.equal([
      'Insert {{partner.name}}',
      'Insert {{partner.firstName}}',
      'Insert {{partner.code}}',
      'Insert {{link}}',
      'Insert {{center.name}}',
    ]);
    expect(text($(el, '#merge-help'))).to.equal('Inserted at the cursor in: Plain-text body.');
    await expect(el).to.be.accessible();

    const body = field<HTMLTextAreaElement>(el, 'bodyText');
    body.focus();
    typeInto(body, 'Hello  there');
    body.setSelectionRange(6, 6);
    insert(el, 'partner.firstName');
    await waitUntil(() => body.value === 'Hello {{partner.firstName}} there', 'inserted in the body');
    expect(el.shadowRoot!.activeElement).to.equal(body);
    expect(body.selectionStart).to.equal(27);

    // A selection is replaced.
    body.setSelectionRange(0, 5);
    insert(el, 'link');
    await waitUntil(() => body.value === '{{link}} {{partner.firstName}} there', 'selection replaced');

    const subject = field(el, 'subject');
    subject.focus();
    typeInto(subject, 'News from ');
    subject.setSelectionRange(10, 10);
    await el.updateComplete;
    expect(text($(el, '#merge-help'))).to.equal('Inserted at the cursor in: Subject.');
    insert(el, 'center.name');
    await waitUntil(() => subject.value === 'News from {{center.name}}', 'inserted in the subject');
  });

  it('previews subject and body filled with sample values as typed', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'subject'), 'Hi {{partner.firstName}} from {{center.name}}');
    typeInto(field<HTMLTextAreaElement>(el, 'bodyText'), 'Code {{partner.code}}\n{{link}} {{unknown}}');
    await el.updateComplete;
    expect(text($(el, '.mail-subject'))).to.equal('Subject:Hi Dana from Northwind Coffee Partners');
    const link = `${location.origin}/r/k3x9q2`;
    expect(($(el, '[data-preview="text"]') as HTMLElement).textContent).to.equal(`Code dana\n${link} {{unknown}}`);
  });

  it('creates an email with exactly the form, stays in the editor and previews the HTML as stored', async () => {
    const bodies = captureBodies('post', '/admin/email-copy', EmailCopyCreate, () => reply(AdminEmailCopy, savedEmail, { status: 201 }));
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    typeInto(field(el, 'name'), 'Autumn roast');
    selectValue(field<HTMLSelectElement>(el, 'destinationId'), '2');
    typeInto(field(el, 'subject'), 'New roast for {{partner.firstName}}');
    typeInto(field<HTMLTextAreaElement>(el, 'bodyText'), 'Try it: {{link}}');
    const sent = '<p onclick="steal()">Try <a href="{{link}}">it</a><script>alert(1)</script></p>';
    typeInto(field<HTMLTextAreaElement>(el, 'bodyHtml'), sent);
    await el.updateComplete;
    expect(text($(el, '[part="preview"]'))).to.contain('Save to see your latest HTML here');
    click(el, '[part="save-button"]');
    await waitUntil(() => text($(el, '[part="status"]')) === 'Email "Autumn roast" saved.', 'saved');
    expect(bodies).to.deep.equal([
      { name: 'Autumn roast', subject: 'New roast for {{partner.firstName}}', bodyText: 'Try it: {{link}}', bodyHtml: sent, destinationId: 2, position: 0 },
    ]);
    expect(text($(el, '#editor-title'))).to.equal('Edit "Autumn roast"');
    expect(field<HTMLTextAreaElement>(el, 'bodyHtml').value).to.equal(sent);
    expect(text($(el, '[part="sanitizer-notice"]'))).to.equal(
      'The sanitizer removed part of your HTML. Partners get the stored version below. Tags: <script> Attributes: onclick',
    );
    const link = $(el, '[data-preview="html"] a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(`${location.origin}/r/k3x9q2`);
    expect($(el, '[data-preview="html"] script')).to.equal(null);
    expect(text($(el, '.stored-code pre'))).to.equal(savedEmail.bodyHtml);
    expect(text($(el, '[part="cancel-button"]'))).to.equal('Back to the list');
    await expect(el).to.be.accessible();
  });

  it("shows the server's refusal of an unknown merge field at that field, keeping the text", async () => {
    const message = 'Unknown merge field {{partner.email}}. Use {{partner.name}}, {{partner.firstName}}, {{partner.code}}, {{link}}, {{center.name}}.';
    const bodies = captureBodies('patch', '/admin/email-copy/22', EmailCopyUpdate, () =>
      replyError('invalid_request', 'Some fields need attention.', { subject: message }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="22"]');
    await opened(el);
    typeInto(field(el, 'subject'), 'Hi {{partner.email}}');
    click(el, '[part="save-button"]');
    await waitUntil(() => $(el, '#f-subject-error'), 'error at the subject');
    expect(text($(el, '#f-subject-error'))).to.equal(message);
    expect(field(el, 'subject').value).to.equal('Hi {{partner.email}}');
    expect(field(el, 'subject').getAttribute('aria-describedby')).to.equal('f-subject-error');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'subject'));
    expect(bodies).to.deep.equal([{ subject: 'Hi {{partner.email}}' }]);
    await expect(el).to.be.accessible();
  });

  it('sends a cleared HTML body as null', async () => {
    const bodies = captureBodies('patch', '/admin/email-copy/21', null, () =>
      reply(AdminEmailCopy, { ...fx.emails.emails[0]!, bodyHtml: null }),
    );
    const { el } = await render();
    await ready(el);
    click(el, '[data-edit="21"]');
    await opened(el);
    expect($(el, '[data-preview="html"] a')).to.not.equal(null);
    typeInto(field<HTMLTextAreaElement>(el, 'bodyHtml'), '  ');
    click(el, '[part="save-button"]');
    await waitUntil(() => bodies.length === 1 && text($(el, '[part="status"]')).endsWith('saved.'), 'saved');
    expect(bodies).to.deep.equal([{ bodyHtml: null }]);
    expect($(el, '[part="sanitizer-notice"]')).to.equal(null);
  });

  it('offers only enabled destinations, keeping a disabled one that is already chosen', async () => {
    const { el } = await render();
    await ready(el);
    click(el, '[part="add-button"]');
    await opened(el);
    const options = () => [...field<HTMLSelectElement>(el, 'destinationId').options].map((o) => o.textContent!.trim());
    expect(options()).to.deep.equal(['Choose…', 'Shop', 'Spring sale']);
  });
});
