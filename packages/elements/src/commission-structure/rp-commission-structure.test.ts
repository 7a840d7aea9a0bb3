import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CommissionStructure } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import type { RpCommissionStructure } from './rp-commission-structure.js';
import './rp-commission-structure.js';


const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
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

  it('shows a loading state while the request is pending', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get('*/partner/commission-structure', async () => {
        await gate;
        return reply(CommissionStructure, fixtures.commissionStructure);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect(text($(el, '[part="loading"]')!)).to.equal('Loading your commission structure…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs rendered');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('shows an empty state when the partner is in no program', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(http.get('*/partner/commission-structure', () => reply(CommissionStructure, { programs: [] })));
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="empty"]'), 'empty state');
    expect(text($(el, '[part="empty"]')!)).to.contain('You are not enrolled in any programs yet');
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and refetches on retry', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let calls = 0;
    worker.use(
      http.get('*/partner/commission-structure', () => {
        calls += 1;
        return calls === 1
          ? replyError('internal', 'Commission rules are unavailable.')
          : reply(CommissionStructure, fixtures.commissionStructure);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"]')!)).to.contain('Commission rules are unavailable.');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs after retry');
    expect(calls).to.equal(2);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    const apiBase = freshApiBase();
    let calls = 0;
    worker.use(
      http.get('*/partner/commission-structure', () => {
        calls += 1;
        return reply(CommissionStructure, fixtures.commissionStructure);
      }),
    );
    const el = await render(apiBase);
    await el.updateComplete;
    expect($(el, '[part="signed-out"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    expect(calls).to.equal(0);
    await signedIn(apiBase);
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs after sign-in');
    expect(calls).to.equal(1);
  });
});
