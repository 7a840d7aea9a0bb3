import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, msg } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { Address, PartnerStatus, Profile, ProfileUpdate } from '@rp/contract';
import { RpElement } from '../core/rp-element.js';
import { ApiError } from '../core/api-client.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { taskStates } from '../core/states.js';
import { formatDate } from '../core/format.js';
import { fire } from '../core/events.js';
import { profileStyles } from './rp-profile.styles.js';

type TopField = 'name' | 'email' | 'company' | 'phone' | 'website' | 'payoutEmail';
type AddressField = keyof Address;

/** One input of the edit form. `path` is the field's name in the API (`address.city`). */
interface FieldSpec {
  path: TopField | `address.${AddressField}`;
  label: string;
  type: 'text' | 'email' | 'url' | 'tel';
  autocomplete: string;
  maxlength: number;
  required?: boolean;
  pattern?: string;
  hint?: string;
  wide?: boolean;
  uppercase?: boolean;
}

const TOP_FIELDS: readonly TopField[] = ['name', 'email', 'company', 'phone', 'website', 'payoutEmail'];
const ADDRESS_FIELDS: readonly AddressField[] = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'];

/**
 * The signed-in partner's profile: a read view of their contact details, and a form to update
 * them. The form checks the browser's own constraints first, then sends only the changed fields
 * (`PATCH /partner/profile`) and shows the server's field errors at each field.
 *
 * @summary The partner's profile, viewable and editable.
 *
 * @fires rp-profile-saved - The partner saved changes. `detail.changed` lists the changed fields
 *   as API paths (`email`, `address.city`).
 *
 * @slot header - Replaces the default heading ("My Profile") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart card - The card holding the details or the form.
 * @csspart avatar - The partner's initials.
 * @csspart details - The definition list of the read view.
 * @csspart badge - The status badge.
 * @csspart edit-button - The "Edit profile" button.
 * @csspart status - The live region announcing "Profile saved.".
 * @csspart form - The edit form.
 * @csspart input - Every input of the form.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The form's general error message.
 * @csspart save-button - The "Save changes" button.
 * @csspart cancel-button - The "Cancel" button.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, avatar, focus).
 * @cssprop --rp-accent-contrast - Text colour on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of labels and hints.
 * @cssprop --rp-surface - Card and input background.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-success - Colour of the saved message and the "Active" badge.
 * @cssprop --rp-warning - Colour of the "Pending approval" badge.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-focus-ring - Box shadow of focused controls.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-profile
 */
