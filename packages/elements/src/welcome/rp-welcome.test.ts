import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CenterForPartner, Summary } from '@rp/contract';
import { apiPath, delay, fixtures, freshApiBase, http, moneyFixtures, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, sectionStateTests } from '../../test/section-kit.js';
import type { RpWelcome } from './rp-welcome.js';
import './rp-welcome.js';

/** All the text of the element's shadow root. */
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

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

  sectionStateTests({
    tag: 'rp-welcome',
    path: '/partner/center',
    schema: CenterForPartner,
    page: fixtures.partnerCenter,
    shown: (el) => $(el, '[part="message"]'),
    checkShown: (el) => {
      expect($(el, 'h2')!.textContent!.trim()).to.equal('Welcome, Dana');
      expect(text(el)).to.contain('Share your links and earn on every order.');
    },
    loadingText: 'Loading your welcome message…',
    empty: {
      page: { ...fixtures.partnerCenter, welcomeMessage: ' \n\n ' },
      text: 'Your partner center is ready. Your welcome message will appear here.',
      absent: '[part="message"]',
    },
    errorText: 'The center is taking a break.',
    checkSignedOut: (el) => expect($(el, 'h2')!.textContent!.trim()).to.equal('Welcome'),
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

  describe('summary', () => {
    const plain = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
    const figures = (el: Element) =>
      [...el.shadowRoot!.querySelectorAll('[part="figures"] > div')].map((d) => [
        d.querySelector('dt')!.textContent!.trim(),
        d.querySelector('dd')!.textContent!.trim(),
      ]);

    it('shows balances, earnings, the funnel with rates, and a chart with an accessible name', async () => {
      const apiBase = freshApiBase();
      await signedIn(apiBase);
      const el = await render(apiBase);
      await waitUntil(() => $(el, '[part="summary"]'), 'summary rendered');
      expect($(el, '#summary-heading')!.textContent).to.equal('Your summary');
      expect(figures(el)).to.deep.equal([
        ['Available balance', '$120.50'],
        ['Pending balance', '$45.00'],
        ['Earned this month', '$87.25'],
      ]);
      expect(plain($(el, '.period-head')!)).to.equal('Clicks → leads → sales Oct 26 – 30, 2026');
      const steps = [...el.shadowRoot!.querySelectorAll('[part="funnel"] li')].map((li) => plain(li));
      expect(steps).to.deep.equal(['200 Clicks', '9 Leads 4.5% of clicks', '3 Sales 1.5% of clicks']);
      const chart = $(el, '[part="chart"] svg')!;
      expect(chart.getAttribute('role')).to.equal('img');
      const titleId = chart.getAttribute('aria-labelledby')!;
      expect(chart.querySelector(`#${titleId}`)!.textContent).to.equal(
        'Clicks per day, Oct 26 – 30, 2026: 200 in total, the most on Oct 28, 2026 (80).',
      );
      const bars = [...chart.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
      expect(bars).to.deep.equal([14.25, 26.125, 38, 0, 16.625]);
      const rows = [...el.shadowRoot!.querySelectorAll('[part="daily"] tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()),
      );
      expect(rows[2]).to.deep.equal(['Oct 28, 2026', '80', '4', '2']);
      expect(rows).to.have.length(5);
      await expect(el).to.be.accessible();
      ($(el, '[part="daily"] summary') as HTMLElement).click();
      await expect(el).to.be.accessible();
    });

    it('shows no rates when there were no clicks', async () => {
      const apiBase = freshApiBase();
      await signedIn(apiBase);
      worker.use(
        http.get(apiPath('/partner/summary'), () =>
          reply(Summary, {
            ...moneyFixtures.summary,
            funnel: { clicks: 0, leads: 1, sales: 0 },
            daily: moneyFixtures.summary.daily.map((d) => ({ ...d, clicks: 0 })),
          }),
        ),
      );
      const el = await render(apiBase);
      await waitUntil(() => $(el, '[part="summary"]'), 'summary rendered');
      const steps = [...el.shadowRoot!.querySelectorAll('[part="funnel"] li')].map((li) => plain(li));
      expect(steps).to.deep.equal(['0 Clicks', '1 Leads', '0 Sales']);
      expect($(el, 'svg title')!.textContent).to.equal('No clicks, Oct 26 – 30, 2026.');
    });

    it('shows its own loading state, and its own error with a retry', async () => {
      const apiBase = freshApiBase();
      await signedIn(apiBase);
      let calls = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.get(apiPath('/partner/summary'), async () => {
          calls += 1;
          await gate;
          return calls === 1 ? replyError('internal', 'Figures are late.') : reply(Summary, moneyFixtures.summary);
        }),
      );
      const el = await render(apiBase);
      await waitUntil(() => $(el, '.summary-state'), 'summary loading');
      expect($(el, '[part="message"]')).to.not.equal(null);
      expect($(el, '.summary-state')!.getAttribute('role')).to.equal('status');
      release();
      await waitUntil(() => $(el, '[part="error"]'), 'summary error');
      expect(plain($(el, '[part="error"] p')!)).to.equal('Figures are late.');
      expect($(el, '[part="message"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      ($(el, '[part="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part="summary"]'), 'summary after retry');
      expect(calls).to.equal(2);
    });

    it('does not ask for the summary while signed out', async () => {
      const apiBase = freshApiBase();
      let calls = 0;
      worker.use(
        http.get(apiPath('/partner/summary'), () => {
          calls += 1;
          return reply(Summary, moneyFixtures.summary);
        }),
      );
      const el = await render(apiBase);
      await delay(30);
      expect($(el, '[part="summary"]')).to.equal(null);
      expect(calls).to.equal(0);
    });
  });
});
