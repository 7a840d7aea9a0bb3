import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../../core/api-client.js';
import { RpAdminElement, adminFire } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { partnerFormStyles } from '../../signin/partner-form.styles.js';
import { adminSigninStyles } from './rp-admin-signin.styles.js';

type Field = 'email' | 'password';

/**
 * The merchant's sign-in to the back office: email and password. Every `rp-admin-*` element on
 * the page for the same `api-base` shares the session it starts, and shows its signed-out state
 * until then. Says so when the password is wrong, when sign-in is throttled (and for how long),
 * and when an earlier session expired. Once signed in it shows "Signed in as …" with Sign out.
 *
 * While signed in the element matches the CSS custom state `:state(signed-in)`, so a page can lay
 * itself out for either case without script: `body:has(rp-admin-signin:state(signed-in))`.
 *
 * @summary Back-office sign-in for the merchant's staff.
 *
 * @fires rp-admin-signed-in - After a successful sign-in; `detail: { admin: { email, name } }`.
 * @fires rp-admin-signed-out - After signing out with this element's button; `detail: { reason: 'signed-out' }`.
 *
 * @slot header - Replaces the heading and introduction above the form.
 * @slot footer - Below the form, e.g. whom to ask for an account.
 *
 * @csspart card - The card around the form.
 * @csspart heading - The "Back-office sign-in" heading.
 * @csspart notice - The "session expired" notice.
 * @csspart error - The error message from the server.
 * @csspart form - The form.
 * @csspart label - Each field label.
 * @csspart input - Each text field.
 * @csspart field-error - A field's error message.
 * @csspart toggle - The show/hide password button.
 * @csspart submit - The "Sign in" button.
 * @csspart account - The signed-in bar.
 * @csspart avatar - The admin's initials in the signed-in bar.
 * @csspart status - "Signed in as …".
 * @csspart email - The admin's email under it.
 * @csspart sign-out - The "Sign out" button.
 *
 * @cssprop --rp-admin-signin-width - Maximum width of the sign-in card (default 26rem).
 * @cssprop --rp-accent - Accent colour of the button, links and avatar.
 * @cssprop --rp-accent-contrast - Text colour on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-shadow - Shadow of the card.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-signin
 */
@localized()
export class RpAdminSignin extends RpAdminElement {
  static override styles = [adminStyles, partnerFormStyles, adminSigninStyles];

  @state() protected pending = false;
  @state() protected error: string | null = null;
  @state() protected fieldErrors: Partial<Record<Field, string>> = {};
  @state() protected showPassword = false;

  readonly #internals = this.attachInternals();
  #signingIn = false;
  #focus: 'error' | 'status' | 'email' | null = null;

