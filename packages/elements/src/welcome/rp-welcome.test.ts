import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CenterForPartner } from '@rp/contract';
import { delay, fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import type { RpWelcome } from './rp-welcome.js';
import './rp-welcome.js';


const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);

async function render(apiBase: string): Promise<RpWelcome> {
  return fixture<RpWelcome>(html`<rp-welcome api-base=${apiBase}></rp-welcome>`);
}

describe('rp-welcome', () => {
  beforeEach(() => {
    resetApi();
    // The shared default `*/center` handler also matches `/partner/center`; answer it explicitly.
    worker.use(http.get('*/partner/center', () => reply(CenterForPartner, fixtures.partnerCenter)));
  });

  it('shows the heading with the first name and the message as paragraphs and line breaks', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(
      http.get('*/partner/center', () =>
        reply(CenterForPartner, {
          ...fixtures.partnerCenter,
          welcomeMessage: 'Hello partners!\nLine two <b>not bold</b>\n\n\nSecond paragraph.',
        }),
      ),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="message"]'), 'message rendered');
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Welcome, Dana');
    const paragraphs = el.shadowRoot!.querySelectorAll('[part="message"] p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0]!.querySelectorAll('br')).to.have.length(1);
    expect(paragraphs[0]!.textContent).to.equal('Hello partners!Line two <b>not bold</b>');
    expect(paragraphs[0]!.querySelector('b')).to.equal(null);
    expect(paragraphs[1]!.textContent).to.equal('Second paragraph.');
    expect(text(el)).to.contain('Northwind Coffee Partners');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the request is pending', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get('*/partner/center', async () => {
        await gate;
        return reply(CenterForPartner, fixtures.partnerCenter);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect($(el, '[part="loading"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, '[part="message"]'), 'message rendered');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('shows a friendly empty state when there is no welcome message', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(
      http.get('*/partner/center', () => reply(CenterForPartner, { ...fixtures.partnerCenter, welcomeMessage: ' \n\n ' })),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="empty"]'), 'empty state shown');
    expect(text(el)).to.contain('Your welcome message will appear here.');
    expect($(el, '[part="message"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and refetches on retry', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let calls = 0;
    worker.use(
      http.get('*/partner/center', () => {
        calls += 1;
        return calls === 1
          ? replyError('internal', 'The center is taking a break.')
          : reply(CenterForPartner, fixtures.partnerCenter);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text(el)).to.contain('The center is taking a break.');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="message"]'), 'message after retry');
    expect(calls).to.equal(2);
    expect(text(el)).to.contain('Share your links and earn on every order.');
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    const apiBase = freshApiBase();
    let calls = 0;
    worker.use(
      http.get('*/partner/center', async () => {
        calls += 1;
        await delay(10);
        return reply(CenterForPartner, fixtures.partnerCenter);
      }),
    );
    const el = await render(apiBase);
    await el.updateComplete;
    expect($(el, '[part="signed-out"]')).to.not.equal(null);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Welcome');
    await expect(el).to.be.accessible();
    expect(calls).to.equal(0);
    await signedIn(apiBase);
    await waitUntil(() => $(el, '[part="message"]'), 'message after sign-in');
    expect(calls).to.equal(1);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Welcome, Dana');
  });

  it('lets the merchant replace the heading through the header slot', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await fixture<RpWelcome>(
      html`<rp-welcome api-base=${apiBase}><h2 slot="header">Hello, partner</h2></rp-welcome>`,
    );
    await waitUntil(() => $(el, '[part="message"]'), 'message rendered');
    const slot = $(el, 'slot[name="header"]') as HTMLSlotElement;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Hello, partner');
  });
});
