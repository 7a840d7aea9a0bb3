import { expect, waitUntil } from '@open-wc/testing';
import { LeadPage } from '@rp/contract';
import { moneyFixtures, resetApi } from '../../test/api-mock.js';
import { $, cells, renderReport, reportStateTests } from '../../test/report-kit.js';
import type { RpLeads } from './rp-leads.js';
import './rp-leads.js';

describe('rp-leads', () => {
  beforeEach(() => resetApi());

  it('shows each lead with its masked contact and status', async () => {
    const { el } = await renderReport<RpLeads>('rp-leads');
    await waitUntil(() => $(el, 'tbody tr'), 'rows rendered');
    expect($(el, 'h2')!.textContent).to.equal('Lead Tracking');
    expect(cells(el)).to.deep.equal([
      ['Oct 7, 2026', 'Wholesale Leads', 'LEAD-9', 'd•••@example.com', 'Converted'],
      ['Oct 8, 2026', 'Wholesale Leads', 'LEAD-10', 'Sam S.', 'New'],
    ]);
    await expect(el).to.be.accessible();
  });

  reportStateTests({
    tag: 'rp-leads',
    path: '/partner/reports/leads',
    schema: LeadPage,
    page: moneyFixtures.leads,
    empty: { rows: [], nextCursor: null },
    emptyText: 'No leads in this period.',
  });
});
