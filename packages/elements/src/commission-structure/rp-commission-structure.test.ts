import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CommissionStructure } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, $$, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpCommissionStructure } from './rp-commission-structure.js';
import './rp-commission-structure.js';

const cells = (row: Element) => [...row.children].map(text);

async function render(apiBase: string): Promise<RpCommissionStructure> {
  return fixture<RpCommissionStructure>(html`<rp-commission-structure api-base=${apiBase}></rp-commission-structure>`);
}

describe('rp-commission-structure', () => {
  beforeEach(() => resetApi());

  it('shows each program with its rules in exact terms, in a table with headers', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const el = await render(apiBase);
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs rendered');
    const [coffee, wholesale] = $$(el, '[part="program"]') as [Element, Element];
    expect(coffee.querySelector('h3')!.textContent).to.equal('Coffee Subscriptions');
    const table = coffee.querySelector('table')!;
    expect(text(table.querySelector('caption')!)).to.equal('Commission rules of Coffee Subscriptions');
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Rule', 'Applies to', 'Commission']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(2);
    expect(cells(rows[0]!)).to.deep.equal([
      'Percentage of sale',
      'all products on renewals for 12 months',
      '12.5% of each sale',
    ]);
    expect(rows[0]!.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(cells(rows[1]!)).to.deep.equal([
      'Fixed amount per sale Grinder bundle',
      "on product GRINDER-PRO Overrides the program's default sale rule on the first sale only",
      '$25.00 per sale',
    ]);
    expect(text(coffee)).to.contain('Referrals are credited for 30 days after a click');
    expect(text(coffee)).to.contain('Commissions are confirmed after 30 days');
    const wholesaleRows = [...wholesale.querySelectorAll('tbody tr')];
    expect(cells(wholesaleRows[0]!)).to.deep.equal(['Fixed amount per lead', 'every lead you refer', '$15.00 per lead']);
    expect(text(wholesale)).to.contain('Referrals are credited for 60 days after a click');
    expect(text(wholesale)).to.contain('Commissions are confirmed after 14 days');
    await expect(el).to.be.accessible();
  });

  it('formats amounts in their own currency and the center locale', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(
      http.get('*/partner/commission-structure', () =>
        reply(CommissionStructure, {
          programs: [
            {
              programId: 9,
              programName: 'Japan',
              currency: 'JPY',
              attributionWindowDays: 7,
              holdDays: 0,
              rules: [
                { id: 1, type: 'flat_per_sale', amount: { amount: 500, currency: 'JPY' }, productSku: null, note: '', recurringMonths: 1 },
                { id: 2, type: 'percent_of_sale', basisPoints: 5, productSku: null, note: '', recurringMonths: null },
              ],
            },
          ],
        }),
      ),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="amount"]'), 'rules rendered');
    expect($$(el, '[part="amount"]').map(text)).to.deep.equal(['¥500 per sale', '0.05% of each sale']);
    expect(text($(el, 'tbody tr')!)).to.contain('on renewals for 1 month');
    expect(text($(el, '[part="terms"]')!)).to.contain('Commissions are confirmed right away');
  });

  sectionStateTests({
    tag: 'rp-commission-structure',
    path: '/partner/commission-structure',
    schema: CommissionStructure,
    page: fixtures.commissionStructure,
    shown: (el) => $$(el, '[part="program"]').length === 2,
    loadingText: 'Loading your commission structure…',
    empty: {
      page: { programs: [] },
      text: 'You are not enrolled in any programs yet, so there are no commissions to show.',
      absent: 'table',
    },
    errorText: 'Commission rules are unavailable.',
  });
});
