import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { OutboxList } from '@rp/contract';
import { apiPath, freshApiBase, http, reply, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminFixtures, adminSignedIn } from '../../../test/admin-signed-in.js';
import { adminMockFixtures, adminPaths } from '../../../test/admin-mock.js';
import type { RpAdminOutbox } from './rp-admin-outbox.js';
import './rp-admin-outbox.js';

const outboxRoute = apiPath(adminPaths.outbox);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
// A boolean, not expect(element).to.equal(…): chai's description of a failing DOM comparison can hang the page.
const focused = (el: Element, selector: string) => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector(selector);

async function render(apiBase: string): Promise<RpAdminOutbox> {
  return fixture<RpAdminOutbox>(html`<rp-admin-outbox api-base=${apiBase}></rp-admin-outbox>`);
}

async function loaded(list: OutboxList = adminMockFixtures.outbox): Promise<RpAdminOutbox> {
  const apiBase = freshApiBase();
  await adminSignedIn(apiBase);
  worker.use(http.get(outboxRoute, () => reply(OutboxList, list)));
  const el = await render(apiBase);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="list"], [part="empty"]'), 'outbox never loaded');
  return el;
}

describe('rp-admin-outbox', () => {
  beforeEach(() => resetApi());

  it('lists the mail newest first and opens the newest, with the admin token', async () => {
    const apiBase = freshApiBase();
    await adminSignedIn(apiBase);
    let auth: string | null = null;
    // Sent oldest first: the element orders them itself.
    const shuffled = { messages: [...adminMockFixtures.outbox.messages].reverse() };
    worker.use(
      http.get(outboxRoute, ({ request }) => {
        auth = request.headers.get('authorization');
        return reply(OutboxList, shuffled);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'outbox never loaded');
    expect(auth).to.equal(`Bearer ${adminFixtures.signIn.token}`);
    expect(text($(el, 'h2'))).to.equal('Outbox');
    expect(text($(el, '.count'))).to.equal('3 messages');
    expect($$(el, '[part="item"]').map((item) => item.dataset['id'])).to.deep.equal(['3', '2', '1']);
    expect(text($$(el, '[part="item"]')[0]!)).to.contain('dana@example.com');
    expect(text($$(el, '[part="item"]')[0]!)).to.contain('Reset your Northwind partner password');
    expect($$(el, '[part="item"]')[0]!.getAttribute('aria-current')).to.equal('true');
    expect(text($(el, '[part="subject"]'))).to.equal('Reset your Northwind partner password');
    expect(text($(el, '[part="message"]'))).to.contain('Kept in the outbox, not sent');
    await expect(el).to.be.accessible();
  });

  it('makes the links in the text clickable, leaving sentence punctuation out', async () => {
    const el = await loaded();
    const links = $$<HTMLAnchorElement>(el, '[part="body"] a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://partners.example.com/reset.html#token=abc123']);
    expect(text(links[0]!)).to.equal('https://partners.example.com/reset.html#token=abc123');
    expect($(el, '[part="body"]').textContent).to.contain('#token=abc123.\n');
    expect(links[0]!.getAttribute('target')).to.equal(null);
  });

  it('keeps the text as text: markup in a message is never rendered', async () => {
    const el = await loaded({
      messages: [
        {
          id: 9,
          to: 'x@example.com',
          subject: '<b>Hi</b>',
          text: '<img src=x onerror=alert(1)> see javascript:alert(1) and http://example.com/a?b=1&c=2)',
          html: null,
          createdAt: '2026-11-02T09:30:00.000Z',
          sentAt: null,
        },
      ],
    });
    expect($(el, '[part="body"] img')).to.equal(null);
    expect(text($(el, '[part="subject"]'))).to.equal('<b>Hi</b>');
    expect($$<HTMLAnchorElement>(el, '[part="body"] a').map((a) => a.getAttribute('href'))).to.deep.equal([
      'http://example.com/a?b=1&c=2',
    ]);
  });

  it('opens another message on click and moves focus to its subject', async () => {
    const el = await loaded();
    $$<HTMLButtonElement>(el, '[part="item"]')[1]!.click();
    await el.updateComplete;
    expect(text($(el, '[part="subject"]'))).to.equal('Your partner account is waiting for approval');
    expect(text($(el, '[part="message"]'))).to.contain('sam@example.com');
    expect($$(el, '[part="item"]')[1]!.getAttribute('aria-current')).to.equal('true');
    expect($$(el, '[part="item"]')[0]!.getAttribute('aria-current')).to.equal('false');
    expect(focused(el, '#subject'), 'focus on the subject').to.equal(true);
    $$<HTMLButtonElement>(el, '[part="item"]')[2]!.click();
    await el.updateComplete;
    expect(text($(el, '[part="message"]'))).to.contain('Sent');
    await expect(el).to.be.accessible();
  });

  it('explains the empty outbox and RP_SMTP_URL', async () => {
    const el = await loaded({ messages: [] });
    const empty = $(el, '[part="empty"]');
    expect(text(empty)).to.contain('No mail yet');
    expect(text(empty)).to.contain('RP_SMTP_URL');
    expect(text(empty)).to.contain('mail is sent');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state first', async () => {
    const apiBase = freshApiBase();
    await adminSignedIn(apiBase);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(outboxRoute, async () => {
        await gate;
        return reply(OutboxList, adminMockFixtures.outbox);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="loading"]'), 'no loading state');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the outbox…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'list never shown');
  });

  it('shows the error and loads again on retry', async () => {
    const apiBase = freshApiBase();
    await adminSignedIn(apiBase);
    let calls = 0;
    worker.use(
      http.get(outboxRoute, () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'The outbox is unavailable.') : reply(OutboxList, adminMockFixtures.outbox);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error state');
    expect(text($(el, '[part="error"]'))).to.contain('The outbox is unavailable.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'list after retry');
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once an admin signs in', async () => {
    const apiBase = freshApiBase();
    let calls = 0;
    worker.use(
      http.get(outboxRoute, () => {
        calls += 1;
        return reply(OutboxList, adminMockFixtures.outbox);
      }),
    );
    const el = await render(apiBase);
    await el.updateComplete;
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to the back office to see this section.');
    expect($(el, '[part="refresh-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(calls).to.equal(0);
    await adminSignedIn(apiBase);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'list after sign-in');
    expect(calls).to.equal(1);
  });

  it('refreshes on request, keeping the list in place and the open message open', async () => {
    const apiBase = freshApiBase();
    await adminSignedIn(apiBase);
    const [reset, waiting, welcome] = adminMockFixtures.outbox.messages;
    let answer: OutboxList = { messages: [waiting!, welcome!] };
    let gate: Promise<void> | null = null;
    let release!: () => void;
    worker.use(
      http.get(outboxRoute, async () => {
        if (gate) await gate;
        return reply(OutboxList, answer);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'), 'list never shown');
    $$<HTMLButtonElement>(el, '[part="item"]')[1]!.click();
    await el.updateComplete;
    answer = { messages: [reset!, waiting!, welcome!] };
    gate = new Promise<void>((resolve) => (release = resolve));
    $<HTMLButtonElement>(el, '[part="refresh-button"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="refresh-button"]'))).to.equal('Refreshing…');
    expect($<HTMLButtonElement>(el, '[part="refresh-button"]').disabled).to.equal(true);
    expect($(el, '[part="list"]')).to.exist;
    expect($(el, '.mailbox').getAttribute('aria-busy')).to.equal('true');
    release();
    await waitUntil(() => $$(el, '[part="item"]').length === 3, 'new mail never shown');
    expect(text($(el, '[part="subject"]'))).to.equal('Welcome to Northwind partners');
    expect(text($(el, '.count'))).to.equal('3 messages');
  });
});
