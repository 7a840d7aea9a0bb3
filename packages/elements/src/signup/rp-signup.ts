import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import type { PartnerStatus, SignUpOptions, SignUpRequest, SignUpResponse } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { ApiError } from '../core/api-client.js';
import { fire } from '../core/events.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { errorState, loadingState } from '../core/states.js';
import { errorText } from '../signin/error-text.js';
import { partnerFormStyles } from '../signin/partner-form.styles.js';
import { accountFormStyles } from './account-form.styles.js';
import { newPasswordInput, passwordHint, passwordLength } from './new-password.js';
import { signupStyles } from './rp-signup.styles.js';

export interface RpSignedUpDetail {
  /** The new partner's code: their username. */
  partnerCode: string;
  /** `active` when the merchant approves sign-ups automatically, else `pending` until reviewed. */
  status: PartnerStatus;
}

declare module '../core/events.js' {
  interface RpEventMap {
    'rp-signed-up': CustomEvent<RpSignedUpDetail>;
  }
}

/** Fields of the form, by their name in the API; errors the server sends for others go to the form's message. */
const FIELDS = ['name', 'email', 'password', 'code', 'programIds', 'acceptTerms'] as const;

/**
 * The merchant's "become a partner" form: name, email, password, an optional partner code of
 * their choosing, the programs open for sign-up (when there are any) and the program terms. On
 * success it shows the partner code, which is the partner's username, with the server's message:
 * a link to sign in when the merchant approves sign-ups automatically, or that they will hear
 * back once reviewed.
 *
 * The browser's own constraints run first; the server's field errors (an email or code already
 * taken, a common password…) appear at their fields, and nothing typed is lost.
 *
 * @summary Partner sign-up form.
 *
 * @fires rp-signed-up - After the account was created; `detail: { partnerCode, status }` (`status`
 *   is `active`, or `pending` while the merchant reviews new partners).
 *
 * @slot header - Replaces the heading and introduction above the form.
 * @slot loading - Replaces the loading text.
 *
 * @csspart card - The card around everything.
 * @csspart heading - The heading, above the form and of the confirmation.
 * @csspart form - The form.
 * @csspart label - Each field label.
 * @csspart input - Each text field.
 * @csspart hint - The hint under a field.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The form's general error message (throttled, network…).
 * @csspart toggle - The show/hide password button.
 * @csspart programs - The fieldset of the programs to join.
 * @csspart terms - The terms checkbox and its label.
 * @csspart note - Whether new partners are approved at once or reviewed first.
 * @csspart submit - The "Create partner account" button.
 * @csspart done - The confirmation shown after signing up.
 * @csspart code - The new partner code in the confirmation.
 * @csspart signin-link - The "Sign in" link of the confirmation (automatic approval).
 * @csspart loading - The loading state.
 * @csspart error - The error state when the form's options cannot be loaded.
 * @csspart retry - The retry button of the error state.
 *
 * @cssprop --rp-signup-width - Maximum width of the card (default 36rem).
 * @cssprop --rp-accent - Accent colour of the button, links and focus.
 * @cssprop --rp-accent-contrast - Text colour on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-surface-alt - Background of the program choices and the partner code.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-success - Colour of the confirmation.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-shadow - Shadow of the card.
 * @cssprop --rp-focus-ring - Box shadow of focused controls.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-signup
 */
@localized()
export class RpSignup extends RpElement {
  static override styles = [baseStyles, stateStyles, partnerFormStyles, accountFormStyles, signupStyles];

  /** The program terms the partner accepts, linked from the checkbox (opens in a new tab). */
  @property({ attribute: 'terms-url' }) termsUrl?: string;
  /** The merchant's partner sign-in page, linked once an account is active. */
  @property({ attribute: 'signin-url' }) signinUrl?: string;

  @state() protected pending = false;
  /** Field name → message, from the browser's constraints or the server. */
  @state() protected fieldErrors: Record<string, string> = {};
  @state() protected formError = '';
  /** Set when the server said the email already has an account, to offer signing in instead. */
  @state() protected emailTaken = false;
  @state() protected showPassword = false;
  /** Characters (code points, as the server counts) typed in the password so far. */
  @state() protected passwordLength = 0;
  /** The server's answer once the account exists. */
  @state() protected result: SignUpResponse | null = null;

  /** The id of what to focus once the next update has rendered it. */
  protected focusId = '';

  /** What the form offers: the open programs, the approval mode, the shortest password. */
  protected readonly options = new Task(this, {
    args: () => [this.store] as const,
    task: ([store], { signal }) => store.client.get<SignUpOptions>('/auth/sign-up', { signal }),
  });

