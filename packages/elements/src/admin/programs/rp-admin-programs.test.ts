import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdminProgramList } from '@rp/contract';
import { http, replyError, resetApi, worker } from '../../../test/api-mock.js';
import { adminPartnerFixtures } from '../../../test/admin-partners-mock.js';
import { useAdminProgramsApi, type AdminProgramsApi } from '../../../test/admin-programs-mock.js';
import { $, adminStateTests, check, renderAdmin, submit, text, type } from '../../../test/admin-kit.js';
import type { RpAdminPrograms } from './rp-admin-programs.js';
import './rp-admin-programs.js';

async function render(options: { signIn?: boolean; programs?: Parameters<typeof useAdminProgramsApi>[0] } = {}) {
  const api = useAdminProgramsApi(options.programs);
  const { el, apiBase } = await renderAdmin<RpAdminPrograms>('rp-admin-programs', { signIn: options.signIn });
  return { el, api, apiBase };
}

const loaded = (el: RpAdminPrograms) => waitUntil(() => $(el, '[part="program"]'), 'programs shown');
const program = (el: RpAdminPrograms, id: number) => $(el, `[part="program"][data-program="${id}"]`)!;
const sentences = (el: RpAdminPrograms, id: number) => [...program(el, id).querySelectorAll('.sentence')].map(text);
const writes = (api: AdminProgramsApi) => api.requests.filter((r) => r.method !== 'GET');
const status = (el: RpAdminPrograms) => text($(el, '[part="status"]'));

async function chooseType(el: RpAdminPrograms, value: string): Promise<void> {
  check(el, `input[name="type"][value="${value}"]`, true);
  await el.updateComplete;
}

