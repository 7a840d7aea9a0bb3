import { expect, waitUntil } from '@open-wc/testing';
import { OutboxList } from '@rp/contract';
import { apiPath, http, reply, resetApi, worker } from '../../../test/api-mock.js';
import { adminMockFixtures, adminPaths } from '../../../test/admin-mock.js';
import { $, $$, adminFixtures, adminStateTests, focused, renderAdmin, text } from '../../../test/admin-kit.js';
import type { RpAdminOutbox } from './rp-admin-outbox.js';
import './rp-admin-outbox.js';

const outboxRoute = apiPath(adminPaths.outbox);
const render = async () => (await renderAdmin<RpAdminOutbox>('rp-admin-outbox')).el;

async function loaded(list: OutboxList = adminMockFixtures.outbox): Promise<RpAdminOutbox> {
  worker.use(http.get(outboxRoute, () => reply(OutboxList, list)));
  const el = await render();
  await waitUntil(() => el.shadowRoot!.querySelector('[part="list"], [part="empty"]'), 'outbox never loaded');
  return el;
}

describe('rp-admin-outbox', () => {
  beforeEach(() => resetApi());

  adminStateTests({
    tag: 'rp-admin-outbox',
    path: adminPaths.outbox,
    schema: OutboxList,
    page: adminMockFixtures.outbox,
    loadingText: 'Loading the outbox…',
    list: '[part="list"]',
    addButton: '[part="refresh-button"]',
  });

  it('lists the mail newest first and opens the newest, with the admin token', async () => {
    let auth: string | null = null;
    // Sent oldest first: the element orders them itself.
    const shuffled = { messages: [...adminMockFixtures.outbox.messages].reverse() };
    worker.use(
      http.get(outboxRoute, ({ request }) => {
        auth = request.headers.get('authorization');
        return reply(OutboxList, shuffled);
      }),
    );
    const el = await render();
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

  it('refreshes on request, keeping the list in place and the open message open', async () => {
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
    const el = await render();
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