@localized()
export class RpProfile extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, profileStyles];

  /** Whether the form is shown. */
  @state() protected editing = false;
  @state() protected saving = false;
  /** Field path → message, from the browser's constraints or the server. */
  @state() protected fieldErrors: Record<string, string> = {};
  @state() protected formError = '';
  /** Text of the live region ("Profile saved."). */
  @state() protected statusText = '';
  /** The profile as last saved, newer than the task's value. */
  @state() protected saved: Profile | null = null;

  #saveController: AbortController | null = null;

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) => {
      this.#abortSave();
      this.saved = null;
      this.editing = false;
      this.statusText = '';
      if (!token) return initialState;
      return store.client.get<Profile>('/partner/profile', { signal });
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abortSave();
  }

  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${taskStates(this, this.task, msg('Loading your profile…'), (profile) => this._contentTemplate(this.saved ?? profile))}
    </section>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${msg('My Profile')}</h2>
      <p class="intro">${msg('Your contact details and where your payouts go.')}</p>`;
  }

  protected _contentTemplate(profile: Profile): TemplateResult {
    return html`<p class="status" part="status" role="status" aria-live="polite">${this.statusText}</p>
      <div class="card" part="card">${this.editing ? this._formTemplate(profile) : this._detailsTemplate(profile)}</div>`;
  }

  // ---- read view ----------------------------------------------------------------------------

  protected _detailsTemplate(p: Profile): TemplateResult {
    const given = (value: string) => (value.trim() ? value : html`<span class="not-given">${msg('Not given')}</span>`);
    return html`<div class="identity">
        <span class="avatar" part="avatar" aria-hidden="true">${initials(p.name)}</span>
        <div class="identity-text">
          <p class="identity-name">${p.name}</p>
          <p class="identity-meta">${p.email}</p>
        </div>
        <button type="button" class="primary edit" part="edit-button" @click=${this.#edit}>${msg('Edit profile')}</button>
      </div>
      <dl class="details" part="details">
        ${item(msg('Partner code'), p.code)} ${item(msg('Status'), this.#statusBadge(p.status))}
        ${item(msg('Name'), p.name)} ${item(msg('Email'), p.email)} ${item(msg('Company'), given(p.company))}
        ${item(msg('Phone'), given(p.phone))}
        ${item(
          msg('Website'),
          /^https?:\/\//i.test(p.website)
            ? html`<a href=${p.website} target="_blank" rel="noopener noreferrer">${p.website}</a>`
            : given(p.website),
        )}
        ${item(
          msg('Payout email'),
          p.payoutEmail || html`<span class="not-given">${msg('Same as contact email')}</span>`,
        )}
        ${item(msg('Address'), this.#address(p.address) ?? given(''), true)}
        ${item(msg('Member since'), formatDate(p.joinedAt, this.locale, 'long'))}
      </dl>`;
  }

  #statusBadge(status: PartnerStatus): TemplateResult {
    const label = { active: msg('Active'), pending: msg('Pending approval'), suspended: msg('Suspended') }[status];
    return html`<span class="badge ${status}" part="badge">${label}</span>`;
  }

  #address(a: Address): TemplateResult | null {
    const cityLine = [[a.city, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
    const lines = [a.line1, a.line2, cityLine, a.country ? countryName(a.country, this.locale) : ''].filter(
      (line) => line.trim() !== '',
    );
    if (lines.length === 0) return null;
    return html`${lines.map((line, i) => (i === 0 ? line : html`<br />${line}`))}`;
  }

  // ---- edit form ----------------------------------------------------------------------------

  protected get fields(): { contact: FieldSpec[]; address: FieldSpec[]; payout: FieldSpec[] } {
    return {
      contact: [
        { path: 'name', label: msg('Name'), type: 'text', autocomplete: 'name', maxlength: 100, required: true },
        { path: 'email', label: msg('Email'), type: 'email', autocomplete: 'email', maxlength: 254, required: true },
        { path: 'company', label: msg('Company'), type: 'text', autocomplete: 'organization', maxlength: 120 },
        {
          path: 'phone',
          label: msg('Phone'),
          type: 'tel',
          autocomplete: 'tel',
          maxlength: 40,
          pattern: String.raw`\+?[0-9 \(\)\.\-]{5,40}`,
          hint: msg('Digits, spaces, +, -, ( and ).'),
        },
        {
          path: 'website',
          label: msg('Website'),
          type: 'url',
          autocomplete: 'url',
          maxlength: 2048,
          pattern: String.raw`https?://\S+`,
          hint: msg('Starting with https:// or http://'),
          wide: true,
        },
      ],
      address: [
        { path: 'address.line1', label: msg('Address line 1'), type: 'text', autocomplete: 'address-line1', maxlength: 120, wide: true },
        { path: 'address.line2', label: msg('Address line 2'), type: 'text', autocomplete: 'address-line2', maxlength: 120, wide: true },
        { path: 'address.city', label: msg('City'), type: 'text', autocomplete: 'address-level2', maxlength: 80 },
        { path: 'address.region', label: msg('State / region'), type: 'text', autocomplete: 'address-level1', maxlength: 80 },
        { path: 'address.postalCode', label: msg('Postal code'), type: 'text', autocomplete: 'postal-code', maxlength: 20 },
        {
          path: 'address.country',
          label: msg('Country'),
          type: 'text',
          autocomplete: 'country',
          maxlength: 2,
          pattern: '[A-Za-z]{2}',
          hint: msg('Two-letter code, such as US or DE.'),
          uppercase: true,
        },
      ],
      payout: [
        {
          path: 'payoutEmail',
          label: msg('Payout email'),
          type: 'email',
          autocomplete: 'email',
          maxlength: 254,
          hint: msg('Leave empty to receive payouts at your contact email.'),
          wide: true,
        },
      ],
    };
  }

  protected _formTemplate(p: Profile): TemplateResult {
    const { contact, address, payout } = this.fields;
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.saving ? 'true' : 'false'}
      aria-label=${msg('Edit profile')}
      @submit=${this.#submit}
      @keydown=${this.#keydown}
      @input=${this.#input}
    >
      <p class="required-note">${msg('Fields marked * are required.')}</p>
      ${this.formError ? html`<p class="form-error" part="form-error" role="alert">${this.formError}</p>` : nothing}
      <fieldset>
        <legend>${msg('Contact details')}</legend>
        <div class="fields">${contact.map((f) => this._fieldTemplate(f, p))}</div>
      </fieldset>
      <hr class="divider" />
      <fieldset>
        <legend>${msg('Address')}</legend>
        <div class="fields">${address.map((f) => this._fieldTemplate(f, p))}</div>
      </fieldset>
      <hr class="divider" />
      <fieldset>
        <legend>${msg('Payouts')}</legend>
        <div class="fields">${payout.map((f) => this._fieldTemplate(f, p))}</div>
      </fieldset>
      <div class="actions">
        <button type="button" part="cancel-button" @click=${this.#cancel}>${msg('Cancel')}</button>
        <button type="submit" class="primary" part="save-button" ?disabled=${this.saving}>
          ${this.saving ? msg('Saving…') : msg('Save changes')}
        </button>
      </div>
    </form>`;
  }

  protected _fieldTemplate(f: FieldSpec, p: Profile): TemplateResult {
    const id = `field-${f.path.replace('.', '-')}`;
    const error = this.fieldErrors[f.path];
    const describedBy = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${f.wide ? 'wide' : ''}">
      <label for=${id}>${f.label}${f.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</label>
      <input
        id=${id}
        part="input"
        name=${f.path}
        type=${f.type}
        autocomplete=${f.autocomplete}
        maxlength=${f.maxlength}
        pattern=${ifDefined(f.pattern)}
        ?required=${f.required ?? false}
        value=${valueAt(p, f.path)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        autocapitalize=${ifDefined(f.uppercase ? 'characters' : undefined)}
      />
      ${f.hint ? html`<span class="hint" id="${id}-hint">${f.hint}</span>` : nothing}
      ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  async #edit(): Promise<void> {
    this.editing = true;
    this.statusText = '';
    this.fieldErrors = {};
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  async #cancel(): Promise<void> {
    this.#abortSave();
    this.editing = false;
    this.fieldErrors = {};
    this.formError = '';
    await this.updateComplete;
    this.#focusEditButton();
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      void this.#cancel();
    }
  }

  #input(event: Event): void {
    const name = (event.target as HTMLInputElement).name;
    if (name && this.fieldErrors[name]) {
      const { [name]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const form = event.currentTarget as HTMLFormElement;
    const profile = this.saved ?? this.task.value;
    if (!profile) return;

    // The browser's own constraints first.
    const inputs = [...form.querySelectorAll('input')];
    const invalid = inputs.filter((input) => !input.checkValidity());
    if (invalid.length > 0) {
      this.formError = '';
      this.fieldErrors = Object.fromEntries(invalid.map((input) => [input.name, input.validationMessage]));
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }

    const { update, changed } = diff(profile, new FormData(form));
    if (changed.length === 0) {
      this.editing = false;
      this.statusText = msg('No changes to save.');
      await this.updateComplete;
      this.#focusEditButton();
      return;
    }

    this.saving = true;
    this.fieldErrors = {};
    this.formError = '';
    const controller = new AbortController();
    this.#saveController = controller;
    try {
      const answer = await this.store.client.patch<Profile>('/partner/profile', {
        body: update,
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.saved = isProfile(answer) ? answer : merge(profile, update);
      this.editing = false;
      this.statusText = msg('Profile saved.');
      fire(this, 'rp-profile-saved', { changed });
      await this.updateComplete;
      this.#focusEditButton();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#showSaveError(error);
      await this.updateComplete;
      if (!this.#focusFirstInvalid()) this.renderRoot.querySelector<HTMLElement>('[part="save-button"]')?.focus();
    } finally {
      if (this.#saveController === controller) {
        this.#saveController = null;
        this.saving = false;
      }
    }
  }

  #showSaveError(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.formError = msg('Your profile could not be saved. Please try again.');
      return;
    }
    const known = new Set<string>(Object.values(this.fields).flatMap((group: FieldSpec[]) => group.map((f) => f.path)));
    const fieldErrors: Record<string, string> = {};
    const others: string[] = [];
    for (const [path, message] of Object.entries(error.fields)) {
      if (known.has(path)) fieldErrors[path] = message;
      else others.push(message);
    }
    this.fieldErrors = fieldErrors;
    if (Object.keys(fieldErrors).length === 0) this.formError = error.message;
    else this.formError = others.length > 0 ? [msg('Please correct the highlighted fields.'), ...others].join(' ') : '';
  }

  #focusFirstInvalid(): boolean {
    const first = this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
    first?.focus();
    return first !== null;
  }

  #focusEditButton(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="edit-button"]')?.focus();
  }

  #abortSave(): void {
    this.#saveController?.abort();
    this.#saveController = null;
    this.saving = false;
  }
}

function item(label: string, value: unknown, wide = false): TemplateResult {
  return html`<div class=${wide ? 'wide' : ''}>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...(w ?? '')][0] ?? '').join('').toUpperCase();
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function valueAt(p: Profile, path: FieldSpec['path']): string {
  if (path.startsWith('address.')) return p.address[path.slice('address.'.length) as AddressField];
  return p[path as TopField];
}

/** The changed fields only (trimmed, as the server would store them), and their paths. */
function diff(profile: Profile, data: FormData): { update: ProfileUpdate; changed: string[] } {
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const update: Record<string, unknown> = {};
  const address: Partial<Address> = {};
  const changed: string[] = [];
  for (const field of TOP_FIELDS) {
    const next = value(field);
    if (next !== profile[field]) {
      update[field] = next;
      changed.push(field);
    }
  }
  for (const field of ADDRESS_FIELDS) {
    let next = value(`address.${field}`);
    if (field === 'country') next = next.toUpperCase();
    if (next !== profile.address[field]) {
      address[field] = next;
      changed.push(`address.${field}`);
    }
  }
  if (Object.keys(address).length > 0) update.address = address;
  return { update: update as ProfileUpdate, changed };
}

function isProfile(value: unknown): value is Profile {
  return typeof value === 'object' && value !== null && 'code' in value && 'address' in value;
}

function merge(profile: Profile, update: ProfileUpdate): Profile {
  return { ...profile, ...update, address: { ...profile.address, ...update.address } } as Profile;
}

RpProfile.define('rp-profile');

declare global {
  interface HTMLElementTagNameMap {
    'rp-profile': RpProfile;
  }
}
