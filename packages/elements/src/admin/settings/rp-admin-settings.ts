import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { CenterSettings, CenterSettingsUpdate, MenuCategory, MenuEntry, MenuItemId, SignUpApproval } from '@rp/contract';
import { ApiError } from '../../core/api-client.js';
import { errorState, loadingState } from '../../core/states.js';
import { builtInLabel, categoryLabel, menuCategoryOrder, menuLayout } from '../../nav/menu.js';
import { RpAdminElement, adminFire, adminSignedOutState } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { constraintErrors, describedBy, fieldError, serverErrors, withoutError, type FieldErrors } from '../admin-form.js';
import { settingsStyles } from './rp-admin-settings.styles.js';
import './rp-admin-welcome-preview.js';

/** Where the settings live, relative to the API base. */
export const SETTINGS_PATH = '/admin/settings';

const NAME_MAX = 80;
const WELCOME_MAX = 5000;
const LABEL_MAX = 40;
const HEX = /^#[0-9a-f]{6}$/i;
// The contract's rule for a logo: an https:// address or a path on the API's origin (spaces
// around it are trimmed when saving, and blank means none).
const LOGO_PATTERN = String.raw`\s*((https://|/)[^\s"'<>]*)?\s*`;

/** The form's values as typed: a blank label or logo is '' here and null in the API. */
interface Draft {
  name: string;
  welcomeMessage: string;
  accentColor: string;
  logoUrl: string;
  signUpApproval: SignUpApproval;
  menu: { id: MenuItemId; visible: boolean; label: string }[];
}

/** What differs from the saved settings, as API field paths. */
type ChangedPath = 'name' | 'welcomeMessage' | 'menu' | 'branding.accentColor' | 'branding.logoUrl' | 'signUpApproval';

/**
 * The merchant's center settings: the center's name; the welcome message, with a live preview
 * exactly as partners see it; the partner menu — per item a switch to show or hide it, its own
 * label (blank keeps the built-in one) and its place within its category; branding (accent
 * colour and logo, previewed); and whether new partners are approved automatically or after
 * review. **Save** sends `PATCH /admin/settings` with only what changed and shows the server's
 * field errors at their fields; unsaved changes are shown and can be discarded. Reads with the
 * admin session of `<rp-admin-signin>`.
 *
 * @summary Center settings for the merchant's back office.
 *
 * @fires rp-admin-settings-saved - After a save; `detail.changed` lists what changed as API paths
 *   (`name`, `welcomeMessage`, `menu`, `branding.accentColor`, `branding.logoUrl`, `signUpApproval`).
 *
 * @slot header - Replaces the heading and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot signed-out - Shown instead of the default text when no admin is signed in.
 *
 * @csspart heading - The `h2` heading.
 * @csspart form - The form around every panel.
 * @csspart panel - Each panel (general, welcome message, menu, branding, sign-up approval).
 * @csspart input - Every text field.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form.
 * @csspart preview - The welcome message preview.
 * @csspart menu-item - Each row of the menu editor.
 * @csspart switch - The show/hide switch of a menu item.
 * @csspart brand-preview - The branding preview.
 * @csspart save-bar - The bar with the unsaved-changes note and the buttons.
 * @csspart save-button - The "Save changes" button.
 * @csspart discard-button - The "Discard changes" button.
 * @csspart status - The live region announcing "Settings saved.".
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour of the back office (buttons, switches, focus).
 * @cssprop --rp-accent-contrast - Text colour on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints.
 * @cssprop --rp-surface - Panel and input background.
 * @cssprop --rp-surface-alt - Background of the save bar and previews.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors.
 * @cssprop --rp-success - Colour of the "Settings saved." confirmation.
 * @cssprop --rp-warning - Colour of the unsaved-changes note and contrast warning.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-settings
 */
@localized()
export class RpAdminSettings extends RpAdminElement {
  static override styles = [adminStyles, settingsStyles];

