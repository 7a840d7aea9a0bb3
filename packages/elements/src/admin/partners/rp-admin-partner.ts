import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type {
  Address,
  AdminPartner,
  AdminPasswordReset,
  AdminProgram,
  AdminProgramList,
  Coupon,
  CouponList,
  PartnerStatus,
  PayoutResult,
} from '@rp/contract';
import { errorState, loadingState } from '../../core/states.js';
import { formatDate, formatMoney } from '../../core/format.js';
import { selectField, writeClipboard } from '../../core/copy.js';
import { RpAdminElement, adminFire, adminSignedOutState } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { Announcer, errorText, fieldParts, serverErrors, withoutError, type FieldErrors } from '../admin-form.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { amountProblemText, currencySymbol, parseMinorUnits } from '../money-input.js';
import { IdempotentPost, unknownOutcome } from './idempotent-post.js';
import { partnerStyles } from './rp-admin-partners.styles.js';

/** What changed on a partner. */
export type PartnerChange = 'approved' | 'suspended' | 'reactivated' | 'password-reset' | 'enrolled' | 'unenrolled' | 'payout' | 'coupon';

export interface RpPartnerChangedDetail {
  code: string;
  change: PartnerChange;
  /** The partner after the change. */
  partner: AdminPartner;
}

/** The largest amount the API takes in one call, in minor units (the contract's MAX_AMOUNT). */
const MAX_AMOUNT = 100_000_000_000;

const statusClass: Record<PartnerStatus, string> = { active: 'success', pending: 'warning', suspended: 'danger' };

/**
 * One partner in the merchant's back office: profile, status, balance, programs, and the
 * merchant's actions — approve, suspend (after a confirmation), reactivate, reset the password
 * (the temporary password is shown once), enroll in a program or remove from one, record a
 * payout, list and add coupon codes. Reads `GET /admin/partners/:code` and
 * `GET /admin/coupons?partnerCode=` with the admin session.
 *
 * A payout is typed in major units and sent as exact integer minor units, never more than the
 * available balance; each payout attempt carries one `Idempotency-Key`, reused when the same
 * submission is retried after a network error, so it is never recorded twice.
 *
 * Used by `<rp-admin-partners>` for its detail view; works alone given `code`.
 *
 * @summary A partner's detail and actions, for the merchant.
 *
 * @fires rp-admin-partner-changed - The merchant changed the partner. `detail`: `{ code, change, partner }`
 *   where `change` is `approved`, `suspended`, `reactivated`, `password-reset`, `enrolled`,
 *   `unenrolled`, `payout` or `coupon`, and `partner` the partner after it.
 *
 * @slot loading - Replaces the loading text.
 * @slot signed-out - Shown instead of the default text when no admin is signed in.
 *
 * @csspart identity - The top card: initials, name, code, status and actions.
 * @csspart heading - The partner's name.
 * @csspart badge - The status badge.
 * @csspart actions - The row of status and password actions.
 * @csspart action - Each action button.
 * @csspart secret - The panel showing a temporary password once.
 * @csspart copy-button - Its copy button.
 * @csspart balance - The balance figures.
 * @csspart payout-form - The "Record a payout" form.
 * @csspart enrollments - The list of programs the partner is in.
 * @csspart enroll-form - The "Enroll in a program" form.
 * @csspart coupons - The partner's coupon codes.
 * @csspart coupon-form - The coupon code form.
 * @csspart field-error - A field's error message.
 * @csspart profile - The contact details.
 * @csspart status - The live region announcing each result.
 * @csspart confirm - The confirmation dialog.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (primary buttons, focus).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of labels and hints.
 * @cssprop --rp-surface - Panel background.
 * @cssprop --rp-surface-alt - Background of panel footers.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Errors, "Suspended" and the suspend button.
 * @cssprop --rp-success - "Active" and confirmations.
 * @cssprop --rp-warning - "Pending approval".
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-partner
 */
@localized()
export class RpAdminPartner extends RpAdminElement {
  static override styles = [adminStyles, partnerStyles];

