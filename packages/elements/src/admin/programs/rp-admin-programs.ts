import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { AdminProgram, AdminProgramCreate, AdminProgramList, AdminProgramUpdate, CommissionRule, CommissionRuleType } from '@rp/contract';
import { emptyState, errorState, loadingState } from '../../core/states.js';
import { RpAdminElement, adminFire, adminSignedOutState } from '../rp-admin-element.js';
import { adminStyles } from '../admin-styles.js';
import { Announcer, constraintErrors, errorText, fieldParts, serverErrors, withoutError, type FieldErrors } from '../admin-form.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import {
  amountProblemText,
  currencySymbol,
  formatMinorUnits,
  formatPercentInput,
  parseBasisPoints,
  parseMinorUnits,
  type AmountProblem,
} from '../money-input.js';
import { ruleScope, ruleSentence } from './rule-text.js';
import { programStyles } from './rp-admin-programs.styles.js';

/** The largest flat commission the API takes, in minor units. */
const MAX_RULE_AMOUNT = 1_000_000_000;

/** Which form is open: one at a time. */
type Editing =
  | { kind: 'new-program' }
  | { kind: 'program'; programId: number }
  | { kind: 'new-rule'; programId: number }
  | { kind: 'rule'; programId: number; ruleId: number };

/** The program form's fields, by their API names. */
const PROGRAM_FIELDS = ['name', 'description', 'currency', 'attributionWindowDays', 'holdDays', 'isOpen', 'archived'] as const;
type ProgramField = (typeof PROGRAM_FIELDS)[number];

/** The rule form's fields; the API's paths map onto them (`amount.amount` → `amount`). */
const RULE_FIELDS: Record<string, string> = {
  type: 'type',
  basisPoints: 'percent',
  amount: 'amount',
  'amount.amount': 'amount',
  'amount.currency': 'amount',
  recurringMonths: 'months',
  productSku: 'sku',
  note: 'note',
};

export interface RpProgramSavedDetail {
  program: AdminProgram;
}

/** The text with each product code in a span that does not wrap, so "GRINDER-PRO" never breaks at its hyphen. */
const keepWhole = (text: string, code: string | null) =>
  code ? text.split(code).flatMap((part, i) => (i ? [html`<span class="code">${code}</span>`, part] : [part])) : text;

/**
 * The merchant's programs and their commission rules. Create a program or edit one (name,
 * description, currency, attribution window, hold period, open for sign-up, archived); each
 * program's rules are listed in plain words ("12.5% of each sale, for 12 months of renewals",
 * "$5.00 per lead") and can be added, edited and removed. Percentages are typed as percentages
 * and sent as integer basis points, amounts in major units and sent as integer minor units, both
 * converted exactly from the typed decimal. The server's field errors show at their fields.
 *
 * @summary Programs and commission rules for the merchant's back office.
 *
 * @fires rp-admin-program-saved - A program, or one of its rules, was created, changed or removed.
 *   `detail.program` is the program after the change.
 *
 * @slot header - Replaces the heading and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when there are no programs.
 * @slot signed-out - Shown instead of the default text when no admin is signed in.
 *
 * @csspart heading - The heading.
 * @csspart new-button - The "New program" button.
 * @csspart program - Each program's panel.
 * @csspart badge - The "Open for sign-up", "By invitation" and "Archived" badges.
 * @csspart terms - A program's currency, attribution window, hold period and partner count.
 * @csspart rules - A program's list of rules.
 * @csspart rule - Each rule.
 * @csspart program-form - The form creating or editing a program.
 * @csspart field-error - A field's error message in a form.
 * @csspart rule-form - The form adding or editing a rule.
 * @csspart status - The live region announcing each saved change.
 * @csspart confirm - The dialog confirming a rule's removal.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (primary buttons, focus, the rules' marker).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of labels and hints.
 * @cssprop --rp-surface - Panel background.
 * @cssprop --rp-surface-alt - Background of forms inside a program.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Errors and the remove buttons.
 * @cssprop --rp-success - "Open for sign-up".
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-programs
 */
@localized()
export class RpAdminPrograms extends RpAdminElement {
  static override styles = [adminStyles, programStyles];