  /** The settings as last loaded or saved (menu grouped by category). */
  @state() protected saved: CenterSettings | null = null;
  /** What the form holds. */
  @state() protected draft: Draft | null = null;
  @state() protected saving = false;
  /** Field path (`name`, `branding.logoUrl`, `menu.<id>.label`) → message. */
  @state() protected fieldErrors: FieldErrors = {};
  @state() protected formError = '';
  /** The save confirmation ("Settings saved."), announced. */
  @state() protected statusText = '';
  /** Announces menu moves ("Sales moved up, 2 of 4 in Reports."). */
  @state() protected moveText = '';
  /** A logo that failed to load in the preview. */
  @state() protected brokenLogo = '';

  #saveController: AbortController | null = null;
  #focusAfterRender: string | null = null;
  #brandSheet: CSSStyleSheet | null = null;

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) => {
      if (!token) return initialState;
      const settings = await store.client.get<CenterSettings>(SETTINGS_PATH, { signal });
      this.#loaded(settings);
      return settings;
    },
  });

  /** Whether the form holds changes not yet saved. */
  get dirty(): boolean {
    return this.changedPaths().length > 0;
  }

  /** Loads the settings again; unsaved changes stay in the form. */
  reload(): void {
    void this.task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saveController?.abort();
  }

  protected override storeChanged(): void {
    // Someone signed out on purpose: the next person at this screen must not see their edits.
    // An expired session keeps them, to be saved after signing in again.
    if (!this.store.signedIn && this.store.lastSignOutReason !== 'expired') {
      this.saved = null;
      this.draft = null;
    }
    this.fieldErrors = {};
    this.formError = '';
    this.statusText = '';
    super.storeChanged();
  }

  #loaded(settings: CenterSettings): void {
    const normalized = { ...settings, menu: groupedMenu(settings.menu) };
    const keep = this.draft !== null && this.saved !== null && this.dirty;
    this.saved = normalized;
    if (!keep) this.draft = toDraft(normalized);
  }

  // ---- rendering ---------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<section>
      <slot name="header">${this._headerTemplate()}</slot>
      ${this.store.signedIn
        ? this.task.render({
            pending: () => (this.draft ? this._formTemplate(this.draft) : loadingState(msg('Loading the settings…'))),
            complete: () => (this.draft ? this._formTemplate(this.draft) : nothing),
            error: (error) => errorState(error, () => this.reload()),
          })
        : adminSignedOutState()}
    </section>`;
  }

  /** The heading and introduction; override to change them without a slot. */
  protected _headerTemplate(): TemplateResult {
    return html`<div class="admin-header">
      <div>
        <h2 part="heading">${msg('Center settings')}</h2>
        <p class="intro">${msg('What partners see in their center — its name, welcome message, menu and colours — and how new partners join.')}</p>
      </div>
    </div>`;
  }

  protected _formTemplate(d: Draft): TemplateResult {
    const changed = this.changedPaths();
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.saving ? 'true' : 'false'}
      aria-label=${msg('Center settings')}
      @submit=${this.#submit}
    >
      ${this.formError ? html`<p class="form-error" part="form-error" role="alert" tabindex="-1" id="form-error">${this.formError}</p>` : nothing}
      ${this._generalTemplate(d, changed)} ${this._welcomeTemplate(d, changed)} ${this._menuTemplate(d, changed)}
      ${this._brandingTemplate(d, changed)} ${this._approvalTemplate(d, changed)} ${this._saveBarTemplate(changed)}
    </form>`;
  }

  protected _panelHeader(title: string, intro: string, edited: boolean, id: string): TemplateResult {
    return html`<div class="panel-header">
      <h3 id=${id}>${title} ${edited ? html`<span class="badge warning edited">${msg('Edited')}</span>` : nothing}</h3>
      <p class="panel-intro">${intro}</p>
    </div>`;
  }

  protected _generalTemplate(d: Draft, changed: ChangedPath[]): TemplateResult {
    const saved = this.saved!;
    return html`<section class="panel" part="panel" aria-labelledby="general-heading">
      ${this._panelHeader(msg('General'), msg('The name partners see above their welcome message and on the sign-in card.'), changed.includes('name'), 'general-heading')}
      <div class="fields">
        ${this._textField({
          path: 'name',
          label: msg('Center name'),
          value: d.name,
          maxlength: NAME_MAX,
          required: true,
          autocomplete: 'organization',
          onInput: (value) => this.#edit({ name: value }),
        })}
        <div class="field">
          <span class="label-like">${msg('Money and dates')}</span>
          <p class="readonly">${this.#moneyAndDates(saved)}</p>
          <span class="hint">${msg('Set when the server starts (RP_CURRENCY, RP_LOCALE).')}</span>
        </div>
      </div>
    </section>`;
  }

  #moneyAndDates(s: CenterSettings): string {
    let currency = s.currency;
    let locale = s.locale;
    try {
      currency = new Intl.DisplayNames([this.locale], { type: 'currency' }).of(s.currency) ?? s.currency;
      locale = new Intl.DisplayNames([this.locale], { type: 'language' }).of(s.locale) ?? s.locale;
    } catch {
      // Codes stay as they are.
    }
    return msg(str`${currency} (${s.currency}), formatted for ${locale}`);
  }

  protected _welcomeTemplate(d: Draft, changed: ChangedPath[]): TemplateResult {
    const error = this.fieldErrors['welcomeMessage'];
    const length = d.welcomeMessage.length;
    return html`<section class="panel" part="panel" aria-labelledby="welcome-heading">
      ${this._panelHeader(
        msg('Welcome message'),
        msg('The first thing partners read when they sign in.'),
        changed.includes('welcomeMessage'),
        'welcome-heading',
      )}
      <div class="welcome-grid">
        <div class="field">
          <label for="field-welcomeMessage">${msg('Message')}</label>
          <textarea
            id="field-welcomeMessage"
            part="input"
            name="welcomeMessage"
            rows="10"
            maxlength=${WELCOME_MAX}
            .value=${live(d.welcomeMessage)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy('welcome-hint', error ? 'welcomeMessage-error' : '')}
            @input=${(e: Event) => this.#edit({ welcomeMessage: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
          <span class="hint split" id="welcome-hint">
            <span>${msg('Plain text. Leave a blank line between paragraphs.')}</span>
            <span class="count">${msg(str`${length} of ${WELCOME_MAX} characters`)}</span>
          </span>
          ${this._errorTemplate('welcomeMessage')}
        </div>
        <div class="preview" part="preview">
          <p class="preview-label" id="preview-label">${msg('Preview — as partners see it')}</p>
          <rp-admin-welcome-preview
            role="region"
            aria-labelledby="preview-label"
            .message=${d.welcomeMessage}
            .centerName=${d.name}
            .accent=${HEX.test(d.accentColor) ? d.accentColor : this.saved!.branding.accentColor}
          ></rp-admin-welcome-preview>
        </div>
      </div>
    </section>`;
  }

  protected _menuTemplate(d: Draft, changed: ChangedPath[]): TemplateResult {
    return html`<section class="panel" part="panel" aria-labelledby="menu-heading">
      ${this._panelHeader(
        msg('Partner menu'),
        msg('Show or hide each section, give it your own name, and set its place within its group.'),
        changed.includes('menu'),
        'menu-heading',
      )}
      <p class="hint menu-hint" id="label-hint">${msg('A blank name keeps the built-in one, shown greyed in the field.')}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.moveText}</p>
      <div class="menu-grid">
        <div class="menu-groups">
          ${menuCategoryOrder.map((category) => this._menuGroupTemplate(d, category))}
        </div>
        ${this._menuPreviewTemplate(d)}
      </div>
    </section>`;
  }

  protected _menuGroupTemplate(d: Draft, category: MenuCategory): TemplateResult {
    const items = d.menu.filter((entry) => categoryOf(entry.id) === category);
    const headingId = `menu-${category}`;
    return html`<div class="menu-group" role="group" aria-labelledby=${headingId}>
      <h4 id=${headingId}>${categoryLabel(category)}</h4>
      <ol class="menu-list">
        ${repeat(
          items,
          (entry) => entry.id,
          (entry, index) => this._menuItemTemplate(entry, index, items.length, category),
        )}
      </ol>
    </div>`;
  }

  protected _menuItemTemplate(entry: Draft['menu'][number], index: number, count: number, category: MenuCategory): TemplateResult {
    const name = builtInLabel(entry.id);
    const path = `menu.${entry.id}.label`;
    const error = this.fieldErrors[path];
    const inputId = `label-${entry.id}`;
    return html`<li class="menu-item ${entry.visible ? '' : 'is-hidden'}" part="menu-item" data-id=${entry.id}>
      <button
        type="button"
        role="switch"
        class="switch"
        part="switch"
        id="switch-${entry.id}"
        aria-checked=${entry.visible ? 'true' : 'false'}
        aria-label=${msg(str`Show ${name}`)}
        @click=${() => this.#toggle(entry.id)}
      ></button>
      <div class="item-main">
        <div class="item-name">
          <span>${name}</span>
          ${entry.visible ? nothing : html`<span class="badge neutral">${msg('Hidden')}</span>`}
        </div>
        <label class="visually-hidden" for=${inputId}>${msg(str`Menu label for ${name}`)}</label>
        <input
          id=${inputId}
          part="input"
          name=${path}
          maxlength=${LABEL_MAX}
          placeholder=${name}
          autocomplete="off"
          .value=${live(entry.label)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${inputId}-error` : 'label-hint'}
          @input=${(e: Event) => this.#setLabel(entry.id, (e.target as HTMLInputElement).value)}
        />
        ${fieldError(`${inputId}-error`, error)}
      </div>
      <div class="move" role="group" aria-label=${msg(str`Position of ${name}`)}>
        <button
          type="button"
          class="ghost small icon"
          id="up-${entry.id}"
          aria-label=${msg(str`Move ${name} up`)}
          ?disabled=${index === 0}
          @click=${() => this.#move(entry.id, -1, category)}
        >
          ${chevron('up')}
        </button>
        <button
          type="button"
          class="ghost small icon"
          id="down-${entry.id}"
          aria-label=${msg(str`Move ${name} down`)}
          ?disabled=${index === count - 1}
          @click=${() => this.#move(entry.id, 1, category)}
        >
          ${chevron('down')}
        </button>
      </div>
    </li>`;
  }

  /** The menu as partners will see it: visible items only, with their labels. */
  protected _menuPreviewTemplate(d: Draft): TemplateResult {
    return html`<aside class="menu-preview" aria-labelledby="menu-preview-heading">
      <p class="preview-label" id="menu-preview-heading">${msg('Partners see')}</p>
      ${menuCategoryOrder.map((category) => {
        const visible = d.menu.filter((e) => categoryOf(e.id) === category && e.visible);
        return html`<div class="preview-group">
          <p class="preview-category">${categoryLabel(category)}</p>
          ${visible.length
            ? html`<ul>
                ${visible.map((e) => html`<li>${e.label.trim() || builtInLabel(e.id)}</li>`)}
              </ul>`
            : html`<p class="preview-none">${msg('Nothing shown')}</p>`}
        </div>`;
      })}
    </aside>`;
  }

  protected _brandingTemplate(d: Draft, changed: ChangedPath[]): TemplateResult {
    const edited = changed.includes('branding.accentColor') || changed.includes('branding.logoUrl');
    const accentError = this.fieldErrors['branding.accentColor'];
    const validAccent = HEX.test(d.accentColor);
    const accent = validAccent ? d.accentColor.toLowerCase() : this.saved!.branding.accentColor.toLowerCase();
    const ratio = contrast(accent, '#ffffff');
    return html`<section class="panel" part="panel" aria-labelledby="branding-heading">
      ${this._panelHeader(msg('Branding'), msg('Your colour and logo in the partner center and on its sign-in card.'), edited, 'branding-heading')}
      <div class="branding-grid">
        <div>
          <div class="field">
            <label for="field-accentColor">${msg('Accent colour')}</label>
            <div class="colour-row">
              <input
                type="color"
                class="swatch"
                aria-label=${msg('Pick the accent colour')}
                .value=${live(accent)}
                @input=${(e: Event) => this.#edit({ accentColor: (e.target as HTMLInputElement).value })}
              />
              <input
                id="field-accentColor"
                part="input"
                name="branding.accentColor"
                class="hex"
                maxlength="7"
                pattern="#[0-9a-fA-F]{6}"
                required
                spellcheck="false"
                autocomplete="off"
                .value=${live(d.accentColor)}
                aria-invalid=${accentError ? 'true' : 'false'}
                aria-describedby=${describedBy('accent-hint', accentError ? 'branding.accentColor-error' : '', ratio < 4.5 ? 'contrast-warning' : '')}
                @input=${(e: Event) => this.#edit({ accentColor: (e.target as HTMLInputElement).value.trim() })}
              />
            </div>
            <span class="hint" id="accent-hint">${msg('Buttons, links and the current menu item. A hex colour such as #1f6feb.')}</span>
            ${this._errorTemplate('branding.accentColor')}
            ${ratio < 4.5
              ? html`<p class="contrast-warning" id="contrast-warning">
                  ${msg(str`White text on this colour has a contrast of ${ratio.toFixed(1)}:1; 4.5:1 reads comfortably. Try a darker shade.`)}
                </p>`
              : nothing}
          </div>
          ${this._textField({
            path: 'branding.logoUrl',
            label: msg('Logo address'),
            value: d.logoUrl,
            maxlength: 2048,
            pattern: LOGO_PATTERN,
            // Not type=url: a path such as /media/logo.svg is allowed too.
            inputmode: 'url',
            hint: msg('An https:// address or a path such as /media/logo.svg. Leave blank to show your initial.'),
            onInput: (value) => this.#edit({ logoUrl: value }),
          })}
        </div>
        ${this._brandPreviewTemplate(d)}
      </div>
    </section>`;
  }

  protected _brandPreviewTemplate(d: Draft): TemplateResult {
    const logo = d.logoUrl.trim();
    const showLogo = logo !== '' && new RegExp(`^${LOGO_PATTERN}$`).test(logo) && this.brokenLogo !== logo;
    const name = d.name.trim() || this.saved!.name;
    return html`<div class="brand-preview" part="brand-preview" role="img" aria-label=${msg('Preview of the sign-in card with your colour and logo')}>
      <div class="brand-line">
        ${showLogo
          ? html`<img src=${this.#logoSrc(logo)} alt="" @error=${() => (this.brokenLogo = logo)} />`
          : html`<span class="monogram">${name.charAt(0).toUpperCase()}</span>`}
        <span class="brand-name">${name}</span>
      </div>
      <span class="fake-heading">${msg('Partner sign-in')}</span>
      <span class="fake-input"></span>
      <span class="fake-button">${msg('Sign in')}</span>
      <span class="fake-link">${msg('Forgot password?')}</span>
      ${logo && this.brokenLogo === logo ? html`<span class="logo-broken">${msg('The logo could not be loaded.')}</span>` : nothing}
    </div>`;
  }

  /** A logo path is on the API's origin; an https address stays as it is. */
  #logoSrc(logo: string): string {
    try {
      return new URL(logo, new URL(this.store.apiBase, document.baseURI)).href;
    } catch {
      return logo;
    }
  }

  protected _approvalTemplate(d: Draft, changed: ChangedPath[]): TemplateResult {
    const option = (value: SignUpApproval, title: string, text: string) => html`<label class="choice ${d.signUpApproval === value ? 'chosen' : ''}">
      <input
        type="radio"
        name="signUpApproval"
        value=${value}
        .checked=${live(d.signUpApproval === value)}
        aria-describedby="approval-${value}-text"
        @change=${() => this.#edit({ signUpApproval: value })}
      />
      <span class="choice-text">
        <span class="choice-title">${title}</span>
        <span class="hint" id="approval-${value}-text">${text}</span>
      </span>
    </label>`;
    return html`<section class="panel" part="panel" aria-labelledby="approval-heading">
      ${this._panelHeader(
        msg('Sign-up approval'),
        msg('What happens when someone signs up on your "become a partner" page.'),
        changed.includes('signUpApproval'),
        'approval-heading',
      )}
      <fieldset class="choices">
        <legend class="visually-hidden">${msg('Sign-up approval')}</legend>
        ${option(
          'automatic',
          msg('Approve automatically'),
          msg('New partners can sign in and share their links as soon as they sign up.'),
        )}
        ${option(
          'review',
          msg('Review first'),
          msg('New partners wait as "Pending" until you approve them under Partners. They are told so when they sign up.'),
        )}
      </fieldset>
      ${this._errorTemplate('signUpApproval')}
    </section>`;
  }

  protected _saveBarTemplate(changed: ChangedPath[]): TemplateResult {
    const dirty = changed.length > 0;
    return html`<div class="save-bar ${dirty ? 'dirty' : ''}" part="save-bar">
      <p class="unsaved" id="unsaved">
        ${dirty
          ? html`<span class="dot" aria-hidden="true"></span>${msg(str`Unsaved changes: ${this.#describe(changed)}`)}`
          : this.statusText
            ? nothing
            : html`<span class="clean">${msg('No unsaved changes')}</span>`}
      </p>
      <p class="status saved" part="status" role="status" aria-live="polite">${dirty ? '' : this.statusText}</p>
      <div class="actions">
        <button type="button" class="secondary" part="discard-button" ?hidden=${!dirty} ?disabled=${this.saving} @click=${this.#discard}>
          ${msg('Discard changes')}
        </button>
        <button type="submit" class="primary" part="save-button" id="save" ?disabled=${this.saving}>
          ${this.saving ? msg('Saving…') : msg('Save changes')}
        </button>
      </div>
    </div>`;
  }

  #describe(changed: ChangedPath[]): string {
    const names: Record<ChangedPath, string> = {
      name: msg('center name'),
      welcomeMessage: msg('welcome message'),
      menu: msg('menu'),
      'branding.accentColor': msg('accent colour'),
      'branding.logoUrl': msg('logo'),
      signUpApproval: msg('sign-up approval'),
    };
    const list = changed.map((path) => names[path]);
    try {
      return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(list);
    } catch {
      return list.join(', ');
    }
  }

  protected _textField(f: {
    path: string;
    label: string;
    value: string;
    maxlength: number;
    required?: boolean;
    pattern?: string;
    inputmode?: 'url';
    hint?: string;
    autocomplete?: string;
    onInput: (value: string) => void;
  }): TemplateResult {
    const id = `field-${f.path.replace('.', '-')}`;
    const error = this.fieldErrors[f.path];
    return html`<div class="field">
      <label for=${id}>${f.label}${f.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</label>
      <input
        id=${id}
        part="input"
        name=${f.path}
        inputmode=${ifDefined(f.inputmode)}
        maxlength=${f.maxlength}
        pattern=${ifDefined(f.pattern)}
        autocomplete=${f.autocomplete ?? 'off'}
        ?required=${f.required ?? false}
        .value=${live(f.value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(f.hint ? `${id}-hint` : '', error ? `${f.path}-error` : '')}
        @input=${(e: Event) => f.onInput((e.target as HTMLInputElement).value)}
      />
      ${f.hint ? html`<span class="hint" id="${id}-hint">${f.hint}</span>` : nothing} ${this._errorTemplate(f.path)}
    </div>`;
  }

  protected _errorTemplate(path: string): TemplateResult | typeof nothing {
    return fieldError(`${path}-error`, this.fieldErrors[path]);
  }

  // ---- editing -----------------------------------------------------------------------------

  #edit(change: Partial<Draft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...change };
    for (const key of Object.keys(change)) {
      this.fieldErrors = withoutError(this.fieldErrors, key === 'accentColor' || key === 'logoUrl' ? `branding.${key}` : key);
    }
    this.statusText = '';
  }

  #setLabel(id: MenuItemId, label: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, menu: this.draft.menu.map((e) => (e.id === id ? { ...e, label } : e)) };
    this.fieldErrors = withoutError(this.fieldErrors, `menu.${id}.label`);
    this.statusText = '';
  }

  #toggle(id: MenuItemId): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, menu: this.draft.menu.map((e) => (e.id === id ? { ...e, visible: !e.visible } : e)) };
    this.statusText = '';
  }

  #move(id: MenuItemId, by: -1 | 1, category: MenuCategory): void {
    if (!this.draft) return;
    const items = this.draft.menu.filter((e) => categoryOf(e.id) === category);
    const from = items.findIndex((e) => e.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.length) return;
    [items[from], items[to]] = [items[to]!, items[from]!];
    const menu = menuCategoryOrder.flatMap((c) => (c === category ? items : this.draft!.menu.filter((e) => categoryOf(e.id) === c)));
    this.draft = { ...this.draft, menu };
    this.statusText = '';
    const name = builtInLabel(id);
    const where = categoryLabel(category);
    const position = to + 1;
    this.moveText =
      by < 0
        ? msg(str`${name} moved up: ${position} of ${items.length} in ${where}.`)
        : msg(str`${name} moved down: ${position} of ${items.length} in ${where}.`);
    // The row moves with its buttons (keyed); at either end the pressed one is disabled, so the other takes focus.
    const atEdge = to === 0 || to === items.length - 1;
    this.#focusAfterRender = atEdge ? `#${by < 0 ? 'down' : 'up'}-${id}` : `#${by < 0 ? 'up' : 'down'}-${id}`;
  }

  async #discard(): Promise<void> {
    if (!this.saved) return;
    this.draft = toDraft(this.saved);
    this.fieldErrors = {};
    this.formError = '';
    this.brokenLogo = '';
    this.statusText = msg('Changes discarded.');
    this.#focusAfterRender = '#save';
  }

  /** The API paths that differ between the form and the saved settings. */
  protected changedPaths(): ChangedPath[] {
    const d = this.draft;
    const s = this.saved;
    if (!d || !s) return [];
    const changed: ChangedPath[] = [];
    if (d.name.trim() !== s.name) changed.push('name');
    if (d.welcomeMessage.trim() !== s.welcomeMessage) changed.push('welcomeMessage');
    if (JSON.stringify(menuOf(d)) !== JSON.stringify(s.menu)) changed.push('menu');
    if (d.accentColor.trim().toLowerCase() !== s.branding.accentColor.toLowerCase()) changed.push('branding.accentColor');
    if ((d.logoUrl.trim() || null) !== s.branding.logoUrl) changed.push('branding.logoUrl');
    if (d.signUpApproval !== s.signUpApproval) changed.push('signUpApproval');
    return changed;
  }

  // ---- saving ------------------------------------------------------------------------------

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving || !this.draft || !this.saved) return;
    const form = event.currentTarget as HTMLFormElement;

    // The browser's own constraints first, shown at each field like the server's.
    const invalid = constraintErrors(form);
    if (Object.keys(invalid).length > 0) {
      this.formError = '';
      this.fieldErrors = invalid;
      this.#focusAfterRender = '[aria-invalid="true"]';
      return;
    }

    const changed = this.changedPaths();
    if (changed.length === 0) {
      this.statusText = msg('No changes to save.');
      return;
    }
    const draft = this.draft;
    const update = toUpdate(draft, changed);
    this.saving = true;
    this.fieldErrors = {};
    this.formError = '';
    this.statusText = '';
    const controller = new AbortController();
    this.#saveController = controller;
    try {
      const answer = await this.store.client.patch<CenterSettings>(SETTINGS_PATH, { body: update, signal: controller.signal });
      if (controller.signal.aborted) return;
      const settings = { ...answer, menu: groupedMenu(answer.menu) };
      this.saved = settings;
      // Edits made while the request was out stay in the form.
      if (this.draft === draft) this.draft = toDraft(settings);
      this.statusText = msg('Settings saved.');
      adminFire(this, 'rp-admin-settings-saved', { changed });
      this.#focusAfterRender = '#save';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#showSaveError(error, update);
      this.#focusAfterRender = Object.keys(this.fieldErrors).length ? '[aria-invalid="true"]' : '#form-error';
    } finally {
      if (this.#saveController === controller) {
        this.#saveController = null;
        this.saving = false;
      }
    }
  }

  #showSaveError(error: unknown, sent: CenterSettingsUpdate): void {
    if (!(error instanceof ApiError)) {
      this.formError = msg('The settings could not be saved. Please try again.');
      return;
    }
    const known = new Set(['name', 'welcomeMessage', 'branding.accentColor', 'branding.logoUrl', 'signUpApproval']);
    const { fields, others } = serverErrors(error, (path) => {
      // `menu.3.label` names the 4th item of the menu that was sent.
      const menuLabel = /^menu\.(\d+)\.label$/.exec(path);
      const id = menuLabel ? sent.menu?.[Number(menuLabel[1])]?.id : undefined;
      return id ? `menu.${id}.label` : known.has(path) ? path : null;
    });
    this.fieldErrors = fields;
    if (Object.keys(fields).length === 0) this.formError = others.length ? others.join(' ') : error.message;
    else this.formError = others.length ? [msg('Please correct the highlighted fields.'), ...others].join(' ') : '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#applyAccent();
    const selector = this.#focusAfterRender;
    if (selector) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        this.#focusAfterRender = null;
        target.focus();
      }
    }
  }

  /** The accent being edited colours the brand preview (a constructed sheet: strict CSP allows it). */
  #applyAccent(): void {
    const root = this.shadowRoot;
    const accent = this.draft && HEX.test(this.draft.accentColor) ? this.draft.accentColor : this.saved?.branding.accentColor;
    if (!root || !accent || !HEX.test(accent)) return;
    if (!this.#brandSheet) {
      this.#brandSheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#brandSheet];
    }
    this.#brandSheet.replaceSync(`.brand-preview { --_preview-accent: ${accent}; }`);
  }
}

// ---- helpers -----------------------------------------------------------------------------------

function categoryOf(id: MenuItemId): MenuCategory {
  return menuCategoryOrder.find((c) => (menuLayout[c] as readonly string[]).includes(id)) ?? 'home';
}

/** The menu grouped by category (home, resources, reports), each group in the saved order. */
function groupedMenu(menu: MenuEntry[]): MenuEntry[] {
  return menuCategoryOrder.flatMap((category) => menu.filter((e) => categoryOf(e.id) === category));
}

function toDraft(s: CenterSettings): Draft {
  return {
    name: s.name,
    welcomeMessage: s.welcomeMessage,
    accentColor: s.branding.accentColor,
    logoUrl: s.branding.logoUrl ?? '',
    signUpApproval: s.signUpApproval,
    menu: s.menu.map((e) => ({ id: e.id, visible: e.visible, label: e.label ?? '' })),
  };
}

/** The menu as the API takes it: blank labels are null. */
function menuOf(d: Draft): MenuEntry[] {
  return d.menu.map((e) => ({ id: e.id, visible: e.visible, label: e.label.trim() || null }));
}

/** Only the changed settings; branding only the changed half; the menu whole (the API takes it whole). */
function toUpdate(d: Draft, changed: ChangedPath[]): CenterSettingsUpdate {
  const update: CenterSettingsUpdate = {};
  if (changed.includes('name')) update.name = d.name.trim();
  if (changed.includes('welcomeMessage')) update.welcomeMessage = d.welcomeMessage.trim();
  if (changed.includes('menu')) update.menu = menuOf(d);
  if (changed.includes('signUpApproval')) update.signUpApproval = d.signUpApproval;
  const branding: NonNullable<CenterSettingsUpdate['branding']> = {};
  if (changed.includes('branding.accentColor')) branding.accentColor = d.accentColor.trim().toLowerCase();
  if (changed.includes('branding.logoUrl')) branding.logoUrl = d.logoUrl.trim() || null;
  if (Object.keys(branding).length > 0) update.branding = branding;
  return update;
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function chevron(direction: 'up' | 'down'): TemplateResult {
  return html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    ${svg`<path d=${direction === 'up' ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'} fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"></path>`}
  </svg>`;
}

RpAdminSettings.define('rp-admin-settings');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-settings': RpAdminSettings;
  }
}
