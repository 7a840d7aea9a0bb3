import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ProgramList } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import type { RpPrograms } from './rp-programs.js';
import './rp-programs.js';


const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];

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

  it('shows a loading state while the request is pending', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get('*/partner/programs', async () => {
        await gate;
        return reply(ProgramList, fixtures.programs);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="loading"]'), 'loading shown');
    expect(text($(el, '[part="loading"]')!)).to.equal('Loading your programs…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs rendered');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('says so when the partner is in no program', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    worker.use(http.get('*/partner/programs', () => reply(ProgramList, { programs: [] })));
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="empty"]'), 'empty state');
    expect(text($(el, '[part="empty"]')!)).to.equal('You are not enrolled in any programs yet.');
    expect($(el, '[part="program"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error and refetches on retry', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    let calls = 0;
    worker.use(
      http.get('*/partner/programs', () => {
        calls += 1;
        return calls === 1 ? replyError('internal', 'Programs are unavailable.') : reply(ProgramList, fixtures.programs);
      }),
    );
    const el = await render(apiBase);
    await waitUntil(() => $(el, '[part="error"]'), 'error shown');
    expect(text($(el, '[part="error"]')!)).to.contain('Programs are unavailable.');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, '[part="program"]').length === 2, 'programs after retry');
    expect(calls).to.equal(2);
    expect($(el, '[part="error"]')).to.equal(null);
  });

  it('asks to sign in without requesting anything, then loads once signed in', async () => {
    const apiBase = freshApiBase();
    let calls = 0;
    worker.use(
      http.get('*/partner/programs', () => {
        calls += 1;
        return reply(ProgramList, fixtures.programs);
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
    expect($(el, '[part="signed-out"]')).to.equal(null);
  });
});
