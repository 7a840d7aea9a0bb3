import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { EmailCopyList } from '@rp/contract';
import { apiPath, delay, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { resourceFixtures, stubClipboard, type Copied } from '../../test/resources-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, $$, text } from '../../test/report-kit.js';
import type { RpEmailCopy } from './rp-email-copy.js';
import './rp-email-copy.js';

async function render(options: { signIn?: boolean } = {}): Promise<{ el: RpEmailCopy; apiBase: string }> {
  const apiBase = freshApiBase();
  if (options.signIn !== false) await signedIn(apiBase);
  const el = await fixture<RpEmailCopy>(html`<rp-email-copy api-base=${apiBase}></rp-email-copy>`);
  return { el, apiBase };
}

const [intro, gift] = resourceFixtures.emails.emails as [(typeof resourceFixtures.emails.emails)[0], (typeof resourceFixtures.emails.emails)[0]];
const ready = (el: RpEmailCopy) => waitUntil(() => $$(el, '[part="email"]').length === 2, 'emails rendered');
const card = (el: RpEmailCopy, i: number) => $$(el, '[part="email"]')[i] as HTMLElement;
const button = (scope: Element, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('[part="copy-button"]')].find((b) => text(b) === label)!;
const copiedSaid = (el: RpEmailCopy) => waitUntil(() => text($(el, '[part="status"]')) === 'Copied!', 'says Copied!');

describe('rp-email-copy', () => {
  let copied: Copied[] = [];
  let restore: () => void;
  beforeEach(() => {
    resetApi();
    copied = [];
    restore = stubClipboard(copied);
  });
  afterEach(() => restore());

  it('shows each email with its name, subject and body; HTML bodies as a preview with a format switch', async () => {
    const { el } = await render();
    await ready(el);
    expect(text($(el, 'h2'))).to.equal('Email Copy');
    const first = card(el, 0);
    expect(text(first.querySelector('h3'))).to.equal('Introduce the subscription');
    expect(text(first.querySelector('[part="subject"]'))).to.equal('The coffee I drink every morning');
    const preview = first.querySelector('[part="preview"]')!;
    expect(preview.querySelector('a')!.getAttribute('href')).to.equal('https://go.example.com/r/em41l1');
    expect(text(preview)).to.equal('Hi there, Try the subscription & see. Cheers,Dana');
    const radios = [...first.querySelectorAll<HTMLInputElement>('[part="format"] input')];
    expect(radios.map((r) => [text(r.parentElement), r.checked])).to.deep.equal([
      ['Plain text', false],
      ['HTML', true],
    ]);
    // The second has no HTML: plain text, no switch, no source.
    const second = card(el, 1);
    expect(second.querySelector('[part="format"]')).to.equal(null);
    expect(second.querySelector('[part="source"]')).to.equal(null);
    expect(second.querySelector('[part="body"]')!.textContent).to.equal(gift.bodyText);
    await expect(el).to.be.accessible();
  });

  it('switches a body between plain text and HTML', async () => {
    const { el } = await render();
    await ready(el);
    const first = card(el, 0);
    first.querySelector<HTMLInputElement>('input[value="text"]')!.click();
    await el.updateComplete;
    expect(first.querySelector('[part="preview"]')).to.equal(null);
    expect(first.querySelector('[part="source"]')).to.equal(null);
    expect(first.querySelector('[part="body"]')!.textContent).to.equal(intro.bodyText);
    await expect(el).to.be.accessible();
    first.querySelector<HTMLInputElement>('input[value="html"]')!.click();
    await el.updateComplete;
    expect(first.querySelector('[part="preview"]')).to.not.equal(null);
  });

  it('shows the HTML source as text on request, and copies it', async () => {
    const { el } = await render();
    await ready(el);
    const source = card(el, 0).querySelector<HTMLDetailsElement>('[part="source"]')!;
    expect(source.open).to.equal(false);
    source.querySelector('summary')!.click();
    await waitUntil(() => source.open, 'source opened');
    const code = source.querySelector<HTMLTextAreaElement>('[part="code"]')!;
    expect(code.readOnly).to.equal(true);
    expect(code.value).to.equal(intro.bodyHtml);
    await expect(el).to.be.accessible();
    button(source, 'Copy source').click();
    await copiedSaid(el);
    expect(copied).to.deep.equal([intro.bodyHtml]);
  });

  it('copies the subject alone', async () => {
    const { el } = await render();
    await ready(el);
    const copy = button(card(el, 0), 'Copy subject');
    copy.click();
    await copiedSaid(el);
    expect(copied).to.deep.equal([intro.subject]);
    expect(text(copy)).to.equal('Copied!');
    expect(button(card(el, 0), 'Copy body')).to.exist;
    expect(copy.getAttribute('aria-describedby')).to.equal('email-1');
  });

  it('copies an HTML body as rich HTML with its plain text beside it', async () => {
    const { el } = await render();
    await ready(el);
    button(card(el, 0), 'Copy body').click();
    await copiedSaid(el);
    expect(copied).to.deep.equal([{ 'text/html': intro.bodyHtml, 'text/plain': intro.bodyText }]);
  });

  it('copies the plain text where the browser takes text only', async () => {
    restore();
    restore = stubClipboard(copied, { rich: false });
    const { el } = await render();
    await ready(el);
    button(card(el, 0), 'Copy body').click();
    await copiedSaid(el);
    expect(copied).to.deep.equal([intro.bodyText]);
  });

  it('copies the plain text when plain text is chosen, and for an email without HTML', async () => {
    const { el } = await render();
    await ready(el);
    card(el, 0).querySelector<HTMLInputElement>('input[value="text"]')!.click();
    await el.updateComplete;
    button(card(el, 0), 'Copy body').click();
    await copiedSaid(el);
    button(card(el, 1), 'Copy body').click();
    await waitUntil(() => copied.length === 2, 'second copy');
    expect(copied).to.deep.equal([intro.bodyText, gift.bodyText]);
  });

  it('selects the body and explains when the clipboard is unavailable', async () => {
    restore();
    restore = stubClipboard(copied, { none: true });
    const { el } = await render();
    await ready(el);
    button(card(el, 1), 'Copy body').click();
    await waitUntil(() => text($(el, '[part="status"]')).startsWith('Copying is not available here'), 'explains');
    expect($(el, '[part="status"]')!.classList.contains('visually-hidden')).to.equal(false);
    expect(getSelection()!.toString()).to.equal(gift.bodyText);
  });

  it('shows a loading state, then the emails', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(apiPath('/partner/email-copy'), async () => {
        await gate;
        return reply(EmailCopyList, resourceFixtures.emails);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="loading"]'), 'loading');
    expect(text($(el, '[part="loading"]'))).to.equal('Loading email copy…');
    await expect(el).to.be.accessible();
    release();
    await ready(el);
  });

  it('says so when there is no email copy', async () => {
    worker.use(http.get(apiPath('/partner/email-copy'), () => reply(EmailCopyList, { emails: [] })));
    const { el } = await render();
    await waitUntil(() => $(el, '[part="empty"]'), 'empty');
    expect(text($(el, '[part="empty"]'))).to.equal('There is no email copy yet.');
    await expect(el).to.be.accessible();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/email-copy'), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Email copy is resting.') : reply(EmailCopyList, resourceFixtures.emails);
      }),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="error"]'), 'error');
    expect(text($(el, '[part="error"] p'))).to.equal('Email copy is resting.');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await ready(el);
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/email-copy'), () => {
        calls += 1;
        return reply(EmailCopyList, resourceFixtures.emails);
      }),
    );
    const { el, apiBase } = await render({ signIn: false });
    await delay(30);
    expect($(el, '[part="signed-out"]')).to.not.equal(null);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
    await signedIn(apiBase);
    await ready(el);
    expect(calls).to.equal(1);
  });
});
