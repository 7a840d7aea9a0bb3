import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ProgramList } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, $$, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpPrograms } from './rp-programs.js';
import './rp-programs.js';


async function render(apiBase: string): Promise<RpPrograms> {
  return fixture<RpPrograms>(html`<rp-programs api-base=${apiBase}></rp-programs>`);
}

describe('rp-programs', () => {
  beforeEach(() => resetApi());

  it('shows a card per program with description, enrolment date, attribution window and hold period', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(
      http.get('*/partner/programs', () =>
        reply(ProgramList, {
          programs: [
            ...fixtures.programs.programs,
            {
              id: 3,
              name: 'Gift Cards',
              description: 'One.\n<i>Two</i>',
              currency: 'USD',
              attributionWindowDays: 1,
              holdDays: 0,
              enrolledAt: '2025-12-24T12:00:00.000Z',
            },
          ],
        }),
      ),
    );
    const el = await render(apiBase);
    await waitUntil(() => $$(el, '[part="program"]').length === 3, 'programs rendered');
    const [first, second, third] = $$(el, '[part="program"]') as [Element, Element, Element];
    expect($(el, 'h2')!.textContent).to.equal('My Programs');
    expect(first.querySelector('h3')!.textContent).to.equal('Coffee Subscriptions');
    expect(text(first)).to.contain('Earn on every subscription your readers start.');
    expect(text(first)).to.contain('Enrolled since March 1, 2025');
    expect(text(first)).to.contain('Referrals are credited for 30 days after a click');
    expect(text(first)).to.contain('Commissions are confirmed after 30 days');
    expect(text(second)).to.contain('Enrolled since April 1, 2025');
    expect(text(second)).to.contain('Referrals are credited for 60 days after a click');
    expect(text(second)).to.contain('Commissions are confirmed after 14 days');
    expect(text(third)).to.contain('Referrals are credited for 1 day after a click');
    expect(text(third)).to.contain('Commissions are confirmed right away');
    expect(third.querySelector('[part="description"] i')).to.equal(null);
    expect(third.querySelector('[part="description"] br')).to.not.equal(null);
    expect(text($(el, '.count')!)).to.equal('3 programs');
    await expect(el).to.be.accessible();
  });

  sectionStateTests({
    tag: 'rp-programs',
    path: '/partner/programs',
    schema: ProgramList,
    page: fixtures.programs,
    shown: (el) => $$(el, '[part="program"]').length === 2,
    loadingText: 'Loading your programs…',
    empty: { page: { programs: [] }, text: 'You are not enrolled in any programs yet.', absent: '[part="program"]' },
    errorText: 'Programs are unavailable.',
  });
});
