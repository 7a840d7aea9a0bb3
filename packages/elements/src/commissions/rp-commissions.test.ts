import { expect, waitUntil } from '@open-wc/testing';
import { CommissionPage } from '@rp/contract';
import { moneyFixtures, resetApi } from '../../test/api-mock.js';
import { $, cells, renderReport, reportStateTests } from '../../test/report-kit.js';
import type { RpCommissions } from './rp-commissions.js';
import './rp-commissions.js';

describe('rp-commissions', () => {
  beforeEach(() => resetApi());

  it('shows each commission with its source, amounts, status and availability', async () => {
    const { el } = await renderReport<RpCommissions>('rp-commissions');
    await waitUntil(() => $(el, 'tbody tr'), 'rows rendered');
    expect($(el, 'h2')!.textContent).to.equal('Commissions');
    expect(cells(el)).to.deep.equal([
      ['Oct 5, 2026', 'Coffee Subscriptions', 'Sale', 'ORD-1001', '$40.50', '$10.00', 'Available', 'Nov 4, 2026'],
      ['Oct 6, 2026', 'Wholesale Leads', 'Lead', 'LEAD-9', '$15.00', '$0.00', 'Pending', 'Oct 20, 2026'],
    ]);
    expect($(el, 'tbody tr .badge.pending')).to.not.equal(null);
    expect($(el, 'tbody tr:last-child td:nth-child(6) .zero')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  reportStateTests({
    tag: 'rp-commissions',
    path: '/partner/reports/commissions',
    schema: CommissionPage,
    page: moneyFixtures.commissions,
    empty: { rows: [], nextCursor: null },
    emptyText: 'No commissions in this period.',
  });
});