describe('rp-admin-programs', () => {
  beforeEach(() => resetApi());

  adminStateTests({
    tag: 'rp-admin-programs',
    path: '/admin/programs',
    schema: AdminProgramList,
    page: adminPartnerFixtures.programs,
    empty: { programs: [] },
    loadingText: 'Loading programs…',
    emptyText: 'No programs yet. Create one, then add the commission rules partners earn by.',
    list: '[part="program"]',
    addButton: '[part="new-button"]',
  });

  it('lists programs with their terms and rules in plain words, archived ones apart', async () => {
    const { el } = await render();
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Programs');
    const coffee = program(el, 1);
    expect(text(coffee.querySelector('h3'))).to.equal('Coffee Subscriptions');
    expect(text(coffee.querySelector('[part="badge"]'))).to.equal('Open for sign-up');
    expect(text(coffee.querySelector('[part="terms"]'))).to.equal('Currency USD Attribution window 30 days Hold period 30 days Partners 3');
    expect(sentences(el, 1)).to.deep.equal(['12.5% of each sale, for 12 months of renewals', '$25.00 per sale of GRINDER-PRO']);
    expect([...coffee.querySelectorAll('.scope')].map(text)).to.deep.equal([
      'All products',
      'Only product GRINDER-PRO: overrides the general sale rule',
    ]);
    expect(text(coffee.querySelector('.note'))).to.equal('Grinder bundle');
    expect(text(program(el, 2).querySelector('[part="badge"]'))).to.equal('By invitation');
    expect(sentences(el, 2)).to.deep.equal(['$15.00 per lead']);
    expect(text($(el, '.group-heading'))).to.equal('Archived');
    expect(text(program(el, 3).querySelector('.no-rules'))).to.equal('No rules yet: partners earn nothing in this program until you add one.');
    expect(program(el, 3).closest('.programs')!.previousElementSibling!.classList.contains('group-heading')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('creates a program and shows it', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[part="new-button"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#program-name'), 'name focused');
    expect(($(el, '#program-currency') as HTMLInputElement).value).to.equal('USD');
    await expect(el).to.be.accessible();

    type(el, '#program-name', 'Espresso Gear');
    type(el, '#program-description', 'Machines and grinders.');
    type(el, '#program-currency', 'eur');
    type(el, '#program-attributionWindowDays', '45');
    type(el, '#program-holdDays', '0');
    check(el, '#program-isOpen', false);
    const saved = oneEvent(el, 'rp-admin-program-saved');
    submit(el, 'program-form');
    expect((await saved).detail.program.name).to.equal('Espresso Gear');
    expect(writes(api)[0]).to.deep.include({
      method: 'POST',
      path: '/admin/programs',
      body: { name: 'Espresso Gear', description: 'Machines and grinders.', currency: 'EUR', attributionWindowDays: 45, holdDays: 0, isOpen: false },
    });
    await waitUntil(() => program(el, 4), 'new program shown');
    expect(text(program(el, 4).querySelector('[part="terms"]'))).to.equal('Currency EUR Attribution window 45 days Hold period None Partners 0');
    expect($(el, '[part="program-form"]')).to.equal(null);
    expect(status(el)).to.equal('Program Espresso Gear created.');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#program-4'), 'new program focused');
  });

  it('checks the program form first, then shows the server’s field errors and keeps the input', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[part="new-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#program-name'), 'form shown');
    type(el, '#program-currency', 'US');
    submit(el, 'program-form');
    await waitUntil(() => $(el, '#program-name-error') && $(el, '#program-currency-error'), 'browser errors shown');
    expect(writes(api)).to.deep.equal([]);

    worker.use(
      http.post(/\/admin\/programs$/, () =>
        replyError('invalid_request', 'Some fields need attention.', { currency: 'Use a three-letter ISO 4217 code such as USD.' }),
      ),
    );
    type(el, '#program-name', 'Espresso Gear');
    type(el, '#program-currency', 'XYZ');
    submit(el, 'program-form');
    await waitUntil(() => text($(el, '#program-currency-error')) === 'Use a three-letter ISO 4217 code such as USD.', 'server error shown');
    expect($(el, '#program-name-error')).to.equal(null);
    expect(($(el, '#program-name') as HTMLInputElement).value).to.equal('Espresso Gear');
    expect($(el, '#program-currency')!.getAttribute('aria-describedby')).to.equal('program-currency-hint program-currency-error');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#program-currency'), 'currency focused');
    await expect(el).to.be.accessible();
  });

  it('edits a program, sending only what changed, and archives it', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-edit-program="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="program-form"]'), 'form shown');
    expect(($(el, '#program-name') as HTMLInputElement).value).to.equal('Wholesale Referrals');
    expect(($(el, '#program-description') as HTMLTextAreaElement).value).to.equal('Introduce cafés and offices to our wholesale team.');
    expect(($(el, '#program-isOpen') as HTMLInputElement).checked).to.equal(false);
    await expect(el).to.be.accessible();

    submit(el, 'program-form');
    await waitUntil(() => status(el) === 'No changes to save.', 'nothing sent');
    expect(writes(api)).to.deep.equal([]);

    ($(el, '[data-edit-program="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="program-form"]'), 'form shown again');
    type(el, '#program-holdDays', '21');
    check(el, '#program-isOpen', true);
    submit(el, 'program-form');
    await waitUntil(() => status(el) === 'Program saved.', 'saved');
    expect(writes(api)[0]).to.deep.include({ method: 'PATCH', path: '/admin/programs/2', body: { holdDays: 21, isOpen: true } });
    expect(text(program(el, 2).querySelector('[part="badge"]'))).to.equal('Open for sign-up');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#program-2'), 'program focused');

    ($(el, '[data-edit-program="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#program-archived'), 'form shown a third time');
    check(el, '#program-archived', true);
    submit(el, 'program-form');
    await waitUntil(() => text(program(el, 2).querySelector('[part="badge"]')) === 'Archived', 'archived');
    expect(writes(api)[1]!.body).to.deep.equal({ archived: true });
    expect(program(el, 2).closest('.programs')!.previousElementSibling?.classList.contains('group-heading')).to.equal(true);
  });

  it('adds a percentage rule with recurring months, converted exactly to basis points', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-add-rule="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="rule-form"]'), 'rule form shown');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'input[name="type"][value="percent_of_sale"]'), 'type focused');
    await expect(el).to.be.accessible();
    type(el, '#rule-percent', '7.25');
    check(el, '#rule-recurring', true);
    await el.updateComplete;
    type(el, '#rule-months', '6');
    type(el, '#rule-sku', 'BEANS-1KG');
    submit(el, 'rule-form');
    await waitUntil(() => sentences(el, 2).length === 2, 'rule added');
    expect(writes(api)[0]).to.deep.include({
      method: 'POST',
      path: '/admin/programs/2/rules',
      body: { type: 'percent_of_sale', basisPoints: 725, recurringMonths: 6, productSku: 'BEANS-1KG', note: '' },
    });
    expect(sentences(el, 2)).to.deep.equal(['$15.00 per lead', '7.25% of each sale of BEANS-1KG, for 6 months of renewals']);
    expect(status(el)).to.equal('Rule added.');
  });

  it('adds flat rules from amounts typed in major units, without float errors', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-add-rule="3"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="rule-form"]'), 'rule form shown');
    await chooseType(el, 'flat_per_lead');
    expect($(el, '#rule-sku')).to.equal(null);
    expect($(el, '#rule-recurring')).to.equal(null);
    type(el, '#rule-amount', '0.29');
    type(el, '#rule-note', 'Per qualified café');
    submit(el, 'rule-form');
    await waitUntil(() => sentences(el, 3).length === 1, 'lead rule added');
    expect(writes(api)[0]!.body).to.deep.equal({
      type: 'flat_per_lead',
      amount: { amount: 29, currency: 'USD' },
      productSku: null,
      note: 'Per qualified café',
    });
    expect(sentences(el, 3)).to.deep.equal(['$0.29 per lead']);

    ($(el, '[data-add-rule="3"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="rule-form"]'), 'rule form shown again');
    await chooseType(el, 'flat_per_sale');
    type(el, '#rule-amount', '1,234.56');
    submit(el, 'rule-form');
    await waitUntil(() => sentences(el, 3).length === 2, 'sale rule added');
    expect(writes(api)[1]!.body).to.deep.equal({
      type: 'flat_per_sale',
      amount: { amount: 123456, currency: 'USD' },
      recurringMonths: null,
      productSku: null,
      note: '',
    });
    expect(sentences(el, 3)).to.deep.equal(['$0.29 per lead', '$1,234.56 per sale']);
  });

  it('refuses percentages and amounts it cannot send exactly', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-add-rule="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#rule-percent'), 'rule form shown');
    for (const [typed, message] of [
      ['100.5', 'Use at most 100%.'],
      ['12.345', 'Use at most two decimals.'],
      ['twelve', 'Enter a percentage such as 12.5.'],
    ]) {
      type(el, '#rule-percent', typed!);
      submit(el, 'rule-form');
      await waitUntil(() => text($(el, '#rule-percent-error')) === message, `error for ${typed}`);
    }
    expect($(el, '#rule-percent')!.getAttribute('aria-describedby')).to.equal('rule-percent-hint rule-percent-error');
    await expect(el).to.be.accessible();
    await chooseType(el, 'flat_per_sale');
    type(el, '#rule-amount', '5.001');
    submit(el, 'rule-form');
    await waitUntil(() => text($(el, '#rule-amount-error')) === 'USD has fewer decimal places than that.', 'amount error');
    expect(writes(api)).to.deep.equal([]);
  });

  it('edits a rule: another type and amount, the SKU kept', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-edit-rule="2"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="rule-form"]'), 'rule form shown');
    expect(($(el, 'input[name="type"]:checked') as HTMLInputElement).value).to.equal('flat_per_sale');
    expect(($(el, '#rule-amount') as HTMLInputElement).value).to.equal('25.00');
    expect(($(el, '#rule-sku') as HTMLInputElement).value).to.equal('GRINDER-PRO');
    expect(($(el, '#rule-note') as HTMLInputElement).value).to.equal('Grinder bundle');
    expect(($(el, '#rule-recurring') as HTMLInputElement).checked).to.equal(false);
    await chooseType(el, 'percent_of_sale');
    type(el, '#rule-percent', '15');
    submit(el, 'rule-form');
    await waitUntil(() => status(el) === 'Rule saved.', 'saved');
    expect(writes(api)[0]).to.deep.include({
      method: 'PATCH',
      path: '/admin/programs/1/rules/2',
      body: { type: 'percent_of_sale', basisPoints: 1500, recurringMonths: null, productSku: 'GRINDER-PRO', note: 'Grinder bundle' },
    });
    expect(sentences(el, 1)).to.deep.equal(['12.5% of each sale, for 12 months of renewals', '15% of each sale of GRINDER-PRO']);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-edit-rule="2"]'), 'edit button focused');
  });

  it('shows the server’s rule errors at their fields and keeps what was typed', async () => {
    const { el } = await render();
    await loaded(el);
    worker.use(
      http.post(/\/admin\/programs\/1\/rules$/, () =>
        replyError('conflict', 'The program already has a general percent_of_sale rule; change that one instead.', {
          type: 'One rule per type for each product (and one general).',
        }),
      ),
    );
    ($(el, '[data-add-rule="1"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#rule-percent'), 'rule form shown');
    type(el, '#rule-percent', '10');
    submit(el, 'rule-form');
    await waitUntil(() => $(el, '#rule-type-error'), 'type error shown');
    expect(text($(el, '#rule-type-error'))).to.equal('One rule per type for each product (and one general).');
    expect($(el, 'fieldset.types')!.getAttribute('aria-describedby')).to.equal('rule-type-error');
    expect(($(el, '#rule-percent') as HTMLInputElement).value).to.equal('10');
    await expect(el).to.be.accessible();

    worker.use(
      http.post(/\/admin\/programs\/1\/rules$/, () => replyError('invalid_request', 'Some fields need attention.', { 'amount.currency': "Use the program's currency, USD." })),
    );
    await chooseType(el, 'flat_per_sale');
    type(el, '#rule-amount', '3');
    submit(el, 'rule-form');
    await waitUntil(() => $(el, '#rule-amount-error'), 'amount error shown');
    expect(text($(el, '#rule-amount-error'))).to.equal("Use the program's currency, USD.");
  });

  it('removes a rule after a confirmation', async () => {
    const { el, api } = await render();
    await loaded(el);
    ($(el, '[data-remove-rule="1"]') as HTMLButtonElement).click();
    await waitUntil(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open, 'confirmation open');
    expect(text($(el, '#confirm-body'))).to.contain('12.5% of each sale, for 12 months of renewals (Coffee Subscriptions).');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog'), 'closed');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-remove-rule="1"]'), 'back on remove');
    expect(writes(api)).to.deep.equal([]);

    ($(el, '[data-remove-rule="1"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'dialog [data-confirm]'), 'open again');
    ($(el, 'dialog [data-confirm]') as HTMLButtonElement).click();
    await waitUntil(() => sentences(el, 1).length === 1, 'removed');
    expect(writes(api)[0]).to.deep.include({ method: 'DELETE', path: '/admin/programs/1/rules/1' });
    expect(status(el)).to.equal('Rule removed.');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-add-rule="1"]'), 'add rule focused');
  });

  it('reloads in place', async () => {
    const { el, api } = await render();
    await loaded(el);
    api.programs[0]!.enrolledPartners = 7;
    const reloading = el.reload();
    await el.updateComplete;
    expect($(el, '[part="loading"]')).to.equal(null);
    expect(program(el, 1)).to.not.equal(null);
    await reloading;
    await waitUntil(() => text(program(el, 1).querySelector('[part="terms"]')).endsWith('Partners 7'), 'count read again');
  });

  it('closes a form with Escape and returns focus', async () => {
    const { el } = await render();
    await loaded(el);
    ($(el, '[data-edit-rule="3"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#rule-amount'), 'rule form shown');
    ($(el, '#rule-amount') as HTMLInputElement).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, '[part="rule-form"]'), 'closed');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-edit-rule="3"]'), 'focus back');
  });
});
