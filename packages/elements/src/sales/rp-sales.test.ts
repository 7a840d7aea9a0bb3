import { expect, waitUntil } from '@open-wc/testing';
import { SalePage } from '@rp/contract';
import { moneyFixtures, resetApi } from '../../test/api-mock.js';
import { $, cells, renderReport, reportStateTests } from '../../test/report-kit.js';
import type { RpSales } from './rp-sales.js';
import './rp-sales.js';

describe('rp-sales', () => {
  beforeEach(() => resetApi());

  it('shows each sale with order, amount, refund, commission and status', async () => {
    const { el } = await renderReport<RpSales>('rp-sales');
    await waitUntil(() => $(el, 'tbody tr'), 'rows rendered');
    expect($(el, 'h2')!.textContent).to.equal('Sales');
    expect(cells(el)).to.deep.equal([['Oct 9, 2026', 'Coffee Subscriptions', 'ORD-1001', '$324.00', '$80.00', '$30.50', 'Available']]);
    await expect(el).to.be.accessible();
  });

  reportStateTests({
    tag: 'rp-sales',
    path: '/partner/reports/sales',
    schema: SalePage,
    page: moneyFixtures.sales,
    empty: { rows: [], nextCursor: null },
    emptyText: 'No sales in this period.',
  });
});