  protected override render(): TemplateResult {
    return html`<div class="card" part="card">
      ${this.result
        ? this._doneTemplate(this.result)
        : html`<slot name="header">${this._headerTemplate()}</slot>
            ${this.options.render({
              initial: () => loadingState(msg('Loading the sign-up form…')),
              pending: () => loadingState(msg('Loading the sign-up form…')),
              complete: (options) => this._formTemplate(options),
              error: (error) => errorState(error, () => void this.options.run()),
            })}`}
    </div>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('Become a partner')}</h2>
      <p class="lead">${msg('Create your partner account to get your own tracked links and earn a commission on the sales you refer.')}</p>`;
  }

  protected _formTemplate(options: SignUpOptions): TemplateResult {
    return html`<form part="form" novalidate aria-busy=${this.pending} @submit=${this.onSubmit} @input=${this.onInput}>
      ${this.formError
        ? html`<p id="form-error" class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</p>`
        : nothing}
      <div class="pair">
        ${this._field(
          'name',
          msg('Your name'),
          html`<input part="input" id="name" name="name" autocomplete="name" required maxlength="100"
              aria-invalid=${'name' in this.fieldErrors} aria-describedby=${this._describedBy('name')} />`,
        )}
        ${this._field(
          'email',
          msg('Email'),
          html`<input part="input" id="email" name="email" type="email" autocomplete="email" required maxlength="254"
              aria-invalid=${'email' in this.fieldErrors} aria-describedby=${this._describedBy('email')} />`,
          undefined,
          this.emailTaken && this.signinUrl
            ? html`<a class="error-action" href=${this.signinUrl}>${msg('Go to sign in')}</a>`
            : nothing,
        )}
      </div>
      ${this._field(
        'password',
        msg('Password'),
        newPasswordInput({
          id: 'password',
          show: this.showPassword,
          onToggle: () => (this.showPassword = !this.showPassword),
          min: options.passwordMinLength,
          invalid: 'password' in this.fieldErrors,
          describedBy: this._describedBy('password', true),
        }),
        passwordHint(this.passwordLength, options.passwordMinLength),
      )}
      ${this._field(
        'code',
        html`${msg('Partner code')} <span class="optional">${msg('(optional)')}</span>`,
        html`<input part="input" id="code" name="code" autocomplete="username" autocapitalize="none" spellcheck="false"
            minlength="2" maxlength="40" pattern="[A-Za-z0-9][A-Za-z0-9_\\-]*"
            aria-invalid=${'code' in this.fieldErrors} aria-describedby=${this._describedBy('code', true)} />`,
        msg("This will be your username for signing in. Letters, digits, - and _. Leave it blank and we'll make one from your name."),
      )}
      ${options.programs.length > 0 ? this._programsTemplate(options) : nothing}
      <div class="field">
        <label class="choice terms" part="terms">
          <input id="acceptTerms" name="acceptTerms" type="checkbox" required aria-invalid=${'acceptTerms' in this.fieldErrors}
            aria-describedby=${this._describedBy('acceptTerms')} />
          <span>${this.termsUrl
            ? html`${msg('I accept the')}
                <a href=${this.termsUrl} target="_blank" rel="noopener"
                  >${msg('partner program terms')}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
                >`
            : msg('I accept the partner program terms')}</span>
        </label>
        ${this._errorTemplate('acceptTerms')}
      </div>
      <p class="note" part="note">
        ${options.approval === 'automatic'
          ? msg('Your account is ready as soon as you sign up.')
          : msg("New partners are reviewed before they can sign in. We'll let you know when you're approved.")}
      </p>
      <button part="submit" class="primary submit" type="submit" ?disabled=${this.pending}>
        ${this.pending ? msg('Creating your account…') : msg('Create partner account')}
      </button>
    </form>`;
  }

  protected _programsTemplate(options: SignUpOptions): TemplateResult {
    const only = options.programs.length === 1;
    return html`<fieldset part="programs" aria-describedby=${this._describedBy('programIds')}>
      <legend>${only ? msg('Program') : msg('Programs to join')}</legend>
      ${options.programs.map(
        (program) => html`<label class="choice program">
          <input type="checkbox" name="programIds" value=${program.id} ?checked=${only} />
          <span><strong>${program.name}</strong>${program.description ? html`<span class="muted">${program.description}</span>` : nothing}</span>
        </label>`,
      )}
      ${this._errorTemplate('programIds')}
    </fieldset>`;
  }

