import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { emptyState, errorState, loadingState } from '../../core/states.js';
import { RpAdminElement, adminSignedOutState } from '../rp-admin-element.js';
import { constraintErrors, describedBy, errorText, fieldError, serverErrors, withoutError, type FieldErrors } from '../admin-form.js';

/** A form value as the editor keeps it: text as typed, a chosen id, a switch. */
export type DraftValue = string | number | boolean | null;
/** The editor's values by API field name. */
export type Draft = Record<string, DraftValue>;

export interface TextFieldOptions {
  required?: boolean;
  /** Marks the label "(optional)". */
  optional?: boolean;
  hint?: string | TemplateResult;
  /** Spans the whole grid row. */
  wide?: boolean;
  type?: 'text' | 'url' | 'number';
  maxlength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  placeholder?: string;
  /** A textarea of this many rows instead of an input. */
  rows?: number;
  /** Monospace text, no spellcheck (HTML, slugs). */
  code?: boolean;
  readonly?: boolean;
  onFocus?: (event: FocusEvent) => void;
}

export interface SelectOption {
  value: number;
  label: string;
  disabled?: boolean;
}

/** The words an editor uses for its records. */
export interface CollectionTexts<Item> {
  loading: string;
  empty: string;
  /** The "Add …" button. */
  add: string;
  /** "3 banners". */
  count(n: number): string;
  newTitle: string;
  editTitle(item: Item): string;
  saved(item: Item): string;
  removed(item: Item): string;
  confirmRemove(item: Item): string;
  /** The button that confirms removal ("Remove banner"). */
  removeButton: string;
}

/**
 * Base of the back-office editors that list records and edit one at a time (banners, email
 * copy, resource pages, destinations). It loads the list while an admin is signed in, shows the
 * loading / empty / error+retry / signed-out states, and runs the editor: the draft is kept in
 * state as typed (nothing is lost on an error), the browser's constraints are checked first, a
 * new record is POSTed whole and an existing one PATCHed with only the changed fields, the
 * server's field errors appear at their fields, and focus moves sensibly between list and editor.
 *
 * Subclasses say where the records live (`path`, `load()`), how a record becomes a draft and a
 * draft a request body, and render the list and the form's fields with the field helpers.
 */
export abstract class AdminCollection<Item extends { id: number }, D extends Draft> extends RpAdminElement {
  /** Set by `<rp-admin-resources>`: the element sits under its heading, so headings go one level down. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** The records as last loaded or saved. */
  @state() protected items: Item[] = [];
  /** The record in the editor, `'new'` for a new one, null while the list shows. */
  @state() protected editing: Item | 'new' | null = null;
  /** The editor's values, as typed. */
  @state() protected draft = {} as D;
  /** API field name → message, from the browser's constraints or the server. */
  @state() protected fieldErrors: FieldErrors = {};
  /** An error about the whole form (or the list, when no form is open). */
  @state() protected formError = '';
  /** A save, removal or other change is in flight. */
  @state() protected busy = false;
  /** Text of the live region. */
  @state() protected statusText = '';
  @state() protected statusSaved = false;
  @state() protected confirmingRemove = false;

  /** The draft as opened or last saved: a PATCH sends what differs from it. */
  protected baseline = {} as D;

  /** The collection's route, e.g. `/admin/banners`. */
  protected abstract readonly path: string;
  protected abstract get texts(): CollectionTexts<Item>;
  /** Back to the list after a save (else the editor stays open on the saved record). */
  protected closeAfterSave = true;
  /** Whether records can be removed (`DELETE path/:id`). */
  protected removable = true;

  protected abstract load(signal: AbortSignal): Promise<Item[]>;
  protected abstract emptyDraft(): D;
  protected abstract toDraft(item: Item): D;
  /** The request body from the draft: all fields for a new record, else only `keys` (the changed ones). */
  protected abstract bodyFrom(draft: D, keys: (keyof D & string)[], isNew: boolean): object;
  protected abstract _headerTemplate(): TemplateResult;
  protected abstract _listTemplate(items: Item[]): TemplateResult;
  protected abstract _fieldsTemplate(): TemplateResult;

