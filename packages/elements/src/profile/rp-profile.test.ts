import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Profile, ProfileUpdate } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, replyError, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { $, sectionStateTests, text } from '../../test/section-kit.js';
import type { RpProfile } from './rp-profile.js';
import './rp-profile.js';

const input = (el: Element, name: string) => $<HTMLInputElement>(el, `input[name="${name}"]`)!;
const activeInShadow = (el: Element) => el.shadowRoot!.activeElement;

/** The read view as label → value. */
function details(el: Element): Record<string, string> {
  const entries = [...el.shadowRoot!.querySelectorAll('dl.details > div')].map(
    (row) => [text(row.querySelector('dt')!), row.querySelector('dd')!.innerText.replace(/\s+/g, ' ').trim()] as const,
  );
  return Object.fromEntries(entries);
}

function setValue(el: Element, name: string, value: string): void {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function loaded(apiBase: string): Promise<RpProfile> {
  await signedIn(apiBase);
  const el = await fixture<RpProfile>(html`<rp-profile api-base=${apiBase}></rp-profile>`);
  await waitUntil(() => $(el, '[part="edit-button"]'), 'profile loaded');
  return el;
}

async function openForm(el: RpProfile): Promise<void> {
  $(el, '[part="edit-button"]')!.click();
  await waitUntil(() => $(el, 'form'), 'form shown');
}

/** Captures PATCH bodies, parsed by the contract; answers with the merged profile. */
function capturePatches(): ProfileUpdate[] {
  const bodies: ProfileUpdate[] = [];
  worker.use(
    http.patch('*/partner/profile', async ({ request }) => {
      const update = ProfileUpdate.parse(await request.json());
      bodies.push(update);
      return reply(Profile, {
        ...fixtures.profile,
        ...update,
        address: { ...fixtures.profile.address, ...update.address },
        updatedAt: '2026-11-01T12:00:00.000Z',
      });
    }),
  );
  return bodies;
}

describe('rp-profile', () => {
  beforeEach(() => resetApi());

  it('shows the profile as a definition list', async () => {
    const el = await loaded(freshApiBase());
    expect($(el, 'h2')!.textContent).to.equal('My Profile');
    expect(details(el)).to.deep.equal({
      'Partner code': 'demo',
      Status: 'Active',
      Name: 'Dana Demo',
      Email: 'dana@example.com',
      Company: 'Demo Media LLC',
      Phone: '+1 555 0100',
      Website: 'https://dana.example.com',
      'Payout email': 'Same as contact email',
      Address: '1 Main St Springfield, IL 62701 United States',
      'Member since': 'March 1, 2025',
    });
    expect($(el, 'dd a')!.getAttribute('href')).to.equal('https://dana.example.com');
    expect(text($(el, '[part="edit-button"]')!)).to.equal('Edit profile');
    await expect(el).to.be.accessible();
  });

  it('marks fields the partner has not given', async () => {
    const apiBase = freshApiBase();
    worker.use(
      http.get('*/partner/profile', () =>
        reply(Profile, {
          ...fixtures.profile,
          status: 'pending',
          company: '',
          phone: '',
          website: '',
          payoutEmail: 'pay@example.com',
          address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' },
        }),
      ),
    );
    const el = await loaded(apiBase);
    const shown = details(el);
    expect(shown.Company).to.equal('Not given');
    expect(shown.Phone).to.equal('Not given');
    expect(shown.Website).to.equal('Not given');
    expect(shown.Address).to.equal('Not given');
    expect(shown['Payout email']).to.equal('pay@example.com');
    expect(shown.Status).to.equal('Pending approval');
    await expect(el).to.be.accessible();
  });

  sectionStateTests({
    tag: 'rp-profile',
    path: '/partner/profile',
    schema: Profile,
    page: fixtures.profile,
    shown: (el) => $(el, 'dl.details'),
    loadingText: 'Loading your profile…',
    errorText: 'Profiles are unavailable.',
  });

  it('opens a labelled form with the current values and the browser constraints', async () => {
    const el = await loaded(freshApiBase());
    await openForm(el);
    const labels = [...el.shadowRoot!.querySelectorAll('form label')].map((label) => text(label).replace('*', ''));
    expect(labels).to.deep.equal([
      'Name', 'Email', 'Company', 'Phone', 'Website', 'Address line 1', 'Address line 2',
      'City', 'State / region', 'Postal code', 'Country', 'Payout email',
    ]);
    for (const label of el.shadowRoot!.querySelectorAll('form label')) {
      expect(el.shadowRoot!.getElementById(label.getAttribute('for')!)).to.be.instanceOf(HTMLInputElement);
    }
    expect(activeInShadow(el)).to.equal(input(el, 'name'));
    expect(input(el, 'name').value).to.equal('Dana Demo');
    expect(input(el, 'name').required).to.equal(true);
    expect(input(el, 'email').type).to.equal('email');
    expect(input(el, 'website').type).to.equal('url');
    expect(input(el, 'address.country').value).to.equal('US');
    expect(input(el, 'address.country').maxLength).to.equal(2);
    expect(input(el, 'address.country').pattern).to.equal('[A-Za-z]{2}');
    await expect(el).to.be.accessible();
  });

  it('saves only the changed fields when Enter is pressed, then shows the new data and fires rp-profile-saved', async () => {
    const el = await loaded(freshApiBase());
    const bodies = capturePatches();
    await openForm(el);
    setValue(el, 'email', 'dana@new.example.com');
    setValue(el, 'address.city', 'Chicago');
    setValue(el, 'address.country', 'us');
    setValue(el, 'company', '  Demo Media LLC  ');
    input(el, 'phone').focus();
    const saved = oneEvent(el, 'rp-profile-saved');
    await sendKeys({ press: 'Enter' });
    const event = await saved;
    expect(bodies).to.deep.equal([{ email: 'dana@new.example.com', address: { city: 'Chicago' } }]);
    expect(event.detail).to.deep.equal({ changed: ['email', 'address.city'] });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    await waitUntil(() => $(el, 'dl.details'), 'read view after save');
    expect(details(el).Email).to.equal('dana@new.example.com');
    expect(details(el).Address).to.contain('Chicago, IL 62701');
    const status = $(el, '[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('Profile saved.');
    expect(activeInShadow(el)).to.equal($(el, '[part="edit-button"]'));
    await expect(el).to.be.accessible();
  });

  it('disables the button and says "Saving…" while saving', async () => {
    const el = await loaded(freshApiBase());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.patch('*/partner/profile', async () => {
        await gate;
        return reply(Profile, { ...fixtures.profile, name: 'Dana D.' });
      }),
    );
    await openForm(el);
    setValue(el, 'name', 'Dana D.');
    $(el, '[part="save-button"]')!.click();
    await waitUntil(() => $<HTMLButtonElement>(el, '[part="save-button"]')!.disabled, 'button disabled');
    expect(text($(el, '[part="save-button"]')!)).to.equal('Saving…');
    release();
    await waitUntil(() => $(el, 'dl.details'), 'read view after save');
    expect(details(el).Name).to.equal('Dana D.');
  });

  it('checks the browser constraints before sending anything', async () => {
    const el = await loaded(freshApiBase());
    const bodies = capturePatches();
    await openForm(el);
    setValue(el, 'name', '');
    setValue(el, 'address.country', 'USA1');
    $(el, '[part="save-button"]')!.click();
    await waitUntil(() => input(el, 'name').getAttribute('aria-invalid') === 'true', 'name marked invalid');
    expect(input(el, 'address.country').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
    expect(activeInShadow(el)).to.equal(input(el, 'name'));
    const errorId = input(el, 'name').getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(errorId)!.textContent).to.not.equal('');
    expect(bodies).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows server field errors at their fields and focuses the first one', async () => {
    const el = await loaded(freshApiBase());
    worker.use(
      http.patch('*/partner/profile', () =>
        replyError('invalid_request', 'Check the highlighted fields.', {
          'address.country': 'Use a two-letter country code such as US.',
          email: 'This email is already used by another partner.',
        }),
      ),
    );
    await openForm(el);
    setValue(el, 'email', 'taken@example.com');
    $(el, '[part="save-button"]')!.click();
    await waitUntil(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 'email marked invalid');
    for (const [name, message] of [
      ['email', 'This email is already used by another partner.'],
      ['address.country', 'Use a two-letter country code such as US.'],
    ] as const) {
      const field = input(el, name);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const ids = field.getAttribute('aria-describedby')!.split(' ');
      const messages = ids.map((id) => el.shadowRoot!.getElementById(id)!.textContent);
      expect(messages).to.include(message);
    }
    expect(input(el, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect(activeInShadow(el)).to.equal(input(el, 'email'));
    expect($(el, '[part="form-error"]')).to.equal(null);
    expect(text($(el, '[part="save-button"]')!)).to.equal('Save changes');
    await expect(el).to.be.accessible();
    // Fixing a field clears its message.
    setValue(el, 'email', 'free@example.com');
    await el.updateComplete;
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows a general message for errors that belong to no field', async () => {
    const el = await loaded(freshApiBase());
    worker.use(http.patch('*/partner/profile', () => replyError('throttled', 'Too many changes; try again in a minute.')));
    await openForm(el);
    setValue(el, 'company', 'New Co');
    $(el, '[part="save-button"]')!.click();
    await waitUntil(() => $(el, '[part="form-error"]'), 'form error shown');
    const error = $(el, '[part="form-error"]')!;
    expect(text(error)).to.equal('Too many changes; try again in a minute.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect($(el, 'input[aria-invalid="true"]')).to.equal(null);
    expect(input(el, 'company').value).to.equal('New Co');
    await expect(el).to.be.accessible();
  });

  it('discards the edits on Cancel and on Escape', async () => {
    const el = await loaded(freshApiBase());
    const bodies = capturePatches();
    await openForm(el);
    setValue(el, 'name', 'Someone Else');
    $(el, '[part="cancel-button"]')!.click();
    await waitUntil(() => $(el, 'dl.details'), 'read view after cancel');
    expect(details(el).Name).to.equal('Dana Demo');
    expect(activeInShadow(el)).to.equal($(el, '[part="edit-button"]'));
    await openForm(el);
    expect(input(el, 'name').value).to.equal('Dana Demo');
    setValue(el, 'name', 'Someone Else');
    input(el, 'name').focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => $(el, 'dl.details'), 'read view after Escape');
    expect(details(el).Name).to.equal('Dana Demo');
    expect(bodies).to.have.length(0);
  });

  it('sends nothing when nothing changed', async () => {
    const el = await loaded(freshApiBase());
    const bodies = capturePatches();
    let fired = false;
    el.addEventListener('rp-profile-saved', () => (fired = true));
    await openForm(el);
    $(el, '[part="save-button"]')!.click();
    await waitUntil(() => $(el, 'dl.details'), 'read view');
    expect(text($(el, '[part="status"]')!)).to.equal('No changes to save.');
    expect(bodies).to.have.length(0);
    expect(fired).to.equal(false);
  });
});