  /** One labelled field with its hint and error. */
  protected _field(
    name: string,
    label: unknown,
    control: TemplateResult,
    hint?: unknown,
    after: unknown = nothing,
  ): TemplateResult {
    return html`<div class="field">
      <label part="label" for=${name}>${label}</label>
      ${control}
      ${hint ? html`<span class="hint" part="hint" id="${name}-hint">${hint}</span>` : nothing}
      ${this._errorTemplate(name)} ${after}
    </div>`;
  }

  protected _errorTemplate(name: string): TemplateResult | typeof nothing {
    const error = this.fieldErrors[name];
    return error ? html`<p class="field-error" part="field-error" id="${name}-error">${error}</p>` : nothing;
  }

  /** `aria-describedby` of a field: its hint and its error, when shown. */
  protected _describedBy(name: string, hint = false): string | typeof nothing {
    const ids = [hint ? `${name}-hint` : '', this.fieldErrors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  /** The confirmation: the partner code, that it is their username, and what happens next. */
  protected _doneTemplate(result: SignUpResponse): TemplateResult {
    const active = result.status === 'active';
    return html`<div class="done" part="done">
      <span class="done-icon" aria-hidden="true"></span>
      <h2 part="heading" id="done" tabindex="-1">${active ? msg('Your partner account is ready') : msg('Application received')}</h2>
      <p class="code-label">${msg('Your partner code')}</p>
      <p class="code" part="code">${result.partnerCode}</p>
      <p class="username">${msg('This is your username: you sign in with it and the password you chose. Keep it handy.')}</p>
      <p class="message">${result.message}</p>
      ${active
        ? this.signinUrl
          ? html`<a class="button" part="signin-link" href=${this.signinUrl}>${msg('Sign in to your partner center')}</a>`
          : nothing
        : html`<p class="next">${msg("We'll let you know by email when your account is approved.")}</p>`}
    </div>`;
  }

  /** Clears a field's error as soon as it is edited, and counts the password as it is typed. */
  protected onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'password') this.passwordLength = passwordLength(input.value);
    if (input.name in this.fieldErrors) {
      const { [input.name]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
      if (input.name === 'email') this.emailTaken = false;
    }
  }

  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const form = event.currentTarget as HTMLFormElement;
    const options = this.options.value;
    if (!options) return;
    this.formError = '';
    this.emailTaken = false;

    // The browser's own constraints first, shown at their fields like the server's.
    const errors: Record<string, string> = {};
    for (const input of form.querySelectorAll('input')) {
      if (input.checkValidity()) continue;
      errors[input.name] = input.validity.patternMismatch ? msg('Use letters, digits, - and _ only.') : input.validationMessage;
    }
    const data = new FormData(form);
    const programIds = data.getAll('programIds').map(Number);
    if (options.programs.length > 0 && programIds.length === 0) errors.programIds = msg('Choose at least one program.');
    this.fieldErrors = errors;
    if (Object.keys(errors).length > 0) return this.focusFirstError();

    const text = (name: string) => String(data.get(name) ?? '').trim();
    const request: SignUpRequest = {
      name: text('name'),
      email: text('email'),
      password: String(data.get('password')),
      acceptTerms: true,
      ...(text('code') ? { code: text('code') } : {}),
      ...(options.programs.length > 0 ? { programIds } : {}),
    };
    this.pending = true;
    try {
      this.result = await this.store.client.post<SignUpResponse>('/auth/sign-up', { body: request });
      this.focusId = 'done';
      fire(this, 'rp-signed-up', { partnerCode: this.result.partnerCode, status: this.result.status });
    } catch (error) {
      this.showError(error);
      this.focusFirstError();
    }
    this.pending = false;
  }

  /** Field errors at their fields; anything else (throttled, network, unknown fields) above the form. */
  protected showError(error: unknown): void {
    const fields: Record<string, string> = {};
    const others: string[] = [];
    if (error instanceof ApiError) {
      for (const [path, message] of Object.entries(error.fields)) {
        const name = path.split('.')[0]!;
        if ((FIELDS as readonly string[]).includes(name)) fields[name] ??= message;
        else others.push(message);
      }
      this.emailTaken = error.status === 409 && 'email' in fields;
    }
    this.fieldErrors = fields;
    this.formError = Object.keys(fields).length === 0 ? errorText(error) : others.join(' ');
  }

  protected focusFirstError(): void {
    const field = FIELDS.find((name) => name in this.fieldErrors);
    this.focusId = field === 'programIds' ? 'programs-first' : (field ?? 'form-error');
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusId) return;
    const target =
      this.focusId === 'programs-first'
        ? this.renderRoot.querySelector<HTMLElement>('input[name="programIds"]')
        : this.renderRoot.querySelector<HTMLElement>(`#${this.focusId}`);
    this.focusId = '';
    target?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-signup': RpSignup;
  }
}

RpSignup.define('rp-signup');