  /** The partner's code. */
  @property({ reflect: true }) code = '';
  /** Level of the partner's name heading: 2 alone, 3 inside `<rp-admin-partners>`. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: 2 | 3 = 2;

  /** The partner as last changed, newer than the task's value. */
  @state() protected current: AdminPartner | null = null;
  /** The action in flight (`approve`, `payout`, …), which disables the others. */
  @state() protected busy: string | null = null;
  /** An action's error, shown under the actions. */
  @state() protected actionError = '';
  /**
   * A password to show once above the details: the generated one after the partner was created
   * (set with `code`), or a reset's temporary one. Never stored.
   */
  @property({ attribute: false }) secret: string | null = null;
  /** Field errors of the forms, by form then field (`payout.amount`, `enroll.programId`, `coupon.code`). */
  @state() protected fieldErrors: FieldErrors = {};
  /** General errors of the forms, by form. */
  @state() protected formErrors: Record<string, string> = {};
  /** The partner's coupon codes, oldest first: as loaded, plus those added since. */
  @state() protected coupons: Coupon[] | null = null;

  /** The polite live region announcing each result. */
  protected readonly live = new Announcer(this);
  protected readonly confirmDialog = new ConfirmDialog(this);
  // Each retried with the same Idempotency-Key after an unknown outcome.
  readonly #payouts = new IdempotentPost(() => this.store.client, '/admin/payouts');
  readonly #coupons = new IdempotentPost(() => this.store.client, '/admin/coupons');

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null, this.code] as const,
    task: async ([store, token, code], { signal }) => {
      this.#reset(!token);
      if (!token || !code) return initialState;
      return store.client.get<AdminPartner>(this.#path(code), { signal });
    },
  });

  /** The partner's coupon codes. */
  protected readonly couponsTask = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null, this.code] as const,
    task: async ([store, token, code], { signal }) => {
      if (!token || !code) return initialState;
      const list = await store.client.get<CouponList>(`/admin/coupons?${new URLSearchParams({ partnerCode: code })}`, { signal });
      this.coupons = list.coupons;
      return list;
    },
  });

  /** The programs a partner can be enrolled in. */
  protected readonly programsTask = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) =>
      token ? (await store.client.get<AdminProgramList>('/admin/programs', { signal })).programs : initialState,
  });

  /**
   * Reads the partner again (their balance moves as sales come in), keeping what is on screen
   * until the answer arrives; a failed first load is simply tried again.
   */
  async reload(): Promise<void> {
    await Promise.all([this.task.value ? this.#refresh() : this.task.run(), this.couponsTask.run()]);
  }

  /** Moves focus to the partner's name (after opening the detail). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.task.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="heading"], [part="error"], [part="loading"]')?.focus();
  }

  protected override render(): TemplateResult {
    if (!this.store.signedIn) return adminSignedOutState();
    return html`${this.task.render({
        pending: () => loadingState(msg('Loading the partner…')),
        complete: (partner) => this._contentTemplate(this.current ?? partner),
        error: (error) => errorState(error, () => void this.task.run()),
      })}
      <p class="visually-hidden" part="status" role="status" aria-live="polite">${this.live.text}</p>
      ${this._confirmTemplate()}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another partner: the last one's password must not show under this one's name.
    if (changed.has('code') && changed.get('code') && !changed.has('secret')) this.secret = null;
  }

  protected _contentTemplate(partner: AdminPartner): TemplateResult {
    return html`<div class="partner">
      ${this._identityTemplate(partner)} ${this.secret ? this._secretTemplate(partner) : nothing}
      <div class="columns">
        <div class="column">${this._balanceTemplate(partner)} ${this._payoutTemplate(partner)}</div>
        <div class="column">
          ${this._enrollmentsTemplate(partner)} ${this._couponTemplate(partner)} ${this._profileTemplate(partner)}
        </div>
      </div>
    </div>`;
  }

  // ---- identity and actions ---------------------------------------------------------------

  protected _identityTemplate(partner: AdminPartner): TemplateResult {
    const p = partner.profile;
    const name = html`<span class="name">${p.name}</span>`;
    return html`<div class="panel identity" part="identity">
      <span class="avatar" aria-hidden="true">${initials(p.name)}</span>
      <div class="who">
        ${this.headingLevel === 3
          ? html`<h3 part="heading" tabindex="-1">${name}</h3>`
          : html`<h2 part="heading" tabindex="-1">${name}</h2>`}
        <p class="meta">
          <span class="code">${p.code}</span>
          <span class="badge ${statusClass[p.status]}" part="badge">${statusLabel(p.status)}</span>
          <span>${msg(str`Partner since ${formatDate(p.joinedAt, this.locale)}`)}</span>
        </p>
      </div>
      <div class="actions" part="actions">
        ${p.status === 'pending'
          ? this.#actionButton('approve', msg('Approve'), 'primary', () => this.#changeStatus('approve'))
          : nothing}
        ${p.status === 'suspended'
          ? this.#actionButton('reactivate', msg('Reactivate'), 'primary', () => this.#changeStatus('reactivate'))
          : nothing}
        ${this.#actionButton('reset-password', msg('Reset password'), 'secondary', (e) => this.#confirmReset(e, p.name))}
        ${p.status !== 'suspended'
          ? this.#actionButton('suspend', msg('Suspend'), 'danger', (e) => this.#confirmSuspend(e, p.name))
          : nothing}
      </div>
      ${this.actionError ? html`<p class="form-error wide" role="alert">${this.actionError}</p>` : nothing}
    </div>`;
  }

  #actionButton(action: string, label: string, kind: string, run: (event: Event) => void): TemplateResult {
    return html`<button type="button" class=${kind} part="action" data-action=${action} ?disabled=${this.busy !== null} @click=${run}>
      ${this.busy === action ? msg('Working…') : label}
    </button>`;
  }

  #confirmSuspend(event: Event, name: string): void {
    this.confirmDialog.ask({
      title: msg(str`Suspend ${name}?`),
      body: msg('They are signed out everywhere and cannot sign in until you reactivate them. Their links keep redirecting, and their balance stays as it is.'),
      confirm: msg('Suspend partner'),
      run: () => this.#changeStatus('suspend'),
      opener: event.currentTarget as HTMLElement,
    });
  }

  #confirmReset(event: Event, name: string): void {
    this.confirmDialog.ask({
      title: msg(str`Reset ${name}'s password?`),
      body: msg('Their current password stops working and they are signed out everywhere. You get a temporary password to send them, shown once.'),
      confirm: msg('Reset password'),
      run: () => this.#resetPassword(),
      opener: event.currentTarget as HTMLElement,
    });
  }

  async #changeStatus(action: 'approve' | 'suspend' | 'reactivate'): Promise<void> {
    const done = { approve: msg('Partner approved.'), suspend: msg('Partner suspended.'), reactivate: msg('Partner reactivated.') }[action];
    const change = ({ approve: 'approved', suspend: 'suspended', reactivate: 'reactivated' } as const)[action];
    await this.#act(action, async () => {
      const partner = await this.store.client.post<AdminPartner>(`${this.#path(this.code)}/${action}`);
      this.#changed(change, partner, done);
    });
    // The button pressed is gone with the old status: keep focus on the actions.
    await this.updateComplete;
    if (!this.shadowRoot?.activeElement) {
      this.renderRoot.querySelector<HTMLElement>('[part="action"]')?.focus();
    }
  }

  async #resetPassword(): Promise<void> {
    await this.#act('reset-password', async () => {
      const answer = await this.store.client.post<AdminPasswordReset>(`${this.#path(this.code)}/reset-password`);
      this.secret = answer.temporaryPassword;
      const partner = this.#partner();
      if (partner) this.#changed('password-reset', partner, msg('Password reset. Copy the temporary password now: it is shown only once.'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#secret')?.focus();
    });
  }

  /** Runs an action with its button busy; its failure is shown under the actions. */
  async #act(action: string, run: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = action;
    this.actionError = '';
    try {
      await run();
    } catch (error) {
      this.actionError = errorText(error);
    } finally {
      this.busy = null;
    }
  }

  // ---- the password shown once --------------------------------------------------------------

  protected _secretTemplate(partner: AdminPartner): TemplateResult {
    return html`<div class="panel secret" part="secret">
      <div class="panel-header">
        ${this.#heading(msg('Temporary password'))}
        <p class="panel-intro">
          ${msg(str`Send it to ${partner.profile.name} through a channel you trust. It is shown only once: after you close this, nobody can see it again.`)}
        </p>
      </div>
      <div class="secret-row">
        <label class="visually-hidden" for="secret">${msg('Temporary password')}</label>
        <input id="secret" class="mono" readonly .value=${this.secret ?? ''} @focus=${selectField} />
        <button type="button" class="secondary" part="copy-button" @click=${this.#copySecret}>${msg('Copy')}</button>
        <button type="button" class="ghost" @click=${this.#closeSecret}>${msg('Done')}</button>
      </div>
    </div>`;
  }

  async #copySecret(): Promise<void> {
    try {
      await writeClipboard(this.secret ?? '');
      await this.live.say(msg('Password copied.'));
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#secret')?.select();
      await this.live.say(msg('Copying is not available here: press Ctrl+C (⌘C) to copy the selected password.'));
    }
  }

  async #closeSecret(): Promise<void> {
    this.secret = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="reset-password"]')?.focus();
  }

  // ---- balance and payouts ------------------------------------------------------------------

  protected _balanceTemplate(partner: AdminPartner): TemplateResult {
    const { available, pending, total } = partner.balance;
    return html`<section class="panel" aria-labelledby="balance-heading">
      <div class="panel-header">
        ${this.#heading(msg('Balance'), 'balance-heading')}
        <p class="panel-intro">${msg('Pending commissions become available when their hold period ends.')}</p>
      </div>
      <dl class="figures" part="balance">
        <div class="figure main">
          <dt>${msg('Available')}</dt>
          <dd>${formatMoney(available, this.locale)}</dd>
        </div>
        <div class="figure">
          <dt>${msg('Pending')}</dt>
          <dd>${formatMoney(pending, this.locale)}</dd>
        </div>
        <div class="figure">
          <dt>${msg('Total owed')}</dt>
          <dd>${formatMoney(total, this.locale)}</dd>
        </div>
      </dl>
    </section>`;
  }

  protected _payoutTemplate(partner: AdminPartner): TemplateResult {
    const available = partner.balance.available;
    const nothingToPay = available.amount <= 0;
    const symbol = currencySymbol(available.currency, this.locale);
    const amount = this.#field('payout-amount', 'payout.amount', msg(str`At most ${formatMoney(available, this.locale)}.`));
    const method = this.#field('payout-method', 'payout.method');
    const reference = this.#field('payout-reference', 'payout.reference', msg('Your transfer id, shown on the partner’s ledger.'));
    return html`<section class="panel" aria-labelledby="payout-heading">
      <div class="panel-header">
        ${this.#heading(msg('Record a payout'), 'payout-heading')}
        <p class="panel-intro">${msg('Record money you sent the partner. It is taken from the available balance.')}</p>
      </div>
      ${nothingToPay
        ? html`<p class="notice">${msg('Nothing is available to pay out yet.')}</p>`
        : html`<form part="payout-form" novalidate aria-label=${msg('Record a payout')} @submit=${this.#submitPayout} @input=${this.#clearFieldError}>
            ${this.#formError('payout')}
            <div class="fields">
              <div class="field">
                <label for="payout-amount">${msg(str`Amount (${available.currency})`)}<span class="required" aria-hidden="true">*</span></label>
                <div class="affix">
                  <span class="prefix" aria-hidden="true">${symbol}</span>
                  <input
                    id="payout-amount"
                    name="payout.amount"
                    inputmode="decimal"
                    autocomplete="off"
                    required
                    maxlength="20"
                    placeholder=${formatMoney({ amount: 0, currency: available.currency }, this.locale).replace(/[^\d.,]/g, '')}
                    aria-invalid=${amount.invalid}
                    aria-describedby=${amount.describedBy}
                  />
                </div>
                ${amount.hint} ${amount.error}
              </div>
              <div class="field">
                <label for="payout-method">${msg('Method (optional)')}</label>
                <input id="payout-method" name="payout.method" maxlength="40" autocomplete="off" placeholder=${msg('Bank transfer')}
                  aria-invalid=${method.invalid} aria-describedby=${method.describedBy} />
                ${method.error}
              </div>
              <div class="field wide">
                <label for="payout-reference">${msg('Reference (optional)')}</label>
                <input id="payout-reference" name="payout.reference" maxlength="128" autocomplete="off"
                  aria-invalid=${reference.invalid} aria-describedby=${reference.describedBy} />
                ${reference.hint} ${reference.error}
              </div>
            </div>
            <div class="panel-footer">
              <button type="submit" class="primary" ?disabled=${this.busy !== null}>
                ${this.busy === 'payout' ? msg('Recording…') : msg('Record payout')}
              </button>
            </div>
          </form>`}
    </section>`;
  }

  async #submitPayout(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const partner = this.#partner();
    if (!partner || this.busy) return;
    const data = new FormData(form);
    const available = partner.balance.available;
    const parsed = parseMinorUnits(String(data.get('payout.amount') ?? ''), available.currency, this.locale, MAX_AMOUNT);
    let problem = parsed.ok
      ? ''
      : amountProblemText(parsed.problem, available.currency, {
          empty: msg('Enter the amount you paid.'),
          format: msg('Enter an amount such as 125.50.'),
        });
    if (parsed.ok && parsed.value === 0) problem = msg('Enter an amount above zero.');
    if (parsed.ok && parsed.value > available.amount) {
      problem = msg(str`That is more than the available balance of ${formatMoney(available, this.locale)}.`);
    }
    if (problem || !parsed.ok) {
      await this.#showErrors('payout', { 'payout.amount': problem }, '');
      return;
    }
    const body = {
      partnerCode: partner.profile.code,
      amount: { amount: parsed.value, currency: available.currency },
      method: String(data.get('payout.method') ?? '').trim(),
      reference: String(data.get('payout.reference') ?? '').trim(),
    };
    this.busy = 'payout';
    this.#clearErrors('payout');
    try {
      const result = await this.#payouts.send<PayoutResult>(body);
      form.reset();
      const paid = formatMoney(result.amount, this.locale);
      const left = formatMoney(result.availableAfter, this.locale);
      const after: AdminPartner = {
        ...partner,
        balance: {
          available: result.availableAfter,
          pending: partner.balance.pending,
          total: { ...partner.balance.total, amount: partner.balance.total.amount - result.amount.amount },
        },
      };
      this.#changed('payout', after, msg(str`Payout of ${paid} recorded. ${left} is still available.`));
      void this.#refresh();
    } catch (error) {
      await this.#showErrors(
        'payout',
        this.#apiFields('payout', error, { 'amount.amount': 'amount', amount: 'amount', method: 'method', reference: 'reference' }),
        unknownOutcome(error)
          ? msg('The server could not confirm the payout. Submit it again: it will not be recorded twice.')
          : errorText(error),
      );
    } finally {
      this.busy = null;
    }
  }

  // ---- programs -----------------------------------------------------------------------------

  protected _enrollmentsTemplate(partner: AdminPartner): TemplateResult {
    return html`<section class="panel" aria-labelledby="programs-heading">
      <div class="panel-header">
        ${this.#heading(msg('Programs'), 'programs-heading')}
        <p class="panel-intro">${msg('The partner earns commission in the programs they are enrolled in.')}</p>
      </div>
      ${partner.enrollments.length
        ? html`<ul class="enrollments" part="enrollments">
            ${partner.enrollments.map(
              (e) => html`<li>
                <span class="enrollment">
                  <span class="enrollment-name">${e.programName}</span>
                  <span class="muted small">${msg(str`Since ${formatDate(e.enrolledAt, this.locale)}`)}</span>
                </span>
                <button
                  type="button"
                  class="small ghost"
                  aria-label=${msg(str`Remove from ${e.programName}`)}
                  ?disabled=${this.busy !== null}
                  @click=${() => this.#confirmUnenroll(e.programId, e.programName, partner.profile.name)}
                >
                  ${msg('Remove')}
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${msg('Not enrolled in any program yet.')}</p>`}
      ${this._enrollFormTemplate(partner)}
    </section>`;
  }

  protected _enrollFormTemplate(partner: AdminPartner): unknown {
    return this.programsTask.render({
      initial: () => nothing,
      pending: () => html`<p class="muted small" role="status">${msg('Loading programs…')}</p>`,
      error: () => html`<p class="form-error">
        ${msg('The programs could not be loaded.')}
        <button type="button" class="link" @click=${() => void this.programsTask.run()}>${msg('Try again')}</button>
      </p>`,
      complete: (programs: AdminProgram[]) => {
        const enrolled = new Set(partner.enrollments.map((e) => e.programId));
        const open = programs.filter((p) => !p.archived && !enrolled.has(p.id));
        if (!open.length) return html`<p class="muted small all-enrolled">${msg('Enrolled in every active program.')}</p>`;
        const program = this.#field('enroll-program', 'enroll.programId');
        return html`<form class="inline-form" part="enroll-form" aria-label=${msg('Enroll in a program')} @submit=${this.#enroll} @change=${this.#clearFieldError}>
          ${this.#formError('enroll')}
          <div class="field grow">
            <label for="enroll-program">${msg('Enroll in a program')}</label>
            <select id="enroll-program" name="enroll.programId" aria-invalid=${program.invalid} aria-describedby=${program.describedBy}>
              ${open.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
            </select>
            ${program.error}
          </div>
          <button type="submit" class="secondary" ?disabled=${this.busy !== null}>
            ${this.busy === 'enroll' ? msg('Enrolling…') : msg('Enroll')}
          </button>
        </form>`;
      },
    });
  }

  async #enroll(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const programId = Number(new FormData(event.currentTarget as HTMLFormElement).get('enroll.programId'));
    this.busy = 'enroll';
    this.#clearErrors('enroll');
    try {
      const partner = await this.store.client.post<AdminPartner>(`${this.#path(this.code)}/enrollments`, { body: { programId } });
      const name = partner.enrollments.find((e) => e.programId === programId)?.programName ?? '';
      this.#changed('enrolled', partner, msg(str`Enrolled in ${name}.`));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#enroll-program, [part="enrollments"] button')?.focus();
    } catch (error) {
      await this.#showErrors('enroll', this.#apiFields('enroll', error, { programId: 'programId' }), errorText(error));
    } finally {
      this.busy = null;
    }
  }

  #confirmUnenroll(programId: number, programName: string, name: string): void {
    this.confirmDialog.ask({
      title: msg(str`Remove ${name} from ${programName}?`),
      body: msg('They stop earning commission in this program. What they earned so far stays on their balance.'),
      confirm: msg('Remove from program'),
      run: () =>
        this.#act('unenroll', async () => {
          await this.store.client.delete(`${this.#path(this.code)}/enrollments/${programId}`);
          await this.#refresh('unenrolled', msg(str`Removed from ${programName}.`));
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#programs-heading')?.closest('section')?.querySelector<HTMLElement>('button, select')?.focus();
        }),
      opener: null,
    });
  }

  // ---- coupons ------------------------------------------------------------------------------

  protected _couponTemplate(partner: AdminPartner): TemplateResult {
    const code = this.#field('coupon-code', 'coupon.code', msg('Letters, digits, - and _.'));
    return html`<section class="panel" aria-labelledby="coupon-heading">
      <div class="panel-header">
        ${this.#heading(msg('Coupon codes'), 'coupon-heading')}
        <p class="panel-intro">${msg(str`Sales checked out with the code are credited to ${partner.profile.name}, even without a click.`)}</p>
      </div>
      ${this._couponListTemplate()}
      <form class="inline-form" part="coupon-form" novalidate aria-label=${msg('Add a coupon code')} @submit=${this.#addCoupon} @input=${this.#clearFieldError}>
        ${this.#formError('coupon')}
        <div class="field grow">
          <label for="coupon-code">${msg('New coupon code')}</label>
          <input
            id="coupon-code"
            name="coupon.code"
            class="mono"
            required
            minlength="3"
            maxlength="64"
            pattern="[A-Za-z0-9_\\-]+"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${code.invalid}
            aria-describedby=${code.describedBy}
          />
          ${code.hint} ${code.error}
        </div>
        <button type="submit" class="secondary" ?disabled=${this.busy !== null}>
          ${this.busy === 'coupon' ? msg('Adding…') : msg('Add code')}
        </button>
      </form>
    </section>`;
  }

  /** The partner's codes; while they load again the last list stays. */
  protected _couponListTemplate(): unknown {
    const list = (coupons: Coupon[]) =>
      coupons.length
        ? html`<ul class="given" part="coupons" aria-label=${msg('Coupon codes')}>
            ${coupons.map((c) => html`<li class="chip mono">${c.code}</li>`)}
          </ul>`
        : html`<p class="muted small no-coupons">${msg('No coupon codes yet.')}</p>`;
    return this.couponsTask.render({
      initial: () => nothing,
      pending: () => (this.coupons ? list(this.coupons) : html`<p class="muted small" role="status">${msg('Loading coupon codes…')}</p>`),
      error: () => html`<p class="form-error">
        ${msg('The coupon codes could not be loaded.')}
        <button type="button" class="link" @click=${() => void this.couponsTask.run()}>${msg('Try again')}</button>
      </p>`,
      complete: () => list(this.coupons ?? []),
    });
  }

  async #addCoupon(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.querySelector('input')!;
    const partner = this.#partner();
    if (!partner || this.busy) return;
    if (!input.checkValidity()) {
      const message = input.validity.patternMismatch ? msg('Use letters, digits, - and _ only.') : input.validationMessage;
      await this.#showErrors('coupon', { 'coupon.code': message }, '');
      return;
    }
    const body = { code: input.value.trim(), partnerCode: partner.profile.code };
    this.busy = 'coupon';
    this.#clearErrors('coupon');
    try {
      const coupon = await this.#coupons.send<Coupon>(body);
      form.reset();
      this.coupons = [...(this.coupons ?? []), coupon];
      this.#changed('coupon', partner, msg(str`Coupon code ${coupon.code} added.`));
    } catch (error) {
      await this.#showErrors('coupon', this.#apiFields('coupon', error, { code: 'code' }), errorText(error));
    } finally {
      this.busy = null;
    }
  }

  // ---- profile ------------------------------------------------------------------------------

  protected _profileTemplate(partner: AdminPartner): TemplateResult {
    const p = partner.profile;
    const given = (value: string) => (value.trim() ? value : html`<span class="muted">${msg('Not given')}</span>`);
    const address = addressLines(p.address, this.locale);
    return html`<section class="panel" aria-labelledby="profile-heading">
      <div class="panel-header">${this.#heading(msg('Contact details'), 'profile-heading')}</div>
      <dl class="details" part="profile">
        ${item(msg('Email'), html`<a href="mailto:${p.email}">${p.email}</a>`)} ${item(msg('Company'), given(p.company))}
        ${item(msg('Phone'), given(p.phone))}
        ${item(
          msg('Website'),
          /^https?:\/\//i.test(p.website) ? html`<a href=${p.website} target="_blank" rel="noopener noreferrer">${p.website}</a>` : given(p.website),
        )}
        ${item(msg('Payout email'), p.payoutEmail || html`<span class="muted">${msg('Same as contact email')}</span>`)}
        ${item(msg('Address'), address.length ? address.map((line, i) => (i ? html`<br />${line}` : line)) : given(''))}
      </dl>
    </section>`;
  }

  // ---- confirmation dialog ------------------------------------------------------------------

  protected _confirmTemplate(): TemplateResult | typeof nothing {
    return this.confirmDialog.render();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A panel's heading, one level below the partner's name. */
  #heading(text: string, id?: string): TemplateResult {
    const tag = this.headingLevel === 3 ? literal`h4` : literal`h3`;
    return staticHtml`<${tag} id=${ifDefined(id)}>${text}</${tag}>`;
  }

  #path(code: string): string {
    return `/admin/partners/${encodeURIComponent(code)}`;
  }

  #partner(): AdminPartner | null {
    return this.current ?? this.task.value ?? null;
  }

  /** Reads the partner again without the loading state (after a change whose answer is not the partner). */
  async #refresh(change?: PartnerChange, announcement?: string): Promise<void> {
    try {
      const partner = await this.store.client.get<AdminPartner>(this.#path(this.code));
      if (partner.profile.code !== this.code) return;
      this.current = partner;
      if (change && announcement) this.#changed(change, partner, announcement);
    } catch (error) {
      if (announcement) throw error;
      // The change itself succeeded and was announced; the figures catch up on the next load.
    }
  }

  #changed(change: PartnerChange, partner: AdminPartner, announcement: string): void {
    this.current = partner;
    void this.live.say(announcement);
    adminFire(this, 'rp-admin-partner-changed', { code: partner.profile.code, change, partner });
  }

  #formError(form: string): TemplateResult | typeof nothing {
    const text = this.formErrors[form];
    return text ? html`<p class="form-error" role="alert">${text}</p>` : nothing;
  }

  /** The parts of the field whose control is `#id`, named `name` (`payout.amount`). */
  #field(id: string, name: string, hint?: string) {
    return fieldParts(id, this.fieldErrors[name], hint);
  }

  /** The API's field errors of a form, renamed to its fields (`amount.amount` → `payout.amount`). */
  #apiFields(form: string, error: unknown, names: Record<string, string>): FieldErrors {
    return serverErrors(error, (path) => (names[path] ? `${form}.${names[path]}` : null)).fields;
  }

  #clearFieldError(event: Event): void {
    this.fieldErrors = withoutError(this.fieldErrors, (event.target as HTMLInputElement).name);
  }

  #clearErrors(form: string): void {
    this.fieldErrors = Object.fromEntries(Object.entries(this.fieldErrors).filter(([name]) => !name.startsWith(`${form}.`)));
    const { [form]: _cleared, ...rest } = this.formErrors;
    this.formErrors = rest;
  }

  /** Shows a form's field errors (or its general error when none is a field), focusing the first. */
  async #showErrors(form: string, fields: Record<string, string>, general: string): Promise<void> {
    this.#clearErrors(form);
    const shown = Object.fromEntries(Object.entries(fields).filter(([, text]) => text));
    this.fieldErrors = { ...this.fieldErrors, ...shown };
    if (!Object.keys(shown).length && general) this.formErrors = { ...this.formErrors, [form]: general };
    await this.updateComplete;
    const first = Object.keys(shown)[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  #reset(signedOut: boolean): void {
    this.current = null;
    if (signedOut) this.secret = null;
    this.confirmDialog.clear();
    this.actionError = '';
    this.fieldErrors = {};
    this.formErrors = {};
    this.coupons = null;
    this.#payouts.reset();
    this.#coupons.reset();
  }
}

/** The status as a merchant reads it. */
export function statusLabel(status: PartnerStatus): string {
  return { active: msg('Active'), pending: msg('Pending approval'), suspended: msg('Suspended') }[status];
}

/** "Dana Demo" → "DD". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...(w ?? '')][0] ?? '').join('').toUpperCase();
}

function item(label: string, value: unknown): TemplateResult {
  return html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

function addressLines(a: Address, locale: string): string[] {
  const cityLine = [[a.city, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.country ? countryName(a.country, locale) : ''].filter((line) => line.trim() !== '');
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

RpAdminPartner.define('rp-admin-partner');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-partner': RpAdminPartner;
  }
}

declare module '../rp-admin-element.js' {
  interface RpAdminEventMap {
    'rp-admin-partner-changed': CustomEvent<RpPartnerChangedDetail>;
  }
}
