import { expect, waitUntil } from '@open-wc/testing';
import { Balance, LedgerPage, LedgerQuery } from '@rp/contract';
import { apiPath, HttpResponse, http, moneyFixtures, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { $, $$, cells, renderReport, reportStateTests, text } from '../../test/report-kit.js';
import type { RpLedger } from './rp-ledger.js';
import './rp-ledger.js';

const entries = moneyFixtures.ledger.entries;

describe('rp-ledger', () => {
  beforeEach(() => resetApi());

  it('shows the balance now, the opening and closing balance, and every entry with its running balance', async () => {
    const { el } = await renderReport<RpLedger>('rp-ledger');
    await waitUntil(() => $(el, 'tbody tr') && text($(el, '[part="balances"]')).includes('$120.50'), 'ledger rendered');
    expect($(el, 'h2')!.textContent).to.equal('My Ledger');
    const balances = $$(el, '[part="balances"] > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]);
    expect(balances).to.deep.equal([
      ['Available', '$120.50'],
      ['Pending', '$45.00'],
      ['Total', '$165.50'],
    ]);
    expect(text($(el, '[part="statement"]'))).to.equal('Opening balance $100.00 Closing balance $165.50');
    expect(cells(el)).to.deep.equal([
      ['Oct 31, 2026', 'Commission on order ORD-1002Coffee Subscriptions', 'Sale ORD-1002', 'Earned Pending until Nov 30, 2026', '+$45.00', '$165.50'],
      ['Oct 15, 2026', 'Payout', 'Payout PAY-77', 'Paid out', '−$20.00', '$120.50'],
      ['Sep 1, 2026', 'Commission on order ORD-1001Coffee Subscriptions', 'Sale ORD-1001', 'Earned', '+$40.50', '$140.50'],
    ]);
    // Credits and debits differ by sign as well as colour.
    const amounts = $$(el, '[part="amount"]');
    expect(amounts.map((a) => a.className)).to.deep.equal(['pos', 'neg', 'pos']);
    expect($$(el, '.badge.pending')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('sends the type filter and shows only that type', async () => {
    const queries: Record<string, string>[] = [];
    worker.use(
      http.get(apiPath('/partner/ledger'), ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        LedgerQuery.parse(query);
        queries.push(query);
        return reply(LedgerPage, {
          ...moneyFixtures.ledger,
          entries: query.type ? entries.filter((e) => e.type === query.type) : entries,
        });
      }),
    );
    const { el } = await renderReport<RpLedger>('rp-ledger');
    await waitUntil(() => $$(el, 'tbody tr').length === 3, 'all entries');
    const select = $(el, 'select#type') as HTMLSelectElement;
    expect(text(el.shadowRoot!.querySelector('label[for="type"]'))).to.equal('Type');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['All', 'Earned', 'Reversed', 'Paid out', 'Adjusted']);
    select.value = 'paid_out';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => $$(el, 'tbody tr').length === 1, 'filtered');
    expect(queries.at(-1)!.type).to.equal('paid_out');
    expect(queries[0]!.type).to.equal(undefined);
    expect(cells(el)[0]![1]).to.equal('Payout');
  });

  it('appends the next page of entries with Load more', async () => {
    worker.use(
      http.get(apiPath('/partner/ledger'), ({ request }) =>
        reply(
          LedgerPage,
          new URL(request.url).searchParams.get('cursor') === 'e2'
            ? { ...moneyFixtures.ledger, entries: entries.slice(2), nextCursor: null }
            : { ...moneyFixtures.ledger, entries: entries.slice(0, 2), nextCursor: 'e2' },
        ),
      ),
    );
    const { el } = await renderReport<RpLedger>('rp-ledger');
    await waitUntil(() => $(el, '[part="more-button"]'), 'load more');
    ($(el, '[part="more-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, 'tbody tr').length === 3, 'appended');
    expect(cells(el).map((r) => r[5])).to.deep.equal(['$165.50', '$120.50', '$140.50']);
  });

  it('downloads the statement as CSV with the bearer token', async () => {
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    const names: string[] = [];
    let auth: string | null = null;
    let type: string | null = null;
    URL.createObjectURL = () => 'blob:ledger';
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      worker.use(
        http.get(apiPath('/partner/ledger.csv'), ({ request }) => {
          auth = request.headers.get('authorization');
          type = new URL(request.url).searchParams.get('type');
          return new HttpResponse('id,type\n', { headers: { 'content-type': 'text/csv' } });
        }),
      );
      const { el } = await renderReport<RpLedger>('rp-ledger');
      await waitUntil(() => $(el, 'table'), 'table');
      const select = $(el, 'select#type') as HTMLSelectElement;
      select.value = 'earned';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      ($(el, '[part="download-button"]') as HTMLButtonElement).click();
      await waitUntil(() => names.length === 1, 'saved');
      expect(auth).to.equal('Bearer test-token-0123456789abcdef0123456789abcdef');
      expect(type).to.equal('earned');
      expect(names[0]).to.match(/^ledger-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('keeps the opening and closing balance when the period has no entries', async () => {
    worker.use(http.get(apiPath('/partner/ledger'), () => reply(LedgerPage, { ...moneyFixtures.ledger, entries: [], openingBalance: { amount: 5000, currency: 'USD' }, closingBalance: { amount: 5000, currency: 'USD' } })));
    const { el } = await renderReport<RpLedger>('rp-ledger');
    await waitUntil(() => $(el, '[part="empty"]'), 'empty');
    expect(text($(el, '[part="statement"]'))).to.equal('Opening balance $50.00 Closing balance $50.00');
    expect(text($(el, '[part="empty"]'))).to.equal('No entries in this period.');
  });

  it('shows a balance error with its own retry', async () => {
    let calls = 0;
    worker.use(
      http.get(apiPath('/partner/balance'), () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Balance unavailable.') : reply(Balance, moneyFixtures.balance);
      }),
    );
    const { el } = await renderReport<RpLedger>('rp-ledger');
    await waitUntil(() => $(el, '[part="error"]'), 'balance error');
    expect(text($(el, '[part="error"] p'))).to.equal('Balance unavailable.');
    await waitUntil(() => $(el, 'table'), 'statement still shown');
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="balances"]')).includes('$120.50'), 'balance after retry');
    expect($(el, '[part="error"]')).to.equal(null);
  });

  reportStateTests({
    tag: 'rp-ledger',
    path: '/partner/ledger',
    schema: LedgerPage,
    page: moneyFixtures.ledger,
    empty: { ...moneyFixtures.ledger, entries: [] },
    emptyText: 'No entries in this period.',
  });
});