  #get<T extends HTMLElement>(id: string): T | null {
    return this.renderRoot.querySelector<T>(`#${id}`);
  }

  /** Focuses the email field (or, when signed in, the status line). */
  override focus(options?: FocusOptions): void {
    const target = this.#get(this.store.signedIn ? 'status' : 'email');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override render(): TemplateResult {
    return this.store.signedIn ? this.signedInTemplate() : this.formTemplate();
  }

  protected formTemplate(): TemplateResult {
    const expired = this.store.lastSignOutReason === 'expired';
    return html`<div class="card" part="card">
      <slot name="header">
        <h2 part="heading">${msg('Back-office sign-in')}</h2>
        <p class="lead">${msg('Sign in with your staff email and password to manage the partner program.')}</p>
      </slot>
      ${expired
        ? html`<p class="notice" part="notice" role="status">${msg('Your session expired. Please sign in again.')}</p>`
        : nothing}
      <div id="error" class="form-error ${this.error ? '' : 'empty'}" part="error" role="alert" tabindex="-1">
        ${this.error ?? nothing}
      </div>
      <form part="form" novalidate aria-busy=${this.pending ? 'true' : 'false'} @submit=${this.onSubmit} @input=${this.onInput}>
        ${this.fieldTemplate('email', msg('Email'), html`<input
          part="input"
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          maxlength="254"
          aria-invalid=${this.fieldErrors.email ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('email')}
          ?readonly=${this.pending}
        />`)}
        ${this.fieldTemplate('password', msg('Password'), html`<div class="password">
          <input
            part="input"
            id="password"
            name="password"
            type=${this.showPassword ? 'text' : 'password'}
            autocomplete="current-password"
            required
            maxlength="256"
            aria-invalid=${this.fieldErrors.password ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('password')}
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
        </div>`)}
        <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
          ${this.pending ? msg('Signing in…') : msg('Sign in')}
        </button>
      </form>
      <slot name="footer"></slot>
    </div>`;
  }

  protected fieldTemplate(field: Field, label: string, control: TemplateResult): TemplateResult {
    const error = this.fieldErrors[field];
    return html`<div class="field">
      <label part="label" for=${field}>${label}</label>
      ${control}
      ${error ? html`<p class="field-error" part="field-error" id="${field}-error">${error}</p>` : nothing}
    </div>`;
  }

  protected signedInTemplate(): TemplateResult {
    const admin = this.store.session?.admin;
    const name = admin?.name ?? '';
    return html`<div class="account" part="account">
      <span class="avatar" part="avatar" aria-hidden="true">${initials(name || admin?.email || '?')}</span>
      <div class="who">
        <p class="status" part="status" role="status" tabindex="-1" id="status">
          ${msg(html`Signed in as <strong>${name}</strong>`)}
        </p>
        ${admin?.email ? html`<p class="email" part="email">${admin.email}</p>` : nothing}
      </div>
      <button part="sign-out" class="small" type="button" @click=${this.onSignOut}>${msg('Sign out')}</button>
    </div>`;
  }

  #describedBy(field: Field): string | typeof nothing {
    return [this.fieldErrors[field] ? `${field}-error` : '', this.error ? 'error' : ''].filter(Boolean).join(' ') || nothing;
  }

  protected togglePassword(): void {
    this.showPassword = !this.showPassword;
  }

  protected onInput(event: Event): void {
    const name = (event.target as HTMLInputElement).name as Field;
    if (this.fieldErrors[name]) {
      const { [name]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const email = this.#get<HTMLInputElement>('email')!;
    const password = this.#get<HTMLInputElement>('password')!;
    // The browser's own constraints first, shown at each field like the server's.
    const invalid = [email, password].filter((input) => !input.checkValidity());
    if (invalid.length > 0) {
      this.error = null;
      this.fieldErrors = Object.fromEntries(invalid.map((input) => [input.name, input.validationMessage]));
      await this.updateComplete;
      invalid[0]!.focus();
      return;
    }
    this.pending = true;
    this.error = null;
    this.fieldErrors = {};
    this.#signingIn = true;
    try {
      await this.store.signIn(email.value.trim(), password.value);
      this.showPassword = false;
    } catch (error) {
      this.#signingIn = false;
      this.#showError(error);
      // A refused password is typed again; a field error keeps what was typed.
      if (this.error) password.value = '';
    } finally {
      this.pending = false;
    }
  }

  #showError(error: unknown): void {
    const fields: Partial<Record<Field, string>> = {};
    if (error instanceof ApiError) {
      for (const field of ['email', 'password'] as const) if (error.fields[field]) fields[field] = error.fields[field];
    }
    this.fieldErrors = fields;
    this.error = Object.keys(fields).length > 0 ? null : this.messageFor(error);
    this.#focus = fields.email ? 'email' : 'error';
  }

  /** The sentence shown for a failed sign-in. */
  protected messageFor(error: unknown): string {
    if (!(error instanceof ApiError)) return msg('Something went wrong. Please try again.');
    if (error.code === 'throttled' && error.retryAfterSeconds && !/try again/i.test(error.message)) {
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      const wait = minutes === 1 ? msg('Try again in a minute.') : msg(str`Try again in ${minutes} minutes.`);
      return `${error.message} ${wait}`;
    }
    return error.message;
  }

  protected override storeChanged(): void {
    // Announced while the store says so, before a page reacting to it rearranges anything.
    const session = this.store.session;
    if (this.#signingIn && session) {
      this.#signingIn = false;
      this.#focus = 'status';
      adminFire(this, 'rp-admin-signed-in', { admin: session.admin });
    }
    super.storeChanged();
  }

  protected async onSignOut(): Promise<void> {
    await this.store.signOut();
    adminFire(this, 'rp-admin-signed-out', { reason: 'signed-out' });
    this.#focus = 'email';
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const states = this.#internals.states;
    if (this.store.signedIn) states.add('signed-in');
    else states.delete('signed-in');
    const focus = this.#focus;
    if (!focus) return;
    const target = focus === 'status' ? this.#get('status') : focus === 'email' ? this.#get('email') : this.error ? this.#get('error') : null;
    if (target) {
      this.#focus = null;
      target.focus();
    }
  }
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...(w ?? '')][0] ?? '').join('').toUpperCase();
}

RpAdminSignin.define('rp-admin-signin');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-signin': RpAdminSignin;
  }
}
