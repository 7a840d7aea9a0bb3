import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { PasswordResetAccepted } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { ApiError } from '../core/api-client.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { errorText } from '../signin/error-text.js';
import { partnerFormStyles } from '../signin/partner-form.styles.js';
import { accountFormStyles } from '../signup/account-form.styles.js';
import { newPasswordInput, passwordHint, passwordLength } from '../signup/new-password.js';
import { resetPasswordStyles } from './rp-reset-password.styles.js';

declare module '../core/events.js' {
  interface RpEventMap {
    'rp-password-changed': CustomEvent<Record<string, never>>;
  }
}

/** What the card shows: the new-password form, a request for a new link, or the confirmation. */
type View = 'form' | 'request' | 'done';

/**
 * The page a password reset mail links to (`reset-password.html#token=…`). It reads the token
 * from the address's fragment (a `token` attribute overrides it) and at once removes it from the
 * address bar, so the single-use token does not linger in the history. The partner chooses a new
 * password (typed twice); once it is set, every session of theirs has ended, and the card says so
 * with a link to sign in. An expired or used link shows the server's message and a form to ask
 * for a new one.
 *
 * @summary Choose a new password from a reset link.
 *
 * @fires rp-password-changed - After the new password was set (all the partner's sessions ended); `detail: {}`.
 *
 * @csspart card - The card around everything.
 * @csspart heading - The heading.
 * @csspart form - The new-password form, or the form asking for a new link.
 * @csspart label - Each field label.
 * @csspart input - Each text field.
 * @csspart hint - The length hint under the new password.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The general error message (expired link, throttled, network…).
 * @csspart toggle - The show/hide password button.
 * @csspart submit - The submit button.
 * @csspart notice - The server's answer after asking for a new link.
 * @csspart done - The confirmation once the password changed.
 * @csspart signin-link - The "Sign in" link of the confirmation.
 *
 * @cssprop --rp-reset-password-width - Maximum width of the card (default 28rem).
 * @cssprop --rp-accent - Accent colour of the button, links and focus.
 * @cssprop --rp-accent-contrast - Text colour on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-success - Colour of the confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-shadow - Shadow of the card.
 * @cssprop --rp-focus-ring - Box shadow of focused controls.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-reset-password
 */
@localized()
export class RpResetPassword extends RpElement {
  static override styles = [baseStyles, partnerFormStyles, accountFormStyles, resetPasswordStyles];

  /** The reset token; when absent, read from the page address (`#token=…`). */
  @property() token?: string;
  /** The merchant's partner sign-in page, linked once the password changed. */
  @property({ attribute: 'signin-url' }) signinUrl?: string;

  @state() protected view: View = 'form';
  @state() protected pending = false;
  @state() protected fieldErrors: Record<string, string> = {};
  /** A message above the form: the server's (expired link, throttled…) or a network failure. */
  @state() protected formError = '';
  @state() protected showPassword = false;
  @state() protected passwordLength = 0;
  /** The server's answer to a request for a new link: the same whether or not an account matched. */
  @state() protected sent = '';

