import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type {
  AdminPartner,
  AdminPartnerCreated,
  AdminPartnerPage,
  AdminPartnerSummary,
  AdminProgram,
  AdminProgramList,
  PartnerStatus,
} from '@rp/contract';
import { emptyState, errorState, loadingState } from '../../core/states.js';
import { formatDate } from '../../core/format.js';
import { LoadMore } from '../../core/load-more.js';
import { RpAdminElement, adminFire, adminSignedOutState } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { Announcer, constraintErrors, errorText, fieldParts, serverErrors, withoutError, type FieldErrors } from '../admin-form.js';
import { statusLabel, type RpPartnerChangedDetail } from './rp-admin-partner.js';
import { partnerStyles } from './rp-admin-partners.styles.js';
import './rp-admin-partner.js';

export interface RpPartnerCreatedDetail {
  partner: AdminPartner;
}

/** Fields of the "New partner" form, by their API names. */
const CREATE_FIELDS = ['name', 'email', 'code', 'programIds'] as const;

const statusClass: Record<PartnerStatus, string> = { active: 'success', pending: 'warning', suspended: 'danger' };

/**
 * The merchant's partners: search (as you type) and a status filter over a list that pages with
 * **Load more**; choosing a partner opens `<rp-admin-partner>` with their balance, programs and
 * actions (approve, suspend, reactivate, reset password, enroll, record a payout, coupon codes);
 * **New partner** creates one and shows their generated password once. Changes made in the
 * detail show in the list at once. Reads `/admin/partners` with the admin session.
 *
 * @summary Partner management for the merchant's back office.
 *
 * @fires rp-admin-partner-created - A partner was created. `detail.partner` is the new partner.
 * @fires rp-admin-partner-changed - Bubbles from the detail view: see `<rp-admin-partner>`.
 *
 * @slot header - Replaces the heading and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when there are no partners at all.
 * @slot signed-out - Shown instead of the default text when no admin is signed in.
 *
 * @csspart heading - The heading.
 * @csspart new-button - The "New partner" button.
 * @csspart filters - The search and status bar.
 * @csspart search - The search field.
 * @csspart status-filter - The status select.
 * @csspart table - The list of partners.
 * @csspart row - Each partner's row.
 * @csspart open-button - The partner's name, which opens their detail.
 * @csspart badge - Status badges.
 * @csspart more-button - The "Load more" button.
 * @csspart back-button - "All partners", back from the detail or the form.
 * @csspart detail - The `<rp-admin-partner>` of the chosen partner.
 * @csspart create-form - The "New partner" form.
 * @csspart field-error - A field's error message in the form.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (primary buttons, links, focus).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Panel and table background.
 * @cssprop --rp-surface-alt - Background of the table header.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Errors and "Suspended".
 * @cssprop --rp-success - "Active".
 * @cssprop --rp-warning - "Pending approval".
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-partners
 */
@localized()
export class RpAdminPartners extends RpAdminElement {
  static override styles = [adminStyles, partnerStyles];

  /** Partners per page (1–200). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;
  /** Milliseconds of quiet typing before the search runs. */
  @property({ attribute: 'search-delay', type: Number }) searchDelay = 300;

