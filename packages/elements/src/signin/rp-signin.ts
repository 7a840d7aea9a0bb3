import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { RpElement } from '../core/rp-element.js';
import { ApiError } from '../core/api-client.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { signinStyles } from './rp-signin.styles.js';


/**
 * The partner's sign-in form: partner code and password. Works on its own in any page (give it
 * `api-base`, and `redirect` to send the partner on to the center) or inside `<rp-center>` /
 * `<rp-portal>`. Shows who is signed in, with a way to sign out, once a session exists.
 *
 * @summary Partner sign-in form.
 *
 * @fires rp-signed-in - After a successful sign-in; `detail: { partner: { code, name } }`.
 * @fires rp-signed-out - After the partner signed out with this element's button; `detail: { reason: 'signed-out' }`.
 *
 * @slot header - Replaces the center's name and logo above the form.
 * @slot footer - Below the form, e.g. a "Forgot password?" or "Become a partner" link.
 *
 * @csspart card - The card around everything.
 * @csspart brand - The center's logo and name.
 * @csspart logo - The center's logo image.
 * @csspart heading - The "Partner sign-in" heading.
 * @csspart notice - The "session expired" notice.
 * @csspart error - The error message from the server.
 * @csspart form - The form.
 * @csspart label - Each field label.
 * @csspart input - Each text field.
 * @csspart toggle - The show/hide password button.
 * @csspart submit - The "Sign in" button.
 * @csspart status - "Signed in as …" when a session exists.
 * @csspart continue - The "Continue to partner center" link.
 * @csspart sign-out - The "Sign out" button.
 *
 * @cssprop --rp-signin-width - Maximum width of the card (default 26rem).
 * @cssprop --rp-accent - Accent colour of the button and links.
 * @cssprop --rp-shadow - Shadow of the card.
 *
 * @customElement rp-signin
 */
@localized()
export class RpSignin extends RpElement {
  static override styles = [baseStyles, signinStyles];

  /** Where to send the partner after signing in (e.g. `/partners/center.html`); none stays here. */
  @property() redirect?: string;

  @state() protected pending = false;
  @state() protected error: string | null = null;
  @state() protected showPassword = false;

