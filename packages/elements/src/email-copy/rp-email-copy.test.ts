import { expect, waitUntil } from '@open-wc/testing';
import { EmailCopyList } from '@rp/contract';
import { resetApi } from '../../test/api-mock.js';
import { resourceFixtures } from '../../test/resources-mock.js';
import { useClipboard } from '../../test/copy-kit.js';
import { $, $$, renderSection, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpEmailCopy } from './rp-email-copy.js';
import './rp-email-copy.js';

const render = () => renderSection<RpEmailCopy>('rp-email-copy');
const [intro, gift] = resourceFixtures.emails.emails as [(typeof resourceFixtures.emails.emails)[0], (typeof resourceFixtures.emails.emails)[0]];
const ready = (el: RpEmailCopy) => waitUntil(() => $$(el, '[part="email"]').length === 2, 'emails rendered');
const card = (el: RpEmailCopy, i: number) => $$(el, '[part="email"]')[i]!;
const button = (scope: Element, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('[part="copy-button"]')].find((b) => text(b) === label)!;

describe('rp-email-copy', () => {
  const clipboard = useClipboard();
  beforeEach(() => resetApi());

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
    await clipboard.copy(el, button(source, 'Copy source'));
    expect(clipboard.copied).to.deep.equal([intro.bodyHtml]);
  });

  it('copies the subject alone', async () => {
    const { el } = await render();
    await ready(el);
    const copy = button(card(el, 0), 'Copy subject');
    await clipboard.copy(el, copy);
    expect(clipboard.copied).to.deep.equal([intro.subject]);
    expect(text(copy)).to.equal('Copied!');
    expect(button(card(el, 0), 'Copy body')).to.exist;
    expect(copy.getAttribute('aria-describedby')).to.equal('email-1');
  });

  it('copies an HTML body as rich HTML with its plain text beside it', async () => {
    const { el } = await render();
    await ready(el);
    await clipboard.copy(el, button(card(el, 0), 'Copy body'));
    expect(clipboard.copied).to.deep.equal([{ 'text/html': intro.bodyHtml, 'text/plain': intro.bodyText }]);
  });

  it('copies the plain text where the browser takes text only', async () => {
    clipboard.stub({ rich: false });
    const { el } = await render();
    await ready(el);
    await clipboard.copy(el, button(card(el, 0), 'Copy body'));
    expect(clipboard.copied).to.deep.equal([intro.bodyText]);
  });

  it('copies the plain text when plain text is chosen, and for an email without HTML', async () => {
    const { el } = await render();
    await ready(el);
    card(el, 0).querySelector<HTMLInputElement>('input[value="text"]')!.click();
    await el.updateComplete;
    await clipboard.copy(el, button(card(el, 0), 'Copy body'));
    await clipboard.copy(el, button(card(el, 1), 'Copy body'));
    expect(clipboard.copied).to.deep.equal([intro.bodyText, gift.bodyText]);
  });

  it('selects the body and explains when the clipboard is unavailable', async () => {
    const { el } = await render();
    await ready(el);
    await clipboard.fallback(el, button(card(el, 1), 'Copy body'), card(el, 1).querySelector('[part="body"]')!);
    expect(getSelection()!.toString()).to.equal(gift.bodyText);
  });

  sectionStateTests({
    tag: 'rp-email-copy',
    path: '/partner/email-copy',
    schema: EmailCopyList,
    page: resourceFixtures.emails,
    shown: (el) => $$(el, '[part="email"]').length === 2,
    loadingText: 'Loading email copy…',
    empty: { page: { emails: [] }, text: 'There is no email copy yet.', absent: '[part="list"]' },
    errorText: 'Email copy is resting.',
  });
});