  /** The search field's text once typing pauses (sent trimmed). */
  @state() protected search = '';
  @state() protected status: PartnerStatus | '' = '';
  /** Every partner loaded so far (the first page, then each "Load more"). */
  @state() protected rows: AdminPartnerSummary[] = [];
  /** What is shown: the list, a partner's detail, or the "New partner" form. */
  @state() protected view: 'list' | 'detail' | 'create' = 'list';
  /** The partner whose detail is open. */
  @state() protected selected = '';
  /** The generated password of the partner just created, shown once in their detail. */
  @state() protected createdPassword: string | null = null;
  @state() protected creating = false;
  @state() protected fieldErrors: FieldErrors = {};
  @state() protected formError = '';
  /** The polite live region: partners loaded, partner created. */
  protected readonly live = new Announcer(this);

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The "Load more" button and the request behind it: the next page of the same search. */
  protected readonly more = new LoadMore(this, {
    fetch: async (cursor, signal) => {
      const query = this.#query();
      query.set('cursor', cursor);
      const page = await this.store.client.get<AdminPartnerPage>(`/admin/partners?${query}`, { signal });
      const known = new Set(this.rows.map((r) => r.code));
      this.rows = [...this.rows, ...page.partners.filter((p) => !known.has(p.code))];
      const n = page.partners.length;
      void this.live.say(n === 1 ? msg('1 more partner loaded.') : msg(str`${n} more partners loaded.`));
      this.#lastLoaded = page.partners[0]?.code ?? '';
      return page.nextCursor;
    },
    // The button is gone: focus the first partner of the last page, where the reader was going.
    atEnd: () => this.renderRoot.querySelector<HTMLElement>(`[part="open-button"][data-code="${CSS.escape(this.#lastLoaded)}"]`)?.focus(),
  });
  #lastLoaded = '';

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null, this.#query().toString()] as const,
    task: async ([store, token, query], { signal }) => {
      this.more.abort();
      if (!token) {
        this.view = 'list';
        return initialState;
      }
      const page = await store.client.get<AdminPartnerPage>(`/admin/partners?${query}`, { signal });
      this.rows = page.partners;
      this.more.cursor = page.nextCursor;
      return page;
    },
  });

  /** The programs, for the "New partner" form; read each time the form opens. */
  protected readonly programsTask = new Task(this, {
    autoRun: false,
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) =>
      token ? (await store.client.get<AdminProgramList>('/admin/programs', { signal })).programs : initialState,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render(): TemplateResult {
    return html`<section class="admin">
      <slot name="header">${this._headerTemplate()}</slot>
      ${this.store.signedIn ? this.#body() : adminSignedOutState()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.live.text}</p>
    </section>`;
  }

  #body(): TemplateResult {
    switch (this.view) {
      case 'detail':
        return this._detailTemplate();
      case 'create':
        return this._createTemplate();
      default:
        return html`${this._filtersTemplate()}
        ${this.task.render({
          pending: () => (this.rows.length ? this._listTemplate(true) : loadingState(msg('Loading partners…'))),
          complete: () => this._listTemplate(false),
          error: (error) => errorState(error, () => void this.task.run()),
        })}`;
    }
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div class="admin-header">
      <div>
        <h2 part="heading">${msg('Partners')}</h2>
        <p class="intro">${msg('Approve new partners, see what each is owed, record payouts and manage their programs.')}</p>
      </div>
      ${this.store.signedIn && this.view === 'list'
        ? html`<div class="header-actions">
            <button type="button" class="primary" part="new-button" @click=${this.#openCreate}>${msg('New partner')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  // ---- list ---------------------------------------------------------------------------------

  protected _filtersTemplate(): TemplateResult {
    return html`<form class="toolbar" part="filters" role="search" aria-label=${msg('Find partners')} @submit=${this.#searchNow}>
      <div class="field grow">
        <label for="search">${msg('Search')}</label>
        <input
          id="search"
          part="search"
          type="search"
          name="search"
          maxlength="100"
          autocomplete="off"
          placeholder=${msg('Name, email or partner code')}
          .value=${this.search}
          @input=${this.#searchInput}
        />
      </div>
      <div class="field">
        <label for="status">${msg('Status')}</label>
        <select id="status" part="status-filter" name="status" @change=${this.#statusChange}>
          <option value="" ?selected=${this.status === ''}>${msg('All partners')}</option>
          ${(['pending', 'active', 'suspended'] as const).map(
            (s) => html`<option value=${s} ?selected=${this.status === s}>${statusLabel(s)}</option>`,
          )}
        </select>
      </div>
    </form>`;
  }

  protected _listTemplate(refreshing: boolean): TemplateResult {
    if (!this.rows.length) {
      const search = this.search.trim();
      if (search || this.status) {
        return html`<div class="state empty" part="empty">${search ? msg(str`No partners match “${search}”.`) : msg('No partners with this status.')}</div>`;
      }
      return emptyState(msg('No partners yet. Create one with “New partner”, or let them sign up on your partner page.'));
    }
    return html`<div class="table-wrap" aria-busy=${refreshing ? 'true' : 'false'}>
        <table class="data partners" part="table">
          <caption class="visually-hidden">${msg('Partners')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Partner')}</th>
              <th scope="col">${msg('Email')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('Joined')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.rows,
              (p) => p.code,
              (p) => html`<tr part="row" data-code=${p.code}>
                <th scope="row">
                  <button type="button" class="open" part="open-button" data-code=${p.code} @click=${() => this.#open(p.code)}>
                    <span class="open-name">${p.name}</span>
                    <span class="code">${p.code}</span>
                  </button>
                </th>
                <td class="email" data-label=${msg('Email')}>${p.email}</td>
                <td data-label=${msg('Status')}><span class="badge ${statusClass[p.status]}" part="badge">${statusLabel(p.status)}</span></td>
                <td data-label=${msg('Joined')}>${formatDate(p.joinedAt, this.locale)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.more.template()}`;
  }

  /**
   * Reads the list again from its first page (sign-ups arrive while the back office is open),
   * and the open partner's detail too. The rows on screen stay until the answer arrives.
   */
  async reload(): Promise<void> {
    const detail = this.view === 'detail' ? this.renderRoot.querySelector('rp-admin-partner') : null;
    await Promise.all([this.task.run(), detail?.reload()]);
  }

  /** Appends the next page of the same search. */
  loadMore(): Promise<void> {
    return this.more.load();
  }

  #query(): URLSearchParams {
    const query = new URLSearchParams({ limit: String(this.pageSize) });
    if (this.search.trim()) query.set('search', this.search.trim());
    if (this.status) query.set('status', this.status);
    return query;
  }

  #searchInput(event: Event): void {
    // Kept as typed (a pause after "Dana " must not eat the space); trimmed when sent.
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.search = value), this.searchDelay);
  }

  #searchNow(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.search = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#search')!.value;
  }

  #statusChange(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as PartnerStatus | '';
  }

  // ---- detail -------------------------------------------------------------------------------

  protected _detailTemplate(): TemplateResult {
    return html`<nav class="crumbs" aria-label=${msg('Partners')}>
        <button type="button" class="link back" part="back-button" @click=${this.#back}>
          <span aria-hidden="true">←</span> ${msg('All partners')}
        </button>
      </nav>
      <rp-admin-partner
        part="detail"
        api-base=${ifDefined(this.apiBase)}
        heading-level="3"
        .code=${this.selected}
        .secret=${this.createdPassword}
        @rp-admin-partner-changed=${this.#partnerChanged}
      ></rp-admin-partner>`;
  }

  async #open(code: string, password: string | null = null): Promise<void> {
    this.selected = code;
    this.createdPassword = password;
    this.view = 'detail';
    await this.updateComplete;
    await this.renderRoot.querySelector('rp-admin-partner')?.focusHeading();
  }

  async #back(): Promise<void> {
    const code = this.selected;
    this.view = 'list';
    this.createdPassword = null;
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`[part="open-button"][data-code="${CSS.escape(code)}"]`);
    (row ?? this.renderRoot.querySelector<HTMLElement>('#search'))?.focus();
  }

  /** A change in the detail shows in the list at once. */
  #partnerChanged(event: CustomEvent<RpPartnerChangedDetail>): void {
    const { profile } = event.detail.partner;
    this.rows = this.rows.map((row) =>
      row.code === event.detail.code ? { ...row, name: profile.name, email: profile.email, status: profile.status } : row,
    );
  }

  // ---- create -------------------------------------------------------------------------------

  protected _createTemplate(): TemplateResult {
    const field = (name: (typeof CREATE_FIELDS)[number], hint?: string) => fieldParts(`create-${name}`, this.fieldErrors[name], hint);
    const name = field('name');
    const email = field('email');
    const code = field('code', msg('Their username for signing in. Leave empty to make one from the name.'));
    const programs = field('programIds');
    return html`<nav class="crumbs" aria-label=${msg('Partners')}>
        <button type="button" class="link back" part="back-button" @click=${this.#cancelCreate}>
          <span aria-hidden="true">←</span> ${msg('All partners')}
        </button>
      </nav>
      <form class="panel create" part="create-form" novalidate aria-labelledby="create-heading" @submit=${this.#create} @input=${this.#clearError} @change=${this.#clearError} @keydown=${this.#createKeydown}>
        <div class="panel-header">
          <h3 id="create-heading" tabindex="-1">${msg('New partner')}</h3>
          <p class="panel-intro">${msg('The partner is active at once. A password is generated and shown once, for you to send them.')}</p>
        </div>
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
        <div class="fields">
          <div class="field">
            <label for="create-name">${msg('Name')}<span class="required" aria-hidden="true">*</span></label>
            <input id="create-name" name="name" required maxlength="100" autocomplete="off" aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />
            ${name.error}
          </div>
          <div class="field">
            <label for="create-email">${msg('Email')}<span class="required" aria-hidden="true">*</span></label>
            <input id="create-email" name="email" type="email" required maxlength="254" autocomplete="off" aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />
            ${email.error}
          </div>
          <div class="field">
            <label for="create-code">${msg('Partner code (optional)')}</label>
            <input
              id="create-code"
              name="code"
              class="mono"
              minlength="2"
              maxlength="40"
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${code.invalid}
              aria-describedby=${code.describedBy}
            />
            ${code.hint} ${code.error}
          </div>
          <fieldset class="field wide" aria-describedby=${programs.describedBy}>
            <legend>${msg('Programs')}</legend>
            ${this.programsTask.render({
              initial: () => nothing,
              pending: () => html`<p class="muted small" role="status">${msg('Loading programs…')}</p>`,
              error: () => html`<p class="form-error">
                ${msg('The programs could not be loaded; you can enroll the partner later.')}
                <button type="button" class="link" @click=${() => void this.programsTask.run()}>${msg('Try again')}</button>
              </p>`,
              complete: (list: AdminProgram[]) => {
                const active = list.filter((p) => !p.archived);
                return active.length
                  ? html`<div class="checks">
                      ${active.map(
                        (p) => html`<label class="check">
                          <input type="checkbox" name="programIds" value=${p.id} aria-invalid=${programs.invalid} />
                          <span>${p.name}</span>
                        </label>`,
                      )}
                    </div>`
                  : html`<p class="muted small">${msg('No programs yet.')}</p>`;
              },
            })}
            ${programs.error}
          </fieldset>
        </div>
        <div class="panel-footer">
          <button type="submit" class="primary" ?disabled=${this.creating}>${this.creating ? msg('Creating…') : msg('Create partner')}</button>
          <button type="button" @click=${this.#cancelCreate}>${msg('Cancel')}</button>
        </div>
      </form>`;
  }

  async #openCreate(): Promise<void> {
    this.view = 'create';
    void this.programsTask.run();
    this.fieldErrors = {};
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#create-name')?.focus();
  }

  async #cancelCreate(): Promise<void> {
    this.view = 'list';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="new-button"]')?.focus();
  }

  #createKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.creating) {
      event.preventDefault();
      void this.#cancelCreate();
    }
  }

  #clearError(event: Event): void {
    this.fieldErrors = withoutError(this.fieldErrors, (event.target as HTMLInputElement).name);
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.creating) return;
    const form = event.currentTarget as HTMLFormElement;
    const invalid = constraintErrors(form);
    if (Object.keys(invalid).length) {
      this.formError = '';
      this.fieldErrors = invalid;
      await this.#focusInvalid();
      return;
    }
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      name: text('name'),
      email: text('email'),
      ...(text('code') ? { code: text('code') } : {}),
      programIds: data.getAll('programIds').map(Number),
    };
    this.creating = true;
    this.fieldErrors = {};
    this.formError = '';
    try {
      const created = await this.store.client.post<AdminPartnerCreated>('/admin/partners', { body });
      adminFire(this, 'rp-admin-partner-created', { partner: created.partner });
      void this.live.say(msg(str`Partner ${created.partner.profile.name} created.`));
      void this.task.run(); // the list shows the new partner when the merchant goes back
      await this.#open(created.partner.profile.code, created.password);
    } catch (error) {
      const { fields } = serverErrors(error, (path) => CREATE_FIELDS.find((f) => path === f || path.startsWith(`${f}.`)));
      this.fieldErrors = fields;
      this.formError = Object.keys(fields).length ? '' : errorText(error);
      await this.#focusInvalid();
    } finally {
      this.creating = false;
    }
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

RpAdminPartners.define('rp-admin-partners');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-partners': RpAdminPartners;
  }
}

declare module '../rp-admin-element.js' {
  interface RpAdminEventMap {
    'rp-admin-partner-created': CustomEvent<RpPartnerCreatedDetail>;
  }
}
