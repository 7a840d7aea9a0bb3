import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AdminDestination, AdminDestinationList, AdminEmailCopy, AdminEmailCopyList, CenterPublic } from '@rp/contract';
import { formatDate } from '../../core/format.js';
import { adminStyles } from '../admin-styles.js';
import { AdminCollection, type CollectionTexts } from './rp-admin-collection.js';
import { collectionStyles } from './rp-admin-collection.styles.js';
import { emailCopyStyles } from './rp-admin-email-copy.styles.js';
import { fillMergeFields, MERGE_FIELDS, mergeFieldHelp, type MergeField } from './merge-fields.js';
import { removedBySanitizer, renderStoredHtml, sanitizerNotice } from './stored-html.js';

type EmailDraft = {
  name: string;
  subject: string;
  bodyText: string;
  /** '' for none (sent as null). */
  bodyHtml: string;
  destinationId: number | null;
  position: string;
};

/** The fields a merge field can be inserted into. */
type MergeTarget = 'subject' | 'bodyText' | 'bodyHtml';

/**
 * The merchant's email copy: ready-made emails partners send to their audience, with merge
 * fields (`{{partner.firstName}}`, `{{link}}`, …) the center fills for each partner. The editor
 * has the name, subject, plain-text body, an optional HTML body and the destination `{{link}}`
 * points at; beside it, the allowed merge fields with buttons that insert them at the cursor,
 * and a preview filled with sample values. The server refuses unknown merge fields (shown at
 * their field) and sanitizes the HTML body; after a save the element says what the sanitizer
 * removed and previews the HTML as stored.
 *
 * @summary Back office: write the email copy partners send.
 *
 * @slot header - Replaces the heading ("Email copy") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown when there is no email copy yet.
 * @slot signed-out - Shown instead of the default text while no admin is signed in.
 *
 * @csspart section - The element's section.
 * @csspart heading - The heading.
 * @csspart subheading - The headings of the editor and its side panels.
 * @csspart intro - The sentence under the heading.
 * @csspart status - The live region ("Email saved.").
 * @csspart add-button - The "Add email" button.
 * @csspart table - The list of emails.
 * @csspart edit-button - A row's "Edit" button.
 * @csspart form - The editor.
 * @csspart input - Every input, select and textarea of the editor.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form.
 * @csspart save-button - The "Save" button.
 * @csspart cancel-button - The "Cancel" / "Back to the list" button.
 * @csspart remove-button - The "Remove" button.
 * @csspart confirm-remove-button - The button confirming removal.
 * @csspart keep-button - The button cancelling removal.
 * @csspart aside - The merge-field help and preview beside the editor.
 * @csspart merge-field - A button inserting a merge field.
 * @csspart preview - The preview with sample values.
 * @csspart sanitizer-notice - What the sanitizer removed from the HTML body, after a save.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints and secondary text.
 * @cssprop --rp-surface - Panel and input background.
 * @cssprop --rp-surface-alt - Background of table headers, code and the preview's subject line.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors and removal.
 * @cssprop --rp-success - Colour of the saved confirmation.
 * @cssprop --rp-warning - Colour of the sanitizer's warning.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-email-copy
 */
@localized()
export class RpAdminEmailCopy extends AdminCollection<AdminEmailCopy, EmailDraft> {
  static override styles = [adminStyles, collectionStyles, emailCopyStyles];

  protected readonly path = '/admin/email-copy';
  protected override closeAfterSave = false;

  @state() protected destinations: AdminDestination[] = [];
  /** The center's name, for `{{center.name}}` in the preview. */
  @state() protected centerName = '';
  /** Where the merge-field buttons insert: the field last focused. */
  @state() protected target: MergeTarget = 'bodyText';
  /** What the sanitizer removed from the HTML body in the last save; null when no HTML was sent. */
  @state() protected sanitizerReport: { tags: string[]; attributes: string[] } | null = null;

  protected get texts(): CollectionTexts<AdminEmailCopy> {
    return {
      loading: msg('Loading email copy…'),
      empty: msg('No email copy yet. Write an email partners can send to their readers, with their own link filled in.'),
      add: msg('Add email'),
      count: (n) => (n === 1 ? msg('1 email') : msg(str`${n} emails`)),
      newTitle: msg('New email'),
      editTitle: (e) => msg(str`Edit "${e.name}"`),
      saved: (e) => msg(str`Email "${e.name}" saved.`),
      removed: (e) => msg(str`Email "${e.name}" removed.`),
      confirmRemove: () => msg('Remove this email? Partners will no longer find it in their center.'),
      removeButton: msg('Remove email'),
    };
  }