  /** Problems the browser's constraints cannot see (e.g. no image uploaded yet). */
  protected checkDraft(): Record<string, string> {
    return {};
  }

  /** Called after a successful save with what was sent. */
  protected afterSave(_saved: Item, _body: object): void {}

  /** Called when the editor opens. */
  protected opened(_item: Item | 'new'): void {}

  /** Beside the form (previews, help); `nothing` for none. */
  protected _asideTemplate(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([, token], { signal }) => {
      this.editing = null;
      this.formError = '';
      this.statusText = '';
      if (!token) return initialState;
      this.items = await this.load(signal);
      return true;
    },
  });

  protected override render(): TemplateResult {
    return html`<section part="section">
      <div class="admin-header"><slot name="header">${this._headerTemplate()}</slot></div>
      ${this.store.signedIn
        ? this.task.render({
            pending: () => loadingState(this.texts.loading),
            complete: () => this._contentTemplate(),
            error: (error) => errorState(error, () => void this.task.run()),
          })
        : adminSignedOutState()}
    </section>`;
  }

  protected _contentTemplate(): TemplateResult {
    return html`<p class="status ${this.statusSaved ? 'saved' : ''}" part="status" role="status">${this.statusText}</p>
      ${this.editing ? this._editorTemplate(this.editing) : this._listViewTemplate()}`;
  }

  protected _listViewTemplate(): TemplateResult {
    const count = this.items.length;
    return html`${this.formError
        ? html`<p class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</p>`
        : nothing}
      <div class="list-bar">
        <p class="count">${count ? this.texts.count(count) : ''}</p>
        <button type="button" class="primary" part="add-button" @click=${() => void this.open('new')}>${this.texts.add}</button>
      </div>
      ${count ? this._listTemplate(this.items) : emptyState(this.texts.empty)}`;
  }

  /** The list as a table: a hidden caption, the column headings, then each row (its last cell the actions). */
  protected _tableTemplate(caption: string, columns: string[], rows: TemplateResult[]): TemplateResult {
    return html`<div class="table-wrap">
      <table class="data" part="table">
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            ${columns.map((column) => html`<th scope="col">${column}</th>`)}
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
  }

  /** A record's Edit button; `name` completes its label for screen readers ("Edit Shop"). */
  protected _editButton(item: Item, name: string, disabled = false): TemplateResult {
    return html`<button type="button" class="secondary small" part="edit-button" data-edit=${item.id} ?disabled=${disabled}
      @click=${() => void this.open(item)}>
      ${msg('Edit')}<span class="visually-hidden"> ${name}</span>
    </button>`;
  }

  protected _editorTemplate(editing: Item | 'new'): TemplateResult {
    const aside = this._asideTemplate();
    const title = editing === 'new' ? this.texts.newTitle : this.texts.editTitle(editing);
    return html`<div class="editor-layout ${aside === nothing ? '' : 'with-aside'}">
      <form class="panel editor" part="form" novalidate aria-labelledby="editor-title" aria-busy=${this.busy ? 'true' : 'false'}
        @submit=${this.#save} @keydown=${this.#keydown}>
        <div class="panel-header">${this.heading(title, 1, 'editor-title')}</div>
        ${this.formError
          ? html`<p class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</p>`
          : nothing}
        <div class="fields">${this._fieldsTemplate()}</div>
        <div class="panel-footer">${this.confirmingRemove && editing !== 'new' ? this._confirmRemoveTemplate(editing) : this._footerButtons(editing)}</div>
      </form>
      ${aside === nothing ? nothing : html`<div class="editor-aside" part="aside">${aside}</div>`}
    </div>`;
  }

  protected _footerButtons(editing: Item | 'new'): TemplateResult {
    return html`<button type="submit" class="primary" part="save-button" ?disabled=${this.busy || this.saveBlocked()}>
        ${this.busy ? msg('Saving…') : msg('Save')}
      </button>
      <button type="button" class="secondary" part="cancel-button" @click=${() => void this.close()}>
        ${editing !== 'new' && !this.closeAfterSave ? msg('Back to the list') : msg('Cancel')}
      </button>
      ${this.removable && editing !== 'new'
        ? html`<button type="button" class="danger push" part="remove-button" ?disabled=${this.busy} @click=${this.#askRemove}>${msg('Remove')}</button>`
        : nothing}`;
  }

  /** Whether Save is disabled for a reason of the subclass's (an upload in flight). */
  protected saveBlocked(): boolean {
    return false;
  }

  protected _confirmRemoveTemplate(item: Item): TemplateResult {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-remove-text">
      <p id="confirm-remove-text">${this.texts.confirmRemove(item)}</p>
      <button type="button" class="danger" part="confirm-remove-button" ?disabled=${this.busy} @click=${() => void this.#remove(item)}>
        ${this.busy ? msg('Removing…') : this.texts.removeButton}
      </button>
      <button type="button" class="secondary" part="keep-button" ?disabled=${this.busy} @click=${this.#keep}>${msg('Keep it')}</button>
    </div>`;
  }

  // ---- headings and fields ------------------------------------------------------------------

  /** A heading one level (`depth`) below the element's own (h2 alone, h3 inside `<rp-admin-resources>`). */
  protected heading(text: string, depth = 0, id?: string): TemplateResult {
    const level = (this.embedded ? 3 : 2) + depth;
    const tabindex = id ? '-1' : undefined;
    if (level === 2) return html`<h2 part="heading" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${text}</h2>`;
    if (level === 3) return html`<h3 part=${depth ? 'subheading' : 'heading'} id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${text}</h3>`;
    return html`<h4 part="subheading" id=${ifDefined(id)} tabindex=${ifDefined(tabindex)}>${text}</h4>`;
  }

  /** `aria-describedby` of a field: its hint and its error. */
  protected describedBy(name: string, hasHint: boolean): string | typeof nothing {
    return describedBy(hasHint ? `f-${name}-hint` : '', this.fieldErrors[name] ? `f-${name}-error` : '');
  }

  protected invalid(name: string): 'true' | 'false' {
    return this.fieldErrors[name] ? 'true' : 'false';
  }

  protected fieldError(name: string): TemplateResult | typeof nothing {
    return fieldError(`f-${name}-error`, this.fieldErrors[name]);
  }

  protected label(name: string, text: string, o: { required?: boolean; optional?: boolean } = {}): TemplateResult {
    return html`<label for="f-${name}">${text}${o.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}${o.optional
        ? html` <span class="optional">${msg('(optional)')}</span>`
        : nothing}</label>`;
  }

  protected hint(name: string, hint: string | TemplateResult | undefined): TemplateResult | typeof nothing {
    return hint ? html`<span class="hint" id="f-${name}-hint">${hint}</span>` : nothing;
  }

  /** A labelled input or textarea bound to `draft[name]`. */
  protected textField(name: keyof D & string, label: string, o: TextFieldOptions = {}): TemplateResult {
    const id = `f-${name}`;
    const value = String(this.draft[name] ?? '');
    const describedBy = this.describedBy(name, Boolean(o.hint));
    const onInput = (event: Event) => this.setDraft(name, (event.target as HTMLInputElement).value as D[typeof name]);
    const control =
      o.rows !== undefined
        ? html`<textarea id=${id} name=${name} part="input" rows=${o.rows} class=${o.code ? 'code' : ''}
            spellcheck=${o.code ? 'false' : 'true'} ?required=${o.required ?? false} maxlength=${ifDefined(o.maxlength)}
            placeholder=${ifDefined(o.placeholder)} ?readonly=${o.readonly ?? false} aria-invalid=${this.invalid(name)}
            aria-describedby=${describedBy} .value=${live(value)} @input=${onInput} @focus=${o.onFocus}></textarea>`
        : html`<input id=${id} name=${name} part="input" type=${o.type ?? 'text'} class=${o.code ? 'mono' : ''}
            spellcheck=${o.code ? 'false' : 'true'} autocomplete="off" ?required=${o.required ?? false}
            maxlength=${ifDefined(o.maxlength)} min=${ifDefined(o.min)} max=${ifDefined(o.max)} pattern=${ifDefined(o.pattern)}
            placeholder=${ifDefined(o.placeholder)} ?readonly=${o.readonly ?? false} aria-invalid=${this.invalid(name)}
            aria-describedby=${describedBy} .value=${live(value)} @input=${onInput} @focus=${o.onFocus} />`;
    return html`<div class="field ${o.wide ? 'wide' : ''}">
      ${this.label(name, label, o)} ${control} ${this.hint(name, o.hint)} ${this.fieldError(name)}
    </div>`;
  }

  /** A labelled select of numeric ids bound to `draft[name]`, with a "Choose…" option while nothing is chosen. */
  protected selectField(
    name: keyof D & string,
    label: string,
    options: SelectOption[],
    o: { required?: boolean; hint?: string | TemplateResult; wide?: boolean } = {},
  ): TemplateResult {
    const value = this.draft[name];
    const describedBy = this.describedBy(name, Boolean(o.hint));
    const onChange = (event: Event) => {
      const raw = (event.target as HTMLSelectElement).value;
      this.setDraft(name, (raw === '' ? null : Number(raw)) as D[typeof name]);
    };
    return html`<div class="field ${o.wide ? 'wide' : ''}">
      ${this.label(name, label, o)}
      <select id="f-${name}" name=${name} part="input" ?required=${o.required ?? false} aria-invalid=${this.invalid(name)}
        aria-describedby=${describedBy} @change=${onChange}>
        <option value="" ?selected=${value === null}>${msg('Choose…')}</option>
        ${options.map(
          (option) => html`<option value=${option.value} ?selected=${option.value === value} ?disabled=${option.disabled ?? false}>
            ${option.label}
          </option>`,
        )}
      </select>
      ${this.hint(name, o.hint)} ${this.fieldError(name)}
    </div>`;
  }

  /** An on/off switch (`role="switch"`) bound to a boolean `draft[name]`. */
  protected switchField(name: keyof D & string, label: string, hint?: string | TemplateResult, wide = true): TemplateResult {
    const on = this.draft[name] === true;
    return html`<div class="field switch-field ${wide ? 'wide' : ''}">
      <button type="button" role="switch" class="switch" id="f-${name}" part="switch" aria-checked=${on ? 'true' : 'false'}
        aria-describedby=${this.describedBy(name, Boolean(hint))} @click=${() => this.setDraft(name, !on as D[typeof name])}></button>
      <label for="f-${name}">${label}</label>
      ${this.hint(name, hint)} ${this.fieldError(name)}
    </div>`;
  }

  /** Sets one value of the draft and clears that field's error. */
  protected setDraft<K extends keyof D & string>(name: K, value: D[K]): void {
    this.draft = { ...this.draft, [name]: value };
    this.fieldErrors = withoutError(this.fieldErrors, name);
  }

  /** Whether the draft differs from what was opened or last saved. */
  protected get dirty(): boolean {
    return this.changedKeys().length > 0;
  }

  protected changedKeys(): (keyof D & string)[] {
    return (Object.keys(this.draft) as (keyof D & string)[]).filter((key) => this.draft[key] !== this.baseline[key]);
  }

  // ---- opening, saving, removing ------------------------------------------------------------

  /** Opens the editor on a record (or a new one) and focuses its first field. */
  async open(item: Item | 'new'): Promise<void> {
    this.editing = item;
    this.draft = item === 'new' ? this.emptyDraft() : this.toDraft(item);
    this.baseline = { ...this.draft };
    this.fieldErrors = {};
    this.formError = '';
    this.statusText = '';
    this.confirmingRemove = false;
    this.opened(item);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form [part="input"], form [part="switch"]')?.focus();
  }

  /** Back to the list, focus on the button that opened the editor. */
  async close(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    this.fieldErrors = {};
    this.formError = '';
    this.confirmingRemove = false;
    await this.updateComplete;
    this.#focusListButton(was === 'new' || was === null ? null : was.id);
  }

  /** Announces `text` in the live region, even when it equals the last announcement. */
  protected async say(text: string, saved = false): Promise<void> {
    this.statusText = '';
    await this.updateComplete;
    this.statusText = text;
    this.statusSaved = saved;
    await this.updateComplete;
  }

  /** The records in the server's order: by position, then id (or by id where there is no position). */
  protected sorted(items: Item[]): Item[] {
    const position = (item: Item) => (item as { position?: number }).position ?? 0;
    return [...items].sort((a, b) => position(a) - position(b) || a.id - b.id);
  }

  /** Shows an error from a request at its fields, or above the form. Returns after focusing it. */
  protected async showError(error: unknown): Promise<void> {
    const { fields, others } = serverErrors(error, (path) => (Object.hasOwn(this.draft, path) ? path : null));
    this.fieldErrors = fields;
    this.formError = Object.keys(fields).length ? others.join(' ') : errorText(error);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (this.busy || !editing || this.saveBlocked()) return;
    const form = event.currentTarget as HTMLFormElement;
    await this.updateComplete; // the controls show the latest draft (e.g. a slug just suggested)
    if (this.busy || this.editing !== editing) return; // a second submit got here first
    const errors = constraintErrors(form);
    for (const [field, message] of Object.entries(this.checkDraft())) errors[field] ??= message;
    this.formError = '';
    if (Object.keys(errors).length) {
      this.fieldErrors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const isNew = editing === 'new';
    const keys = isNew ? (Object.keys(this.draft) as (keyof D & string)[]) : this.changedKeys();
    if (!isNew && keys.length === 0) {
      await this.say(msg('No changes to save.'));
      return;
    }
    const body = this.bodyFrom(this.draft, keys, isNew);
    const sent = { ...this.draft };
    this.busy = true;
    this.fieldErrors = {};
    try {
      const client = this.store.client;
      const saved = isNew
        ? await client.post<Item>(this.path, { body })
        : await client.patch<Item>(`${this.path}/${editing.id}`, { body });
      if (this.editing !== editing) return; // closed or signed out meanwhile
      this.items = this.sorted(isNew ? [...this.items, saved] : this.items.map((item) => (item.id === saved.id ? saved : item)));
      this.afterSave(saved, body);
      if (this.closeAfterSave) {
        this.editing = null;
        await this.say(this.texts.saved(saved), true);
        this.#focusListButton(saved.id);
      } else {
        this.editing = saved;
        this.baseline = sent;
        await this.say(this.texts.saved(saved), true);
      }
    } catch (error) {
      if (this.editing === editing) await this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || this.busy) return;
    event.preventDefault();
    if (this.confirmingRemove) this.#keep();
    else void this.close();
  }

  async #askRemove(): Promise<void> {
    this.confirmingRemove = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="keep-button"]')?.focus();
  }

  async #keep(): Promise<void> {
    this.confirmingRemove = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="remove-button"]')?.focus();
  }

  async #remove(item: Item): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.store.client.delete(`${this.path}/${item.id}`);
      this.items = this.items.filter((i) => i.id !== item.id);
      this.editing = null;
      this.confirmingRemove = false;
      await this.say(this.texts.removed(item), true);
      this.#focusListButton(null);
    } catch (error) {
      this.confirmingRemove = false;
      await this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Focuses a record's edit button, or the add button. */
  #focusListButton(id: number | null): void {
    const button =
      (id === null ? null : this.renderRoot.querySelector<HTMLElement>(`[data-edit="${id}"]`)) ??
      this.renderRoot.querySelector<HTMLElement>('[part="add-button"]');
    button?.focus();
  }
}