  /** The programs as last changed, newer than the task's value. */
  @state() protected programs: AdminProgram[] = [];
  @state() protected editing: Editing | null = null;
  @state() protected saving = false;
  @state() protected fieldErrors: FieldErrors = {};
  @state() protected formError = '';
  /** The rule form's chosen type and recurrence (they decide which fields show). */
  @state() protected ruleType: CommissionRuleType = 'percent_of_sale';
  @state() protected ruleRecurring = false;
  /** The polite live region announcing each saved change. */
  protected readonly live = new Announcer(this);
  /** Asks before a rule is removed. */
  protected readonly confirmDialog = new ConfirmDialog(this);

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null] as const,
    task: async ([store, token], { signal }) => {
      this.editing = null;
      this.confirmDialog.clear();
      if (!token) return initialState;
      const list = await store.client.get<AdminProgramList>('/admin/programs', { signal });
      this.programs = list.programs;
      return list;
    },
  });

  /** Reads the programs again (partner counts change as partners enroll); an open form is closed. */
  async reload(): Promise<void> {
    await this.task.run();
  }

  protected override render(): TemplateResult {
    return html`<section class="admin">
      <slot name="header">${this._headerTemplate()}</slot>
      ${this.store.signedIn
        ? this.task.render({
            pending: () => (this.programs.length ? this._contentTemplate() : loadingState(msg('Loading programs…'))),
            complete: () => this._contentTemplate(),
            error: (error) => errorState(error, () => void this.task.run()),
          })
        : adminSignedOutState()}
      <p class="visually-hidden" part="status" role="status" aria-live="polite">${this.live.text}</p>
      ${this._confirmTemplate()}
    </section>`;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div class="admin-header">
      <div>
        <h2 part="heading">${msg('Programs')}</h2>
        <p class="intro">${msg('What partners earn: each program’s terms and its commission rules.')}</p>
      </div>
      ${this.store.signedIn && this.task.value
        ? html`<div class="header-actions">
            <button type="button" class="primary" part="new-button" ?disabled=${this.editing?.kind === 'new-program'} @click=${this.#newProgram}>
              ${msg('New program')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  protected _contentTemplate(): TemplateResult {
    const active = this.programs.filter((p) => !p.archived);
    const archived = this.programs.filter((p) => p.archived);
    return html`${this.editing?.kind === 'new-program' ? html`<div class="panel new-program">${this._programFormTemplate(null)}</div>` : nothing}
      ${this.programs.length
        ? html`<div class="programs">${active.map((p) => this._programTemplate(p))}</div>
            ${archived.length
              ? html`<h3 class="group-heading">${msg('Archived')}</h3>
                  <div class="programs">${archived.map((p) => this._programTemplate(p))}</div>`
              : nothing}`
        : this.editing?.kind === 'new-program'
          ? nothing
          : emptyState(msg('No programs yet. Create one, then add the commission rules partners earn by.'))}`;
  }

  // ---- a program ----------------------------------------------------------------------------

  protected _programTemplate(program: AdminProgram): TemplateResult {
    const editing = this.editing;
    if (editing?.kind === 'program' && editing.programId === program.id) {
      return html`<article class="panel program editing" part="program" data-program=${program.id}>${this._programFormTemplate(program)}</article>`;
    }
    const headingId = `program-${program.id}`;
    return html`<article class="panel program ${program.archived ? 'archived' : ''}" part="program" data-program=${program.id} aria-labelledby=${headingId}>
      <div class="program-head">
        <div class="program-title">
          <h3 id=${headingId} tabindex="-1">${program.name}</h3>
          ${program.archived
            ? html`<span class="badge" part="badge">${msg('Archived')}</span>`
            : program.isOpen
              ? html`<span class="badge success" part="badge">${msg('Open for sign-up')}</span>`
              : html`<span class="badge" part="badge">${msg('By invitation')}</span>`}
        </div>
        <button
          type="button"
          class="secondary small"
          data-edit-program=${program.id}
          aria-label=${msg(str`Edit ${program.name}`)}
          @click=${() => this.#open({ kind: 'program', programId: program.id }, '#program-name')}
        >
          ${msg('Edit')}
        </button>
      </div>
      ${program.description.trim()
        ? html`<p class="description">${program.description}</p>`
        : html`<p class="description muted">${msg('No description.')}</p>`}
      <dl class="terms" part="terms">
        <div>
          <dt>${msg('Currency')}</dt>
          <dd>${program.currency}</dd>
        </div>
        <div>
          <dt>${msg('Attribution window')}</dt>
          <dd>${days(program.attributionWindowDays)}</dd>
        </div>
        <div>
          <dt>${msg('Hold period')}</dt>
          <dd>${program.holdDays === 0 ? msg('None') : days(program.holdDays)}</dd>
        </div>
        <div>
          <dt>${msg('Partners')}</dt>
          <dd>${new Intl.NumberFormat(this.locale).format(program.enrolledPartners)}</dd>
        </div>
      </dl>
      <div class="rules-block">
        <h4>${msg('Commission rules')}</h4>
        ${program.rules.length
          ? html`<ul class="rules" part="rules">
              ${program.rules.map((rule) => this._ruleTemplate(program, rule))}
            </ul>`
          : html`<p class="muted no-rules">${msg('No rules yet: partners earn nothing in this program until you add one.')}</p>`}
        ${editing?.kind === 'new-rule' && editing.programId === program.id
          ? this._ruleFormTemplate(program, null)
          : html`<button
              type="button"
              class="link add-rule"
              data-add-rule=${program.id}
              @click=${() => this.#openRule(program, null)}
            >
              <span aria-hidden="true">+</span> ${msg('Add rule')}<span class="visually-hidden">${msg(str` to ${program.name}`)}</span>
            </button>`}
      </div>
    </article>`;
  }

  protected _ruleTemplate(program: AdminProgram, rule: CommissionRule): TemplateResult {
    const editing = this.editing;
    if (editing?.kind === 'rule' && editing.ruleId === rule.id) return html`<li class="editing">${this._ruleFormTemplate(program, rule)}</li>`;
    const sentence = ruleSentence(rule, this.locale);
    return html`<li part="rule" data-rule=${rule.id}>
      <div class="rule-text">
        <span class="sentence">${keepWhole(sentence, rule.productSku)}</span>
        <span class="scope">${keepWhole(ruleScope(rule), rule.productSku)}</span>
        ${rule.note.trim() ? html`<span class="note">${rule.note}</span>` : nothing}
      </div>
      <div class="rule-actions">
        <button type="button" class="ghost small" data-edit-rule=${rule.id} aria-label=${msg(str`Edit rule: ${sentence}`)} @click=${() => this.#openRule(program, rule)}>
          ${msg('Edit')}
        </button>
        <button
          type="button"
          class="ghost small remove"
          data-remove-rule=${rule.id}
          aria-label=${msg(str`Remove rule: ${sentence}`)}
          ?disabled=${this.saving}
          @click=${(event: Event) => this.#confirmRemove(event, program, rule)}
        >
          ${msg('Remove')}
        </button>
      </div>
    </li>`;
  }

  // ---- the program form ---------------------------------------------------------------------

  protected _programFormTemplate(program: AdminProgram | null): TemplateResult {
    const f = (name: ProgramField, hint?: string) => this.#field(`program-${name}`, name, hint);
    const name = f('name');
    const description = f('description', msg('Partners read it in their center. Plain text.'));
    const currency = f('currency', msg('Three letters, such as USD or EUR. Fixed once the program has conversions.'));
    const window = f('attributionWindowDays', msg('How long after a click a lead or sale is still credited.'));
    const hold = f('holdDays', msg('Commissions stay pending (refundable) this long before they can be paid.'));
    const isOpen = f('isOpen', msg('Offered to partners when they sign up.'));
    const archived = f('archived', msg('Hidden from sign-up and new enrollments; partners keep what they earned.'));
    const headingId = program ? `program-form-${program.id}` : 'program-form-new';
    return html`<form part="program-form" novalidate aria-labelledby=${headingId} @submit=${this.#saveProgram} @input=${this.#clearError} @change=${this.#clearError} @keydown=${this.#escape}>
      <div class="panel-header">
        <h3 id=${headingId}>${program ? msg(str`Edit ${program.name}`) : msg('New program')}</h3>
      </div>
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="fields">
        <div class="field wide">
          <label for="program-name">${msg('Name')}<span class="required" aria-hidden="true">*</span></label>
          <input id="program-name" name="name" required maxlength="100" autocomplete="off" value=${program?.name ?? ''} aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />
          ${name.error}
        </div>
        <div class="field wide">
          <label for="program-description">${msg('Description')}</label>
          <textarea id="program-description" name="description" rows="3" maxlength="2000" aria-invalid=${description.invalid} aria-describedby=${description.describedBy} .value=${program?.description ?? ''}></textarea>
          ${description.hint} ${description.error}
        </div>
        <div class="field">
          <label for="program-currency">${msg('Currency')}<span class="required" aria-hidden="true">*</span></label>
          <input
            id="program-currency"
            name="currency"
            class="upper"
            required
            minlength="3"
            maxlength="3"
            pattern="[A-Za-z]{3}"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            value=${program?.currency ?? 'USD'}
            aria-invalid=${currency.invalid}
            aria-describedby=${currency.describedBy}
          />
          ${currency.hint} ${currency.error}
        </div>
        <div class="field">
          <label for="program-attributionWindowDays">${msg('Attribution window (days)')}<span class="required" aria-hidden="true">*</span></label>
          <input id="program-attributionWindowDays" name="attributionWindowDays" type="number" inputmode="numeric" required min="1" max="3650" step="1"
            value=${program?.attributionWindowDays ?? 30} aria-invalid=${window.invalid} aria-describedby=${window.describedBy} />
          ${window.hint} ${window.error}
        </div>
        <div class="field">
          <label for="program-holdDays">${msg('Hold period (days)')}<span class="required" aria-hidden="true">*</span></label>
          <input id="program-holdDays" name="holdDays" type="number" inputmode="numeric" required min="0" max="3650" step="1"
            value=${program?.holdDays ?? 30} aria-invalid=${hold.invalid} aria-describedby=${hold.describedBy} />
          ${hold.hint} ${hold.error}
        </div>
        <div class="field wide checks">
          <div class="check-field">
            <input id="program-isOpen" name="isOpen" type="checkbox" ?checked=${program?.isOpen ?? true} aria-invalid=${isOpen.invalid} aria-describedby=${isOpen.describedBy} />
            <div>
              <label for="program-isOpen">${msg('Open for sign-up')}</label>
              ${isOpen.hint} ${isOpen.error}
            </div>
          </div>
          ${program
            ? html`<div class="check-field">
                <input id="program-archived" name="archived" type="checkbox" ?checked=${program.archived} aria-invalid=${archived.invalid} aria-describedby=${archived.describedBy} />
                <div>
                  <label for="program-archived">${msg('Archived')}</label>
                  ${archived.hint} ${archived.error}
                </div>
              </div>`
            : nothing}
        </div>
      </div>
      <div class="panel-footer">
        <button type="submit" class="primary" ?disabled=${this.saving}>
          ${this.saving ? msg('Saving…') : program ? msg('Save changes') : msg('Create program')}
        </button>
        <button type="button" @click=${this.#cancel}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  async #saveProgram(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const form = event.currentTarget as HTMLFormElement;
    if (!(await this.#checkForm(form))) return;
    const data = new FormData(form);
    const values: AdminProgramCreate & { archived?: boolean } = {
      name: String(data.get('name') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      currency: String(data.get('currency') ?? '').trim().toUpperCase(),
      attributionWindowDays: Number(data.get('attributionWindowDays')),
      holdDays: Number(data.get('holdDays')),
      isOpen: data.has('isOpen'),
    };
    const editing = this.editing;
    const program = editing?.kind === 'program' ? this.programs.find((p) => p.id === editing.programId) : undefined;
    let send: () => Promise<AdminProgram>;
    if (program) {
      values.archived = data.has('archived');
      const update: Record<string, unknown> = {};
      for (const key of PROGRAM_FIELDS) if (values[key] !== program[key]) update[key] = values[key];
      if (!Object.keys(update).length) {
        await this.#close(msg('No changes to save.'), `#program-${program.id}`);
        return;
      }
      send = () => this.store.client.patch<AdminProgram>(`/admin/programs/${program.id}`, { body: update as AdminProgramUpdate });
    } else {
      send = () => this.store.client.post<AdminProgram>('/admin/programs', { body: values });
    }
    await this.#save(async () => {
      const saved = await send();
      this.programs = program ? this.programs.map((p) => (p.id === saved.id ? saved : p)) : [...this.programs, saved];
      this.#fireSaved(saved);
      await this.#close(program ? msg('Program saved.') : msg(str`Program ${saved.name} created.`), `#program-${saved.id}`);
    }, (path) => (PROGRAM_FIELDS as readonly string[]).includes(path) ? path : null);
  }

  // ---- the rule form ------------------------------------------------------------------------

  protected _ruleFormTemplate(program: AdminProgram, rule: CommissionRule | null): TemplateResult {
    const type = this.ruleType;
    const forSales = type !== 'flat_per_lead';
    const typeField = this.#field('rule-type', 'type');
    const percent = this.#field('rule-percent', 'percent', msg('Up to two decimals, such as 12.5.'));
    const amount = this.#field('rule-amount', 'amount');
    const months = this.#field('rule-months', 'months');
    const sku = this.#field('rule-sku', 'sku', msg('Leave empty for the general rule; a SKU makes an override for that product.'));
    const note = this.#field('rule-note', 'note', msg('Shown to partners beside the rule.'));
    const recurring = rule && 'recurringMonths' in rule ? rule.recurringMonths : null;
    const types: Array<[CommissionRuleType, string]> = [
      ['percent_of_sale', msg('Percentage of each sale')],
      ['flat_per_sale', msg('Fixed amount per sale')],
      ['flat_per_lead', msg('Fixed amount per lead')],
    ];
    const headingId = `rule-form-${program.id}`;
    return html`<form class="rule-form" part="rule-form" novalidate aria-labelledby=${headingId} @submit=${this.#saveRule} @input=${this.#clearError} @change=${this.#ruleChange} @keydown=${this.#escape}>
      <h5 id=${headingId}>${rule ? msg('Edit rule') : msg(str`New rule for ${program.name}`)}</h5>
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <fieldset class="types" aria-describedby=${typeField.describedBy}>
        <legend>${msg('Commission')}</legend>
        <div class="segmented">
          ${types.map(
            ([value, label]) => html`<label class="segment">
              <input type="radio" name="type" value=${value} ?checked=${type === value} />
              <span>${label}</span>
            </label>`,
          )}
        </div>
        ${typeField.error}
      </fieldset>
      <div class="fields">
        ${type === 'percent_of_sale'
          ? html`<div class="field">
              <label for="rule-percent">${msg('Percentage')}<span class="required" aria-hidden="true">*</span></label>
              <div class="affix">
                <input id="rule-percent" name="percent" inputmode="decimal" autocomplete="off" required maxlength="8"
                  value=${rule?.type === 'percent_of_sale' ? formatPercentInput(rule.basisPoints, this.locale) : ''}
                  aria-invalid=${percent.invalid} aria-describedby=${percent.describedBy} />
                <span class="suffix" aria-hidden="true">%</span>
              </div>
              ${percent.hint} ${percent.error}
            </div>`
          : html`<div class="field">
              <label for="rule-amount">${msg(str`Amount (${program.currency})`)}<span class="required" aria-hidden="true">*</span></label>
              <div class="affix">
                <span class="prefix" aria-hidden="true">${currencySymbol(program.currency, this.locale)}</span>
                <input id="rule-amount" name="amount" inputmode="decimal" autocomplete="off" required maxlength="16"
                  value=${rule && 'amount' in rule ? formatMinorUnits(rule.amount.amount, rule.amount.currency, this.locale) : ''}
                  aria-invalid=${amount.invalid} aria-describedby=${amount.describedBy} />
              </div>
              ${amount.error}
            </div>`}
        ${forSales
          ? html`<div class="field">
                <label for="rule-sku">${msg('Product SKU (optional)')}</label>
                <input id="rule-sku" name="sku" class="mono" maxlength="100" autocomplete="off" spellcheck="false"
                  value=${rule?.productSku ?? ''} aria-invalid=${sku.invalid} aria-describedby=${sku.describedBy} />
                ${sku.hint} ${sku.error}
              </div>
              <div class="field wide">
                <div class="check-field">
                  <input id="rule-recurring" name="recurring" type="checkbox" ?checked=${this.ruleRecurring} />
                  <label for="rule-recurring">${msg('Also pay on subscription renewals')}</label>
                </div>
                ${this.ruleRecurring
                  ? html`<div class="months">
                      <label for="rule-months">${msg('For how many months')}</label>
                      <input id="rule-months" name="months" type="number" inputmode="numeric" required min="1" max="120" step="1"
                        value=${recurring ?? 12} aria-invalid=${months.invalid} aria-describedby=${months.describedBy} />
                      <span class="muted">${msg('months (1 to 120)')}</span>
                    </div>
                    ${months.error}`
                  : nothing}
              </div>`
          : nothing}
        <div class="field wide">
          <label for="rule-note">${msg('Note (optional)')}</label>
          <input id="rule-note" name="note" maxlength="500" autocomplete="off" value=${rule?.note ?? ''} aria-invalid=${note.invalid} aria-describedby=${note.describedBy} />
          ${note.hint} ${note.error}
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? msg('Saving…') : rule ? msg('Save rule') : msg('Add rule')}</button>
        <button type="button" @click=${this.#cancel}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #ruleChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'type') this.ruleType = input.value as CommissionRuleType;
    if (input.name === 'recurring') this.ruleRecurring = input.checked;
    this.#clearError(event);
  }

  async #saveRule(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const editing = this.editing;
    if (editing?.kind !== 'rule' && editing?.kind !== 'new-rule') return;
    const program = this.programs.find((p) => p.id === editing.programId);
    if (!program) return;
    const form = event.currentTarget as HTMLFormElement;
    if (!(await this.#checkForm(form))) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const type = this.ruleType;

    // Exact conversions of what was typed.
    const problems: Record<string, string> = {};
    let body: Record<string, unknown>;
    if (type === 'percent_of_sale') {
      const parsed = parseBasisPoints(text('percent'), this.locale);
      if (!parsed.ok) problems.percent = percentProblem(parsed.problem);
      body = { type, basisPoints: parsed.ok ? parsed.value : 0 };
    } else {
      const parsed = parseMinorUnits(text('amount'), program.currency, this.locale, MAX_RULE_AMOUNT);
      if (!parsed.ok) {
        problems.amount = amountProblemText(parsed.problem, program.currency, {
          empty: msg('Enter the amount.'),
          format: msg('Enter an amount such as 5.00.'),
        });
      }
      body = { type, amount: { amount: parsed.ok ? parsed.value : 0, currency: program.currency } };
    }
    if (type !== 'flat_per_lead') {
      body.recurringMonths = this.ruleRecurring ? Number(data.get('months')) : null;
      body.productSku = text('sku') || null;
    } else {
      body.productSku = null; // a lead has no product, whatever the rule was before
    }
    body.note = text('note');
    if (Object.keys(problems).length) {
      this.fieldErrors = problems;
      this.formError = '';
      await this.#focusInvalid();
      return;
    }

    const ruleId = editing.kind === 'rule' ? editing.ruleId : null;
    await this.#save(async () => {
      const saved =
        ruleId === null
          ? await this.store.client.post<CommissionRule>(`/admin/programs/${program.id}/rules`, { body })
          : await this.store.client.patch<CommissionRule>(`/admin/programs/${program.id}/rules/${ruleId}`, { body });
      const rules = ruleId === null ? [...program.rules, saved] : program.rules.map((r) => (r.id === saved.id ? saved : r));
      const updated = { ...program, rules: ordered(rules) };
      this.programs = this.programs.map((p) => (p.id === program.id ? updated : p));
      this.#fireSaved(updated);
      await this.#close(ruleId === null ? msg('Rule added.') : msg('Rule saved.'), `[data-edit-rule="${saved.id}"]`);
    }, (path) => RULE_FIELDS[path] ?? null);
  }

  #openRule(program: AdminProgram, rule: CommissionRule | null): void {
    this.ruleType = rule?.type ?? 'percent_of_sale';
    this.ruleRecurring = rule !== null && 'recurringMonths' in rule && rule.recurringMonths !== null;
    void this.#open(rule ? { kind: 'rule', programId: program.id, ruleId: rule.id } : { kind: 'new-rule', programId: program.id }, '.rule-form input[name="type"]:checked');
  }

  // ---- removing a rule ----------------------------------------------------------------------

  protected _confirmTemplate(): TemplateResult | typeof nothing {
    return this.confirmDialog.render();
  }

  #confirmRemove(event: Event, program: AdminProgram, rule: CommissionRule): void {
    this.confirmDialog.ask({
      title: msg('Remove this rule?'),
      body: html`<strong>${ruleSentence(rule, this.locale)}</strong> (${program.name}).
        ${msg('Commissions already earned stay; new conversions no longer earn by it.')}`,
      confirm: msg('Remove rule'),
      run: () => this.#removeRule(program, rule),
      opener: event.currentTarget as HTMLElement,
    });
  }

  async #removeRule(program: AdminProgram, rule: CommissionRule): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.formError = '';
    try {
      await this.store.client.delete(`/admin/programs/${program.id}/rules/${rule.id}`);
      const updated = { ...program, rules: program.rules.filter((r) => r.id !== rule.id) };
      this.programs = this.programs.map((p) => (p.id === program.id ? updated : p));
      this.#fireSaved(updated);
      await this.live.say(msg('Rule removed.'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-add-rule="${program.id}"]`)?.focus();
    } catch (error) {
      await this.live.say(msg(str`The rule was not removed: ${errorText(error)}`));
      this.renderRoot.querySelector<HTMLElement>(`[data-remove-rule="${rule.id}"]`)?.focus();
    } finally {
      this.saving = false;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The error, hint and `aria-describedby` of one field. */
  #field(id: string, name: string, hint?: string) {
    return fieldParts(id, this.fieldErrors[name], hint);
  }

  async #newProgram(): Promise<void> {
    await this.#open({ kind: 'new-program' }, '#program-name');
  }

  async #open(editing: Editing, focus: string): Promise<void> {
    this.editing = editing;
    this.fieldErrors = {};
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /** Closes the form and puts focus back where the merchant came from. */
  async #cancel(): Promise<void> {
    const editing = this.editing;
    this.editing = null;
    this.fieldErrors = {};
    this.formError = '';
    await this.updateComplete;
    const back =
      editing?.kind === 'new-program'
        ? '[part="new-button"]'
        : editing?.kind === 'program'
          ? `[data-edit-program="${editing.programId}"]`
          : editing?.kind === 'rule'
            ? `[data-edit-rule="${editing.ruleId}"]`
            : editing?.kind === 'new-rule'
              ? `[data-add-rule="${editing.programId}"]`
              : '';
    if (back) this.renderRoot.querySelector<HTMLElement>(back)?.focus();
  }

  #escape(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.saving && !event.defaultPrevented) {
      event.preventDefault();
      void this.#cancel();
    }
  }

  async #close(announcement: string, focus: string): Promise<void> {
    this.editing = null;
    this.fieldErrors = {};
    this.formError = '';
    await this.live.say(announcement);
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /** The browser's own constraints first; false (and the errors shown) when a field fails them. */
  async #checkForm(form: HTMLFormElement): Promise<boolean> {
    const invalid = constraintErrors(form);
    if (!Object.keys(invalid).length) return true;
    this.formError = '';
    this.fieldErrors = invalid;
    await this.#focusInvalid();
    return false;
  }

  /** Saves with the form busy; the server's field errors go to the fields `fieldOf` names. */
  async #save(run: () => Promise<void>, fieldOf: (path: string) => string | null): Promise<void> {
    this.saving = true;
    this.fieldErrors = {};
    this.formError = '';
    try {
      await run();
    } catch (error) {
      const { fields, others } = serverErrors(error, fieldOf);
      this.fieldErrors = fields;
      this.formError = Object.keys(fields).length ? others.join(' ') : errorText(error);
      await this.#focusInvalid();
    } finally {
      this.saving = false;
    }
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"], fieldset[aria-describedby] input:checked')?.focus();
  }

  #clearError(event: Event): void {
    this.fieldErrors = withoutError(this.fieldErrors, (event.target as HTMLInputElement).name);
  }

  #fireSaved(program: AdminProgram): void {
    adminFire(this, 'rp-admin-program-saved', { program });
  }
}

/** General rules first, then per-product overrides by SKU, each by id (as the server lists them). */
const ordered = (rules: CommissionRule[]) =>
  [...rules].sort((a, b) => Number(a.productSku !== null) - Number(b.productSku !== null) || compare(a.productSku ?? '', b.productSku ?? '') || a.id - b.id);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const days = (n: number) => (n === 1 ? msg('1 day') : msg(str`${n} days`));

function percentProblem(problem: AmountProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter the percentage.');
    case 'format':
      return msg('Enter a percentage such as 12.5.');
    case 'precision':
      return msg('Use at most two decimals.');
    case 'too-large':
      return msg('Use at most 100%.');
  }
}

RpAdminPrograms.define('rp-admin-programs');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-programs': RpAdminPrograms;
  }
}

declare module '../rp-admin-element.js' {
  interface RpAdminEventMap {
    'rp-admin-program-saved': CustomEvent<RpProgramSavedDetail>;
  }
}
