import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CenterForPartner } from '@rp/contract';
import { fixtures, freshApiBase, http, reply, resetApi, worker } from '../../test/api-mock.js';
import { signedIn } from '../../test/signed-in.js';
import { storeFor } from '../core/center-store.js';
import type { RpNav } from '../nav/rp-nav.js';
import type { RpPortal } from '../portal/rp-portal.js';
import type { RpSignin } from '../signin/rp-signin.js';
import type { RpCenter } from './rp-center.js';
import './rp-center.js';
import '../nav/rp-nav.js';
import '../signin/rp-signin.js';


const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('rp-center', () => {
  beforeEach(() => {
    resetApi();
    worker.use(http.get('*/partner/center', () => reply(CenterForPartner, fixtures.partnerCenter)));
  });

  it('provides its store to the elements inside it, which then share one sign-in', async () => {
    const apiBase = freshApiBase();
    storeFor(apiBase, 'none');
    const center = await fixture<RpCenter>(html`<rp-center api-base=${apiBase}>
      <rp-signin></rp-signin>
      <div><rp-nav current="welcome"></rp-nav></div>
    </rp-center>`);
    const signin = center.querySelector<RpSignin>('rp-signin')!;
    const nav = center.querySelector<RpNav>('rp-nav')!;
    expect(center.shadowRoot!.querySelector('slot')).to.exist;
    expect(center.shadowRoot!.querySelector('rp-portal')).to.equal(null);
    expect(signin.store).to.equal(center.store);
    expect(nav.store).to.equal(center.store);
    expect(center.store).to.equal(storeFor(apiBase));
    await nav.updateComplete;
    expect($(nav, '[part="signed-out"]')).to.exist;
    await expect(center).to.be.accessible();

    $<HTMLInputElement>(signin, '#code').focus();
    await sendKeys({ type: 'demo' });
    $<HTMLInputElement>(signin, '#password').focus();
    await sendKeys({ type: 'demo-partner' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(nav, 'nav'), 'the menu never saw the sign-in');

    const signedOut = oneEvent(center, 'rp-signed-out');
    $<HTMLButtonElement>(signin, '[part="sign-out"]').click();
    await signedOut;
    await nav.updateComplete;
    expect($(nav, '[part="signed-out"]')).to.exist;
  });

  it('gives late-upgraded children the store too', async () => {
    const apiBase = freshApiBase();
    const center = await fixture<RpCenter>(html`<rp-center api-base=${apiBase}><p>Intro</p></rp-center>`);
    const nav = document.createElement('rp-nav');
    center.append(nav);
    await nav.updateComplete;
    expect(nav.store).to.equal(center.store);
  });

  it('shows the whole center when it has no children', async () => {
    const apiBase = freshApiBase();
    await signedIn(apiBase);
    const center = await fixture<RpCenter>(html`<rp-center api-base=${apiBase} session-storage="none"></rp-center>`);
    const portal = $<RpPortal>(center, 'rp-portal');
    expect(portal).to.exist;
    expect(portal.getAttribute('api-base')).to.equal(apiBase);
    expect(portal.store).to.equal(center.store);
    await waitUntil(() => portal.shadowRoot!.querySelector('#section'), 'center never shown');
    await expect(center).to.be.accessible();
  });

  it('switches from the whole center to its children when some are added', async () => {
    const center = await fixture<RpCenter>(html`<rp-center api-base=${freshApiBase()}></rp-center>`);
    expect($(center, 'rp-portal')).to.exist;
    center.append(document.createElement('rp-nav'));
    await waitUntil(() => $(center, 'slot'), 'never switched to the slot');
    expect($(center, 'rp-portal')).to.equal(null);
  });

  it('provides a new store when api-base changes', async () => {
    const first = freshApiBase();
    const second = freshApiBase();
    const center = await fixture<RpCenter>(html`<rp-center api-base=${first}><rp-nav></rp-nav></rp-center>`);
    const nav = center.querySelector<RpNav>('rp-nav')!;
    expect(nav.store).to.equal(storeFor(first));
    center.apiBase = second;
    await center.updateComplete;
    await nav.updateComplete;
    expect(center.store).to.equal(storeFor(second));
    expect(nav.store).to.equal(storeFor(second));
  });
});
