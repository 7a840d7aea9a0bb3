import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { DestinationList, LinkCreate, LinkList, TrackedLink } from '@rp/contract';
import { apiPath, http, moneyFixtures, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { useClipboard } from '../../test/copy-kit.js';
import { $, $$, renderSection, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpLinkGenerator } from './rp-link-generator.js';
import './rp-link-generator.js';

const newLink = TrackedLink.parse({
  id: 8,
  slug: 'p7m2zz',
  url: 'https://go.example.com/r/p7m2zz',
  destinationId: 1,
  destinationName: 'Shop',
  targetUrl: 'https://shop.example.com/shop/espresso',
  campaign: 'spring-ig',
  clicks: 0,
  createdAt: '2026-11-02T12:00:00.000Z',
});

const render = () => renderSection<RpLinkGenerator>('rp-link-generator');

const ready = (el: RpLinkGenerator) => waitUntil(() => $(el, 'form[part="form"]') && $(el, '[part="table"]'), 'form and links rendered');
const input = (el: RpLinkGenerator, id: string) => $(el, `#${id}`) as HTMLInputElement;
function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
const submit = (el: RpLinkGenerator) => ($(el, '[part="create-button"]') as HTMLButtonElement).click();

describe('rp-link-generator', () => {
  const clipboard = useClipboard();
  beforeEach(() => resetApi());

  it('shows the destinations with their description, the path under its origin, and the links', async () => {
    const { el } = await render();
    await ready(el);
    expect($(el, 'h2')!.textContent).to.equal('Redirect Links');
    const select = input(el, 'destinationId') as unknown as HTMLSelectElement;
    expect(text(el.shadowRoot!.querySelector('label[for="destinationId"]'))).to.equal('Destination');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Shop', 'Spring sale']);
    expect(text($(el, '#destinationId-hint'))).to.equal('The whole coffee shop. https://shop.example.com/');
    expect(text($(el, '.prefix'))).to.equal('https://shop.example.com');
    expect(text(el.shadowRoot!.querySelector('label[for="path"]'))).to.equal('Path (optional)');
    expect(text(el.shadowRoot!.querySelector('label[for="campaign"]'))).to.equal('Campaign / sub-id (optional)');
    const row = $$(el, '[part="table"] tbody tr')[0]!;
    expect([...row.children].map((c) => text(c))).to.deep.equal([
      'https://go.example.com/r/k3x9q2 Copy https://go.example.com/r/k3x9q2',
      'Shophttps://shop.example.com/espresso',
      'newsletter',
      '1,234',
      'Oct 2, 2026',
    ]);
    expect($(el, 'rp-clicks')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hides the path when the destination does not allow subpaths', async () => {
    const { el } = await render();
    await ready(el);
    const select = $(el, '#destinationId') as HTMLSelectElement;
    select.value = '2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#path')).to.equal(null);
    expect(text($(el, '#destinationId-hint'))).to.equal("This season's offers only. https://shop.example.com/sale/spring");
    expect($(el, '#campaign')).to.not.equal(null);
  });

  it('creates a link with exactly the form body, shows it at once, lists it and fires rp-link-created', async () => {
    const bodies: unknown[] = [];
    worker.use(
      http.post(apiPath('/partner/links'), async ({ request }) => {
        const raw = await request.json();
        bodies.push(raw);
        LinkCreate.parse(raw);
        return reply(TrackedLink, newLink, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    type(input(el, 'path'), 'shop/espresso');
    type(input(el, 'campaign'), ' spring-ig ');
    const event = oneEvent(el, 'rp-link-created');
    submit(el);
    const fired = await event;
    expect(fired.detail).to.deep.equal({ link: newLink });
    expect(fired.bubbles).to.equal(true);
    expect(fired.composed).to.equal(true);
    expect(bodies).to.deep.equal([{ destinationId: 1, path: '/shop/espresso', campaign: 'spring-ig' }]);
    await waitUntil(() => $(el, '[part="result"]'), 'result shown');
    const field = $(el, '[part="link"]') as HTMLInputElement;
    expect(field.value).to.equal('https://go.example.com/r/p7m2zz');
    expect(field.readOnly).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'focus on the new link');
    expect($$(el, '[part="table"] tbody tr')).to.have.length(2);
    expect(text($$(el, '[part="table"] tbody tr th')[0]!)).to.contain('https://go.example.com/r/p7m2zz');
    expect(text($(el, '[part="status"]'))).to.equal('Link created.');
    await expect(el).to.be.accessible();
  });

  it('sends an empty path for a destination without subpaths', async () => {
    const bodies: unknown[] = [];
    worker.use(
      http.post(apiPath('/partner/links'), async ({ request }) => {
        const raw = await request.json();
        LinkCreate.parse(raw);
        bodies.push(raw);
        return reply(TrackedLink, { ...newLink, destinationId: 2 }, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    const select = $(el, '#destinationId') as HTMLSelectElement;
    select.value = '2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    submit(el);
    await waitUntil(() => $(el, '[part="result"]'), 'result shown');
    expect(bodies).to.deep.equal([{ destinationId: 2, path: '', campaign: '' }]);
  });

  it('copies the new link and says "Copied!"', async () => {
    worker.use(http.post(apiPath('/partner/links'), () => reply(TrackedLink, newLink, { status: 201 })));
    const { el } = await render();
    await ready(el);
    submit(el);
    await waitUntil(() => $(el, '[part="result"] [part="copy-button"]'), 'result shown');
    const button = $(el, '[part="result"] [part="copy-button"]')!;
    await clipboard.copy(el, button);
    expect(clipboard.copied).to.deep.equal(['https://go.example.com/r/p7m2zz']);
    expect(text(button)).to.equal('Copied! https://go.example.com/r/p7m2zz');
  });

  it('copies a listed link from its row', async () => {
    const { el } = await render();
    await ready(el);
    await clipboard.copy(el, $(el, '[part="table"] [part="copy-button"]')!);
    expect(clipboard.copied).to.deep.equal(['https://go.example.com/r/k3x9q2']);
  });

  it('selects the link and explains when the clipboard is unavailable', async () => {
    worker.use(http.post(apiPath('/partner/links'), () => reply(TrackedLink, newLink, { status: 201 })));
    const { el } = await render();
    await ready(el);
    submit(el);
    await waitUntil(() => $(el, '[part="result"]'), 'result shown');
    await clipboard.fallback(el, $(el, '[part="result"] [part="copy-button"]')!, $(el, '[part="link"]')!);
  });

  it("shows the server's field error at the path field", async () => {
    worker.use(
      http.post(apiPath('/partner/links'), () =>
        replyError('invalid_request', 'Check the highlighted fields.', {
          path: 'Enter a path starting with a single /, such as /shop/espresso.',
        }),
      ),
    );
    const { el } = await render();
    await ready(el);
    type(input(el, 'path'), '//evil.example.com');
    submit(el);
    await waitUntil(() => $(el, '#path-error'), 'field error shown');
    const path = input(el, 'path');
    expect(text($(el, '#path-error'))).to.equal('Enter a path starting with a single /, such as /shop/espresso.');
    expect(path.getAttribute('aria-invalid')).to.equal('true');
    expect(path.getAttribute('aria-describedby')).to.equal('path-hint path-error');
    expect(el.shadowRoot!.activeElement).to.equal(path);
    expect($(el, '[part="result"]')).to.equal(null);
    await expect(el).to.be.accessible();
    type(path, '/shop');
    await el.updateComplete;
    expect(path.getAttribute('aria-invalid')).to.equal('false');
  });

  it('checks the campaign with the browser before sending', async () => {
    let calls = 0;
    worker.use(
      http.post(apiPath('/partner/links'), () => {
        calls += 1;
        return reply(TrackedLink, newLink, { status: 201 });
      }),
    );
    const { el } = await render();
    await ready(el);
    type(input(el, 'campaign'), 'has space');
    submit(el);
    await waitUntil(() => $(el, '#campaign-error'), 'campaign error');
    expect(input(el, 'campaign').getAttribute('aria-invalid')).to.equal('true');
    expect(calls).to.equal(0);
  });

  it('says so when there are no destinations and no links', async () => {
    worker.use(
      http.get(apiPath('/partner/destinations'), () => reply(DestinationList, { destinations: [] })),
      http.get(apiPath('/partner/links'), () => reply(LinkList, { links: [] })),
    );
    const { el } = await render();
    await waitUntil(() => $(el, '[part="empty"]'), 'empty');
    expect(text($(el, '[part="empty"]'))).to.equal('No pages are approved for linking yet.');
    expect(text($(el, 'p.state'))).to.equal('You have no links yet.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  sectionStateTests({
    tag: 'rp-link-generator',
    path: '/partner/destinations',
    schema: DestinationList,
    page: moneyFixtures.destinations,
    shown: (el) => $(el, 'form[part="form"]') && $(el, '[part="table"]'),
    loadingText: 'Loading your links…',
    errorText: 'Links are resting.',
  });
});