  #get<T extends HTMLElement>(id: string): T | null {
    return this.renderRoot.querySelector<T>(`#${id}`);
  }

  #focusError = false;
  #signingIn = false;
  #focusStatus = false;

  /** Focuses the partner code field (or, when signed in, the status line). */
  override focus(options?: FocusOptions): void {
    const target = this.#get(this.store.signedIn ? 'status' : 'code');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Leaves the page for `url`; a subclass or test may replace how. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  protected override render(): TemplateResult {
    return html`<div class="card" part="card">
      <slot name="header">${this.brandTemplate()}</slot>
      ${this.store.signedIn ? this.signedInTemplate() : this.formTemplate()}
      <slot name="footer"></slot>
    </div>`;
  }

  /** The center's logo and name, once the public settings are loaded. */
  protected brandTemplate(): TemplateResult | typeof nothing {
    const center = this.store.center;
    if (!center) return nothing;
    return html`<div class="brand" part="brand">
      ${center.branding.logoUrl
        ? html`<img part="logo" src=${center.branding.logoUrl} alt="" />`
        : html`<span class="monogram" aria-hidden="true">${center.name.trim().charAt(0).toUpperCase()}</span>`}
      <span>${center.name}</span>
    </div>`;
  }

  protected formTemplate(): TemplateResult {
    const expired = this.store.lastSignOutReason === 'expired';
    return html`
      <h2 part="heading">${msg('Partner sign-in')}</h2>
      <p class="lead">${msg('Sign in with the partner code and password you received when you joined.')}</p>
      ${expired
        ? html`<p class="notice" part="notice" role="status">${msg('Your session expired. Please sign in again.')}</p>`
        : nothing}
      <div id="error" class="error ${this.error ? 'shown' : ''}" part="error" role="alert" tabindex="-1">${this.error ?? nothing}</div>
      <form part="form" aria-busy=${this.pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <div class="field">
          <label part="label" for="code">${msg('Partner code')}</label>
          <input
            part="input"
            id="code"
            name="code"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            maxlength="40"
            aria-describedby=${this.error ? 'error' : nothing}
            ?readonly=${this.pending}
          />
        </div>
        <div class="field">
          <label part="label" for="password">${msg('Password')}</label>
          <div class="password">
            <input
              part="input"
              id="password"
              name="password"
              type=${this.showPassword ? 'text' : 'password'}
              autocomplete="current-password"
              required
              maxlength="256"
              aria-describedby=${this.error ? 'error' : nothing}
              ?readonly=${this.pending}
            />
            <button
              part="toggle"
              class="toggle"
              type="button"
              aria-pressed=${this.showPassword ? 'true' : 'false'}
              aria-label=${this.showPassword ? msg('Hide password') : msg('Show password')}
              aria-controls="password"
              @click=${this.togglePassword}
            >
              ${this.showPassword ? msg('Hide') : msg('Show')}
            </button>
          </div>
        </div>
        <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
          ${this.pending ? msg('Signing in…') : msg('Sign in')}
        </button>
      </form>
    `;
  }

  protected signedInTemplate(): TemplateResult {
    const name = this.store.session?.partner.name ?? '';
    return html`
      <p class="signed-in-status" part="status" role="status" tabindex="-1" id="status">
        ${msg(html`Signed in as <strong>${name}</strong>`)}
      </p>
      <div class="actions">
        ${this.redirect
          ? html`<a part="continue" class="button" href=${this.redirect}>${msg('Continue to partner center')}</a>`
          : nothing}
        <button part="sign-out" type="button" @click=${this.onSignOut}>${msg('Sign out')}</button>
      </div>
    `;
  }

  protected togglePassword(): void {
    this.showPassword = !this.showPassword;
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const form = event.currentTarget as HTMLFormElement;
    // The browser's own constraints (required) run before anything is sent.
    if (!form.reportValidity()) return;
    const code = this.#get<HTMLInputElement>('code')!.value.trim();
    const password = this.#get<HTMLInputElement>('password')!.value;
    this.pending = true;
    this.error = null;
    this.#signingIn = true;
    try {
      await this.store.signIn(code, password);
      this.pending = false;
      this.showPassword = false;
      this.#focusStatus = !this.redirect;
      if (this.redirect) this.navigate(this.redirect);
    } catch (error) {
      this.#signingIn = false;
      this.pending = false;
      this.error = this.messageFor(error);
      this.#focusError = true;
      await this.updateComplete;
      const passwordInput = this.#get<HTMLInputElement>('password');
      if (passwordInput) passwordInput.value = '';
    }
  }

  /** The sentence shown for a failed sign-in. */
  protected messageFor(error: unknown): string {
    if (!(error instanceof ApiError)) return msg('Something went wrong. Please try again.');
    if (error.code === 'throttled' && error.retryAfterSeconds && !/try again/i.test(error.message)) {
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return `${error.message} ${msg(str`Try again in ${minutes} minutes.`)}`;
    }
    return error.message;
  }

  protected override storeChanged(): void {
    // Fired while the store announces the session, before an enclosing portal swaps this
    // element out, so listeners on the portal hear it too.
    const session = this.store.session;
    if (this.#signingIn && session) {
      this.#signingIn = false;
      fire(this, 'rp-signed-in', { partner: session.partner });
    }
    super.storeChanged();
  }

  protected async onSignOut(): Promise<void> {
    await this.store.signOut();
    fire(this, 'rp-signed-out', { reason: 'signed-out' });
    await this.updateComplete;
    this.#get('code')?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusError && this.error) {
      this.#focusError = false;
      this.#get('error')?.focus();
    }
    if (this.#focusStatus && this.store.signedIn) {
      this.#focusStatus = false;
      this.#get('status')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-signin': RpSignin;
  }
}

RpSignin.define('rp-signin');
