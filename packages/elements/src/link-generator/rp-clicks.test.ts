import { expect, waitUntil } from '@open-wc/testing';
import { ClickPage } from '@rp/contract';
import { moneyFixtures, resetApi } from '../../test/api-mock.js';
import { $, cells, renderReport, reportStateTests } from '../../test/report-kit.js';
import type { RpClicks } from './rp-clicks.js';
import './rp-clicks.js';

describe('rp-clicks', () => {
  beforeEach(() => resetApi());

  it('shows clicks per link and day', async () => {
    const { el } = await renderReport<RpClicks>('rp-clicks');
    await waitUntil(() => $(el, 'tbody tr'), 'rows rendered');
    expect($(el, 'h3')!.textContent).to.equal('Clicks per link and day');
    expect(cells(el)).to.deep.equal([
      ['Oct 28, 2026', 'k3x9q2Shop', 'newsletter', '80'],
      ['Oct 27, 2026', 'k3x9q2Shop', '—', '1,055'],
    ]);
    await expect(el).to.be.accessible();
  });

  reportStateTests({
    tag: 'rp-clicks',
    path: '/partner/reports/clicks',
    schema: ClickPage,
    page: moneyFixtures.clicks,
    empty: { rows: [], nextCursor: null },
    emptyText: 'No clicks in this period.',
  });
});
