import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { PasswordResetAccepted } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { ApiError } from '../core/api-client.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { errorText } from './error-text.js';
import { partnerFormStyles } from './partner-form.styles.js';
import { signinStyles } from './rp-signin.styles.js';


/**
 * The partner's sign-in form: partner code and password. Works on its own in any page (give it
 * `api-base`, and `redirect` to send the partner on to the center) or inside `<rp-center>` /
 * `<rp-portal>`. Shows who is signed in, with a way to sign out, once a session exists.
 *
 * "Forgot password?" turns the card into a form asking for the partner code or email; the server
 * mails a single-use link to the reset page and answers the same whether or not an account
 * matched, and the card shows that answer, with a way back to sign in.
 *
 * @summary Partner sign-in form.
 *
 * @fires rp-signed-in - After a successful sign-in; `detail: { partner: { code, name } }`.
 * @fires rp-signed-out - After the partner signed out with this element's button; `detail: { reason: 'signed-out' }`.
 *
 * @slot header - Replaces the center's name and logo above the form.
 * @slot footer - Below the form, e.g. a "Become a partner" link.
 *
 * @csspart card - The card around everything.
 * @csspart brand - The center's logo and name.
 * @csspart logo - The center's logo image.
 * @csspart heading - The "Partner sign-in" (or "Reset your password") heading.
 * @csspart notice - The "session expired" notice, or the server's answer to a reset request.
 * @csspart error - The error message from the server.
 * @csspart form - The form.
 * @csspart label - Each field label.
 * @csspart input - Each text field.
 * @csspart toggle - The show/hide password button.
 * @csspart submit - The "Sign in" (or "Send reset link") button.
 * @csspart forgot - The "Forgot password?" button.
 * @csspart back - The "Back to sign in" button of the reset request.
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
  static override styles = [baseStyles, partnerFormStyles, signinStyles];

  /** Where to send the partner after signing in (e.g. `/partners/center.html`); none stays here. */
  @property() redirect?: string;

  @state() protected pending = false;
  @state() protected error: string | null = null;
  @state() protected showPassword = false;
  /** Whether the card asks for a reset link ("Forgot password?") instead of signing in. */
  @state() protected forgotten = false;
  /** The server's answer to a reset request: the same whether or not an account matched. */
  @state() protected sent = '';
  /** Set while our own sign-in request runs, so only this element announces it. */
  protected signingIn = false;
  /** The id of what to focus once the next update has rendered it. */
  protected focusId = '';

  protected byId<T extends HTMLElement = HTMLInputElement>(id: string): T | null {
    return this.renderRoot.querySelector<T>(`#${id}`);
  }

  /** Focuses the partner code field (or, when signed in, the status line). */
  override focus(options?: FocusOptions): void {
    const target = this.byId(this.store.signedIn ? 'status' : 'code');
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

  /**
   * The sign-in form, or the reset request: the same card with the partner code field (then
   * also taking an email), so what the partner typed stays when they switch.
   */
  protected formTemplate(): TemplateResult {
    const forgot = this.forgotten;
    const described = this.error ? 'error' : nothing;
    return html`
      <h2 part="heading">${forgot ? msg('Reset your password') : msg('Partner sign-in')}</h2>
      <p class="lead">
        ${forgot
          ? msg('Enter your partner code or the email address you joined with, and we will send you a link to choose a new password.')
          : msg('Sign in with the partner code and password you received when you joined.')}
      </p>
      ${this.store.lastSignOutReason === 'expired' && !forgot
        ? html`<p class="notice" part="notice" role="status">${msg('Your session expired. Please sign in again.')}</p>`
        : nothing}
      <div id="error" class="error ${this.error ? 'shown' : ''}" part="error" role="alert" tabindex="-1">${this.error}</div>
      ${this.sent
        ? html`<p id="sent" class="notice" part="notice" role="status" tabindex="-1">${this.sent}</p>`
        : html`<form part="form" aria-busy=${this.pending} @submit=${this.onSubmit}>
            <div class="field">
              <label part="label" for="code">${forgot ? msg('Partner code or email') : msg('Partner code')}</label>
              <input part="input" id="code" name="code" autocomplete="username" autocapitalize="none" spellcheck="false" required
                maxlength=${forgot ? 254 : 40} aria-describedby=${described} ?readonly=${this.pending} />
            </div>
            ${forgot
              ? nothing
              : html`<div class="field">
                  <label part="label" for="password">${msg('Password')}</label>
                  <div class="password">
                    <input part="input" id="password" name="password" type=${this.showPassword ? 'text' : 'password'} autocomplete="current-password"
                      required maxlength="256" aria-describedby=${described} ?readonly=${this.pending} />
                    <button part="toggle" class="toggle" type="button" aria-controls="password" aria-pressed=${this.showPassword}
                      aria-label=${this.showPassword ? msg('Hide password') : msg('Show password')} @click=${this.togglePassword}>
                      ${this.showPassword ? msg('Hide') : msg('Show')}
                    </button>
                  </div>
                </div>`}
            <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
              ${forgot
                ? this.pending ? msg('Sending…') : msg('Send reset link')
                : this.pending ? msg('Signing in…') : msg('Sign in')}
            </button>
          </form>`}
      <button part=${forgot ? 'back' : 'forgot'} class="link" type="button" @click=${this.toggleForgot}>
        ${forgot ? msg('Back to sign in') : msg('Forgot password?')}
      </button>
    `;
  }

  protected signedInTemplate(): TemplateResult {
    return html`
      <p part="status" role="status" tabindex="-1" id="status">
        ${msg(html`Signed in as <strong>${this.store.session?.partner.name}</strong>`)}
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

  /** Switches between signing in and asking for a reset link. */
  protected toggleForgot(): void {
    if (this.pending) return;
    this.forgotten = !this.forgotten;
    this.sent = '';
    this.error = null;
    this.focusId = 'code';
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The browser's own constraints (required) run before anything is sent.
    if (this.pending || !(event.currentTarget as HTMLFormElement).reportValidity()) return;
    const code = this.byId('code')!.value.trim();
    const password = this.byId('password');
    this.pending = true;
    this.error = null;
    this.signingIn = !this.forgotten;
    try {
      if (!password) {
        const answer = await this.store.client.post<PasswordResetAccepted>('/auth/password-reset', { body: { identifier: code } });
        this.sent = answer.message;
        this.focusId = 'sent';
      } else {
        await this.store.signIn(code, password.value);
        this.showPassword = false;
        if (this.redirect) this.navigate(this.redirect);
        else this.focusId = 'status';
      }
    } catch (error) {
      this.signingIn = false;
      this.error = this.messageFor(error);
      this.focusId = 'error';
      if (password) password.value = '';
    }
    this.pending = false;
  }

  /** The sentence shown for a failed sign-in or reset request. */
  protected messageFor(error: unknown): string {
    return (error instanceof ApiError && error.fields.identifier) || errorText(error);
  }

  protected override storeChanged(): void {
    // Fired while the store announces the session, before an enclosing portal swaps this
    // element out, so listeners on the portal hear it too.
    const session = this.store.session;
    if (this.signingIn && session) {
      this.signingIn = false;
      fire(this, 'rp-signed-in', { partner: session.partner });
    }
    super.storeChanged();
  }

  protected async onSignOut(): Promise<void> {
    await this.store.signOut();
    fire(this, 'rp-signed-out', { reason: 'signed-out' });
    this.focusId = 'code';
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusId) this.byId(this.focusId)?.focus();
    this.focusId = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-signin': RpSignin;
  }
}

RpSignin.define('rp-signin');