  /** The values the preview fills merge fields with. */
  protected get sampleValues(): Record<MergeField, string> {
    return {
      'partner.name': 'Dana Rivera',
      'partner.firstName': 'Dana',
      'partner.code': 'dana',
      link: `${new URL(this.store.apiBase).origin}/r/k3x9q2`,
      'center.name': this.centerName || msg('Your partner center'),
    };
  }

  protected async load(signal: AbortSignal): Promise<AdminEmailCopy[]> {
    const client = this.store.client;
    const [{ emails }, { destinations }, center] = await Promise.all([
      client.get<AdminEmailCopyList>(this.path, { signal }),
      client.get<AdminDestinationList>('/admin/destinations', { signal }),
      // Only for the preview's {{center.name}}: a failure is not worth an error state.
      client.get<CenterPublic>('/center', { signal }).catch(() => null),
    ]);
    this.destinations = destinations;
    this.centerName = center?.name ?? '';
    return emails;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div>
      ${this.heading(msg('Email copy'))}
      <p class="intro" part="intro">${msg('Ready-made emails partners send to their audience. Merge fields fill in each partner’s name and tracked link.')}</p>
    </div>`;
  }

  protected _listTemplate(emails: AdminEmailCopy[]): TemplateResult {
    const name = (id: number) => this.destinations.find((d) => d.id === id)?.name ?? msg('Unknown destination');
    return this._tableTemplate(
      msg('Email copy'),
      [msg('Email'), msg('Links to'), msg('Versions'), msg('Updated')],
      emails.map(
        (e) => html`<tr>
          <th scope="row">${e.name}<span class="sub">${e.subject}</span></th>
          <td data-label=${msg('Links to')}>${name(e.destinationId)}</td>
          <td data-label=${msg('Versions')}>${e.bodyHtml === null ? msg('Plain text') : msg('Plain text and HTML')}</td>
          <td data-label=${msg('Updated')}>${formatDate(e.updatedAt, this.locale)}</td>
          <td class="actions-cell">${this._editButton(e, e.name)}</td>
        </tr>`,
      ),
    );
  }

  // ---- editor -------------------------------------------------------------------------------

  protected emptyDraft(): EmailDraft {
    const first = this.destinations.find((d) => d.active);
    return { name: '', subject: '', bodyText: '', bodyHtml: '', destinationId: first?.id ?? null, position: '0' };
  }

  protected toDraft(e: AdminEmailCopy): EmailDraft {
    return {
      name: e.name,
      subject: e.subject,
      bodyText: e.bodyText,
      bodyHtml: e.bodyHtml ?? '',
      destinationId: e.destinationId,
      position: String(e.position),
    };
  }

  protected bodyFrom(draft: EmailDraft, keys: (keyof EmailDraft)[]): object {
    const all = {
      name: draft.name.trim(),
      subject: draft.subject.trim(),
      bodyText: draft.bodyText,
      bodyHtml: draft.bodyHtml.trim() === '' ? null : draft.bodyHtml,
      destinationId: draft.destinationId,
      position: Number(draft.position || 0),
    };
    return Object.fromEntries(keys.map((key) => [key, all[key]]));
  }

  protected override opened(): void {
    this.target = 'bodyText';
    this.sanitizerReport = null;
  }

  protected override afterSave(saved: AdminEmailCopy, body: { bodyHtml?: string | null }): void {
    this.sanitizerReport = typeof body.bodyHtml === 'string' ? removedBySanitizer(body.bodyHtml, saved.bodyHtml ?? '') : null;
  }

  protected _fieldsTemplate(): TemplateResult {
    const current = this.editing === 'new' ? null : this.editing;
    const options = this.destinations
      .filter((d) => d.active || d.id === current?.destinationId)
      .map((d) => ({ value: d.id, label: d.active ? d.name : msg(str`${d.name} (disabled)`) }));
    const focus = (target: MergeTarget) => () => (this.target = target);
    return html`${this.textField('name', msg('Name'), {
        required: true,
        maxlength: 80,
        hint: msg('Partners pick emails by this name, such as "Welcome offer".'),
      })}
      ${this.selectField('destinationId', msg('{{link}} goes to'), options, {
        required: true,
        hint: msg('The page each partner’s tracked link in this email leads to.'),
      })}
      ${this.textField('subject', msg('Subject'), { required: true, wide: true, maxlength: 200, onFocus: focus('subject') })}
      ${this.textField('bodyText', msg('Plain-text body'), {
        required: true,
        wide: true,
        rows: 10,
        maxlength: 20000,
        onFocus: focus('bodyText'),
        hint: msg('What every mail client can show. Put {{link}} where the partner’s link goes.'),
      })}
      ${this.textField('bodyHtml', msg('HTML body'), {
        optional: true,
        wide: true,
        rows: 8,
        code: true,
        maxlength: 100000,
        onFocus: focus('bodyHtml'),
        placeholder: '<p>Hi there,</p>\n<p><a href="{{link}}">Shop Harbor & Pine</a></p>',
        hint: msg('A formatted version for mail clients that show HTML. Text, links, lists and images; everything else is removed. Link with href="{{link}}".'),
      })}
      ${this.textField('position', msg('Order'), {
        type: 'number',
        min: 0,
        max: 1000000,
        hint: msg('Lower numbers come first in the partner’s list.'),
      })}`;
  }

  protected override _asideTemplate(): TemplateResult {
    return html`${this._mergeFieldsTemplate()} ${this._previewTemplate()}`;
  }

  protected _mergeFieldsTemplate(): TemplateResult {
    const help = mergeFieldHelp();
    const targetName = { subject: msg('Subject'), bodyText: msg('Plain-text body'), bodyHtml: msg('HTML body') }[this.target];
    return html`<div class="panel">
      <div class="panel-header">
        ${this.heading(msg('Merge fields'), 1)}
        <p class="panel-intro" id="merge-help">${msg(str`Inserted at the cursor in: ${targetName}.`)}</p>
      </div>
      <ul class="merge-fields">
        ${MERGE_FIELDS.map(
          (field) => html`<li>
            <button type="button" class="chip" part="merge-field" data-field=${field} aria-describedby="merge-help"
              @click=${() => void this.#insert(field)}>
              <span class="visually-hidden">${msg('Insert')} </span><code>{{${field}}}</code>
            </button>
            <span class="merge-help">${help[field]}</span>
          </li>`,
        )}
      </ul>
      <p class="hint">${msg('Other fields are refused when you save.')}</p>
    </div>`;
  }

  protected _previewTemplate(): TemplateResult {
    const values = this.sampleValues;
    const current = this.editing === 'new' ? null : this.editing;
    const htmlChanged = this.draft.bodyHtml !== this.baseline.bodyHtml;
    return html`<div class="panel" part="preview">
      <div class="panel-header">
        ${this.heading(msg('Preview'), 1)}
        <p class="panel-intro">${msg(str`As partner ${values['partner.name']} gets it (sample values).`)}</p>
      </div>
      <div class="mail">
        <p class="mail-subject"><span class="sub">${msg('Subject:')}</span>${fillMergeFields(this.draft.subject, values)}</p>
        <p class="mail-body" data-preview="text">${fillMergeFields(this.draft.bodyText, values) || html`<span class="muted">${msg('The plain-text body appears here.')}</span>`}</p>
      </div>
      ${this._htmlPreviewTemplate(current, htmlChanged, values)}
    </div>`;
  }

  protected _htmlPreviewTemplate(current: AdminEmailCopy | null, changed: boolean, values: Record<MergeField, string>): TemplateResult | typeof nothing {
    const stored = current?.bodyHtml ?? null;
    if (stored === null && this.draft.bodyHtml.trim() === '') return nothing;
    return html`<p class="preview-label">${msg('HTML version, as stored')}</p>
      ${sanitizerNotice(this.sanitizerReport, this.locale)}
      ${changed ? html`<p class="hint">${msg('Save to see your latest HTML here: the server sanitizes it first.')}</p>` : nothing}
      ${stored === null
        ? nothing
        : html`<div class="mail"><div class="rich" data-preview="html">${renderStoredHtml(fillMergeFields(stored, values, true), this.store.apiBase)}</div></div>
            <details class="stored-code">
              <summary>${msg('Show the stored HTML')}</summary>
              <pre class="code">${stored}</pre>
            </details>`}`;
  }

  /** Inserts `{{field}}` at the cursor of the last focused field, then puts the cursor after it. */
  async #insert(field: MergeField): Promise<void> {
    const name = this.target;
    const control = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${name}`);
    if (!control) return;
    const token = `{{${field}}}`;
    const value = control.value;
    const start = control.selectionStart ?? value.length;
    const end = control.selectionEnd ?? value.length;
    this.setDraft(name, value.slice(0, start) + token + value.slice(end));
    await this.updateComplete;
    control.focus();
    control.setSelectionRange(start + token.length, start + token.length);
  }
}

RpAdminEmailCopy.define('rp-admin-email-copy');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-email-copy': RpAdminEmailCopy;
  }
}