  /** The token taken from the address, kept here once it is gone from the address bar. */
  protected addressToken: string | null = null;
  /** The id of what to focus once the next update has rendered it. */
  protected focusId = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.takeTokenFromAddress();
  }

  /** Reads `#token=…` once and removes it from the address (and so from the history entry). */
  protected takeTokenFromAddress(): void {
    if (this.addressToken !== null) return;
    const params = new URLSearchParams(location.hash.slice(1));
    this.addressToken = params.get('token') ?? '';
    if (!params.has('token')) return;
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }

  /** The token to send: the attribute's, else the one from the address. */
  protected get currentToken(): string {
    return (this.token ?? this.addressToken ?? '').trim();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Without a token there is nothing to confirm: offer to send a new link instead.
    if ((!this.hasUpdated || changed.has('token')) && this.view !== 'done') this.view = this.currentToken ? 'form' : 'request';
  }

  protected override render(): TemplateResult {
    return html`<div class="card" part="card">
      ${this.view === 'done' ? this._doneTemplate() : this.view === 'request' ? this._requestTemplate() : this._formTemplate()}
    </div>`;
  }

  protected _formErrorTemplate(): TemplateResult | typeof nothing {
    return this.formError
      ? html`<p id="form-error" class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</p>`
      : nothing;
  }

  protected _formTemplate(): TemplateResult {
    const errors = this.fieldErrors;
    const describe = (id: string, hint = false) =>
      [hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<h2 part="heading">${msg('Choose a new password')}</h2>
      <p class="lead">${msg('Once it is set, you will be signed out everywhere and can sign in with the new password.')}</p>
      <form part="form" novalidate aria-busy=${this.pending} @submit=${this.onSubmit} @input=${this.onInput}>
        ${this._formErrorTemplate()}
        <div class="field">
          <label part="label" for="password">${msg('New password')}</label>
          ${newPasswordInput({
            id: 'password',
            show: this.showPassword,
            onToggle: () => (this.showPassword = !this.showPassword),
            invalid: 'password' in errors,
            describedBy: describe('password', true),
          })}
          <span class="hint" part="hint" id="password-hint">${passwordHint(this.passwordLength)}</span>
          ${this._fieldError('password')}
        </div>
        <div class="field">
          <label part="label" for="confirm">${msg('Type it again')}</label>
          <input part="input" id="confirm" name="confirm" type=${this.showPassword ? 'text' : 'password'} autocomplete="new-password"
            required maxlength="256" aria-invalid=${'confirm' in errors} aria-describedby=${describe('confirm')} />
          ${this._fieldError('confirm')}
        </div>
        <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
          ${this.pending ? msg('Changing your password…') : msg('Change password')}
        </button>
      </form>`;
  }

  protected _fieldError(id: string): TemplateResult | typeof nothing {
    const error = this.fieldErrors[id];
    return error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing;
  }

  /** Asking for a new link: after an expired or used link, or when the page was opened without one. */
  protected _requestTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Ask for a new link')}</h2>
      ${this._formErrorTemplate()}
      ${this.sent
        ? nothing
        : html`<p class="lead">
            ${this.formError
              ? msg('Enter your partner code or email, and we will send a new link to the email address of your account.')
              : msg('This page needs the link from your password reset email. If you cannot find it, or it has expired, ask for a new one.')}
          </p>`}
      ${this.sent
        ? html`<p id="sent" class="notice" part="notice" role="status" tabindex="-1">${this.sent}</p>`
        : html`<form part="form" aria-busy=${this.pending} @submit=${this.onRequest}>
            <div class="field">
              <label part="label" for="identifier">${msg('Partner code or email')}</label>
              <input part="input" id="identifier" autocomplete="username" autocapitalize="none" spellcheck="false" required
                maxlength="254" aria-invalid=${'identifier' in this.fieldErrors} aria-describedby=${this.fieldErrors.identifier ? 'identifier-error' : nothing} />
              ${this._fieldError('identifier')}
            </div>
            <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
              ${this.pending ? msg('Sending…') : msg('Send a new link')}
            </button>
          </form>`}`;
  }

  protected _doneTemplate(): TemplateResult {
    return html`<div class="done" part="done">
      <span class="done-icon" aria-hidden="true"></span>
      <h2 part="heading" id="done" tabindex="-1">${msg('Password changed')}</h2>
      <p>${msg('You were signed out everywhere else, on every device. Sign in with your new password.')}</p>
      ${this.signinUrl
        ? html`<a class="button" part="signin-link" href=${this.signinUrl}>${msg('Sign in')}</a>`
        : nothing}
    </div>`;
  }

  /** Clears a field's error once it is edited, and counts the new password as it is typed. */
  protected onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.id === 'password') this.passwordLength = passwordLength(input.value);
    if (input.id in this.fieldErrors) {
      const { [input.id]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const form = event.currentTarget as HTMLFormElement;
    const password = form.querySelector<HTMLInputElement>('#password')!;
    const confirm = form.querySelector<HTMLInputElement>('#confirm')!;
    this.formError = '';
    // The browser's own constraints first, then that both fields match.
    const errors: Record<string, string> = {};
    for (const input of [password, confirm]) if (!input.checkValidity()) errors[input.id] = input.validationMessage;
    if (!errors.confirm && !errors.password && password.value !== confirm.value) {
      errors.confirm = msg('The two passwords differ. Type the same password twice.');
    }
    this.fieldErrors = errors;
    if (Object.keys(errors).length > 0) return this.focusFirstError();

    this.pending = true;
    try {
      await this.store.client.post<void>('/auth/password-reset/confirm', {
        body: { token: this.currentToken, password: password.value },
      });
      // The server ended every session of the partner, this page's too.
      this.store.clear('signed-out');
      this.view = 'done';
      this.focusId = 'done';
      fire(this, 'rp-password-changed', {});
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields.token) {
        // Expired, used or unknown link: the server's message, and a way to get a new one.
        this.view = 'request';
        this.formError = fields.token;
        this.fieldErrors = {};
        this.focusId = 'form-error';
      } else if (fields.password) {
        this.fieldErrors = { password: fields.password };
        this.focusFirstError();
      } else {
        this.formError = errorText(error);
        this.focusId = 'form-error';
      }
    }
    this.pending = false;
  }

  /** Asks for a new link; the answer is the same whether or not an account matched. */
  protected async onRequest(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (this.pending || !form.reportValidity()) return;
    const identifier = form.querySelector('input')!.value.trim();
    this.pending = true;
    this.fieldErrors = {};
    try {
      const answer = await this.store.client.post<PasswordResetAccepted>('/auth/password-reset', { body: { identifier } });
      this.formError = '';
      this.sent = answer.message;
      this.focusId = 'sent';
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.identifier : undefined;
      if (field) {
        this.fieldErrors = { identifier: field };
        this.focusId = 'identifier';
      } else {
        this.formError = errorText(error);
        this.focusId = 'form-error';
      }
    }
    this.pending = false;
  }

  protected focusFirstError(): void {
    this.focusId = ['password', 'confirm'].find((id) => id in this.fieldErrors) ?? 'form-error';
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusId) this.renderRoot.querySelector<HTMLElement>(`#${this.focusId}`)?.focus();
    this.focusId = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-reset-password': RpResetPassword;
  }
}

RpResetPassword.define('rp-reset-password');
