import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { readCookie, readOptions, startTracking } from './rp-track.js';

const cookieProperty = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;

/** Records every cookie the script writes (attributes included, which document.cookie never shows). */
function spyOnCookies(): { writes: string[]; restore(): void } {
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookieProperty.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      cookieProperty.set!.call(document, value);
    },
  });
  return { writes, restore: () => delete (document as { cookie?: string }).cookie };
}

function clearCookie(): void {
  document.cookie = 'rp_click=; Max-Age=0; Path=/';
}

describe('rp-track', () => {
  const start = location.href;
  let stop: (() => void) | undefined;

  beforeEach(clearCookie);
  afterEach(() => {
    stop?.();
    stop = undefined;
    clearCookie();
    history.replaceState(null, '', start);
  });

  it('defines window.rpTrack once, on import', () => {
    expect(window.rpTrack).to.exist;
    expect(window.rpTrack!.clickId).to.be.a('function');
  });

  it('keeps the click id from the address in a first-party cookie and removes it from the address', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <input type="hidden" name="rp_click" id="a" />
      <input type="text" data-rp-click id="b" />
      <input type="hidden" name="other" id="c" value="keep" />
      <input type="text" name="rp_click" id="d" />
    </form>`);
    history.replaceState(null, '', '/landing/page?utm_source=blog&rp_click=Abc123_-XYZ789ab&x=1#top');
    const spy = spyOnCookies();
    try {
      const tracker = startTracking({ windowDays: 7, cookieDomain: null });
      stop = tracker.stop;
      expect(tracker.clickId()).to.equal('Abc123_-XYZ789ab');
      expect(spy.writes).to.deep.equal(['rp_click=Abc123_-XYZ789ab; Max-Age=604800; Path=/; SameSite=Lax']);
    } finally {
      spy.restore();
    }
    expect(readCookie()).to.equal('Abc123_-XYZ789ab');
    expect(`${location.pathname}${location.search}${location.hash}`).to.equal('/landing/page?utm_source=blog&x=1#top');
    expect((form.querySelector('#a') as HTMLInputElement).value).to.equal('Abc123_-XYZ789ab');
    expect((form.querySelector('#b') as HTMLInputElement).value).to.equal('Abc123_-XYZ789ab');
    expect((form.querySelector('#c') as HTMLInputElement).value).to.equal('keep');
    expect((form.querySelector('#d') as HTMLInputElement).value, 'only hidden fields by name').to.equal('');
  });

  it('fills forms added later', async () => {
    history.replaceState(null, '', '/?rp_click=Later123Later123');
    stop = startTracking({ windowDays: 30, cookieDomain: null }).stop;
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = '<form><fieldset><input type="hidden" name="rp_click"></fieldset></form>';
    const lone = document.createElement('input');
    lone.setAttribute('data-rp-click', '');
    host.append(lone);
    await nextFrame();
    expect((host.querySelector('input[name="rp_click"]') as HTMLInputElement).value).to.equal('Later123Later123');
    expect(lone.value).to.equal('Later123Later123');
  });

  it('reads the click id from the cookie on later pages', async () => {
    document.cookie = 'rp_click=FromCookie123456; Path=/';
    const form = await fixture<HTMLFormElement>(html`<form><input type="hidden" name="rp_click" /></form>`);
    const tracker = startTracking({ windowDays: 30, cookieDomain: null });
    stop = tracker.stop;
    expect(tracker.clickId()).to.equal('FromCookie123456');
    expect(form.querySelector('input')!.value).to.equal('FromCookie123456');
  });

  it('sets the cookie for a configured parent domain', () => {
    history.replaceState(null, '', '/?rp_click=Domain1234567890');
    const spy = spyOnCookies();
    try {
      stop = startTracking({ windowDays: 90, cookieDomain: '.example.com' }).stop;
    } finally {
      spy.restore();
    }
    expect(spy.writes).to.deep.equal(['rp_click=Domain1234567890; Max-Age=7776000; Path=/; SameSite=Lax; Domain=.example.com']);
  });

  it('ignores a malformed click id (no cookie attributes smuggled in) but still cleans the address', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><input type="hidden" name="rp_click" /></form>`);
    history.replaceState(null, '', '/?rp_click=abc%3B%20Domain%3Devil.com&keep=1');
    const spy = spyOnCookies();
    let tracker;
    try {
      tracker = startTracking({ windowDays: 30, cookieDomain: null });
      stop = tracker.stop;
    } finally {
      spy.restore();
    }
    expect(spy.writes).to.deep.equal([]);
    expect(tracker.clickId()).to.equal(null);
    expect(location.search).to.equal('?keep=1');
    expect(form.querySelector('input')!.value).to.equal('');
  });

  it('does nothing without a click id', async () => {
    history.replaceState(null, '', '/plain?x=1');
    const form = await fixture<HTMLFormElement>(html`<form><input type="hidden" name="rp_click" value="" /></form>`);
    const tracker = startTracking({ windowDays: 30, cookieDomain: null });
    stop = tracker.stop;
    expect(tracker.clickId()).to.equal(null);
    expect(location.search).to.equal('?x=1');
    expect(form.querySelector('input')!.value).to.equal('');
  });

  it('reads its options from the script tag, with safe defaults', () => {
    const tag = (attrs: Record<string, string>) => {
      const script = document.createElement('script');
      for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
      return script;
    };
    expect(readOptions(null)).to.deep.equal({ windowDays: 30, cookieDomain: null });
    expect(readOptions(tag({ 'data-window-days': '90', 'data-cookie-domain': '.example.com' }))).to.deep.equal({ windowDays: 90, cookieDomain: '.example.com' });
    expect(readOptions(tag({ 'data-window-days': 'soon', 'data-cookie-domain': 'x; Secure' }))).to.deep.equal({ windowDays: 30, cookieDomain: null });
    expect(readOptions(tag({ 'data-window-days': '-3' })).windowDays).to.equal(30);
  });
});
