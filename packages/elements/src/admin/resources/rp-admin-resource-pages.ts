import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AdminResourcePage, AdminResourcePageList } from '@rp/contract';
import { formatDate } from '../../core/format.js';
import { adminStyles } from '../admin-styles.js';
import { AdminCollection, type CollectionTexts } from './rp-admin-collection.js';
import { collectionStyles } from './rp-admin-collection.styles.js';
import { removedBySanitizer, renderStoredHtml, sanitizerNotice } from './stored-html.js';

type PageDraft = {
  title: string;
  slug: string;
  html: string;
  published: boolean;
  position: string;
};

/** A slug from a title: "Brand guidelines 2026!" → "brand-guidelines-2026" (as the contract allows: a-z, 0-9, single dashes, ≤ 80). */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

/**
 * The merchant's resource pages: help and guideline pages partners read inside their center.
 * The list shows each page's title, slug, whether it is published and when it changed; the
 * editor has the title, a slug suggested from the title, the HTML and the published switch. The
 * server sanitizes the HTML on save; the element then shows the HTML as stored, says what the
 * sanitizer removed, and previews the page as partners will see it.
 *
 * @summary Back office: write the resource pages partners read.
 *
 * @slot header - Replaces the heading ("Resource pages") and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown when there are no pages yet.
 * @slot signed-out - Shown instead of the default text while no admin is signed in.
 *
 * @csspart section - The element's section.
 * @csspart heading - The heading.
 * @csspart subheading - The headings of the editor and its side panels.
 * @csspart intro - The sentence under the heading.
 * @csspart status - The live region ("Page saved.").
 * @csspart add-button - The "Add page" button.
 * @csspart table - The list of pages.
 * @csspart edit-button - A row's "Edit" button.
 * @csspart form - The editor.
 * @csspart input - Every input and textarea of the editor.
 * @csspart switch - The "Published" switch.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form.
 * @csspart save-button - The "Save" button.
 * @csspart cancel-button - The "Cancel" / "Back to the list" button.
 * @csspart remove-button - The "Remove" button.
 * @csspart confirm-remove-button - The button confirming removal.
 * @csspart keep-button - The button cancelling removal.
 * @csspart aside - The stored HTML and preview beside the editor.
 * @csspart sanitizer-notice - What the sanitizer removed, after a save.
 * @csspart stored-html - The HTML as the server stored it.
 * @csspart preview - The page rendered from the stored HTML.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, switch, focus).
 * @cssprop --rp-accent-contrast - Text on the accent.
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of hints and secondary text.
 * @cssprop --rp-surface - Panel and input background.
 * @cssprop --rp-surface-alt - Background of table headers and code.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-danger - Colour of errors and removal.
 * @cssprop --rp-success - Colour of "Published" and of the saved confirmation.
 * @cssprop --rp-warning - Colour of the sanitizer's warning.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 *
 * @customElement rp-admin-resource-pages
 */
@localized()
export class RpAdminResourcePages extends AdminCollection<AdminResourcePage, PageDraft> {
  static override styles = [adminStyles, collectionStyles];

  protected readonly path = '/admin/resource-pages';
  protected override closeAfterSave = false;

  /** What the sanitizer removed in the last save; null when no HTML was sent. */
  @state() protected sanitizerReport: { tags: string[]; attributes: string[] } | null = null;
  /** Whether the slug still follows the title (a new page whose slug was not typed). */
  #slugFollowsTitle = false;

  protected get texts(): CollectionTexts<AdminResourcePage> {
    return {
      loading: msg('Loading resource pages…'),
      empty: msg('No resource pages yet. Add guidelines, FAQs or product facts for partners to read in their center.'),
      add: msg('Add page'),
      count: (n) => (n === 1 ? msg('1 page') : msg(str`${n} pages`)),
      newTitle: msg('New page'),
      editTitle: (p) => msg(str`Edit "${p.title}"`),
      saved: (p) => (p.published ? msg(str`Page "${p.title}" saved and published.`) : msg(str`Page "${p.title}" saved as a draft.`)),
      removed: (p) => msg(str`Page "${p.title}" removed.`),
      confirmRemove: () => msg('Remove this page? Partners will no longer find it in their center.'),
      removeButton: msg('Remove page'),
    };
  }

  protected async load(signal: AbortSignal): Promise<AdminResourcePage[]> {
    const { pages } = await this.store.client.get<AdminResourcePageList>(this.path, { signal });
    return pages;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<div>
      ${this.heading(msg('Resource pages'))}
      <p class="intro" part="intro">${msg('Guides, FAQs and brand rules partners read inside their center. Only published pages are shown to them.')}</p>
    </div>`;
  }

  protected _listTemplate(pages: AdminResourcePage[]): TemplateResult {
    return this._tableTemplate(
      msg('Resource pages'),
      [msg('Page'), msg('Status'), msg('Updated')],
      pages.map(
        (p) => html`<tr>
          <th scope="row">${p.title}<span class="sub mono">${p.slug}</span></th>
          <td data-label=${msg('Status')}>
            ${p.published
              ? html`<span class="badge success">${msg('Published')}</span>`
              : html`<span class="badge neutral">${msg('Draft')}</span>`}
          </td>
          <td data-label=${msg('Updated')}>${formatDate(p.updatedAt, this.locale)}</td>
          <td class="actions-cell">${this._editButton(p, p.title)}</td>
        </tr>`,
      ),
    );
  }

  // ---- editor -------------------------------------------------------------------------------

  protected emptyDraft(): PageDraft {
    return { title: '', slug: '', html: '', published: false, position: '0' };
  }

  protected toDraft(p: AdminResourcePage): PageDraft {
    return { title: p.title, slug: p.slug, html: p.html, published: p.published, position: String(p.position) };
  }

  protected bodyFrom(draft: PageDraft, keys: (keyof PageDraft)[]): object {
    const all = {
      title: draft.title.trim(),
      slug: draft.slug.trim(),
      html: draft.html,
      published: draft.published,
      position: Number(draft.position || 0),
    };
    return Object.fromEntries(keys.map((key) => [key, all[key]]));
  }

  protected override opened(item: AdminResourcePage | 'new'): void {
    this.sanitizerReport = null;
    this.#slugFollowsTitle = item === 'new';
  }

  protected override afterSave(saved: AdminResourcePage, body: { html?: string }): void {
    this.sanitizerReport = typeof body.html === 'string' ? removedBySanitizer(body.html, saved.html) : null;
    this.#slugFollowsTitle = false;
  }

  protected override setDraft<K extends keyof PageDraft & string>(name: K, value: PageDraft[K]): void {
    super.setDraft(name, value);
    if (name === 'slug') this.#slugFollowsTitle = value === '';
    if (name === 'title' && this.#slugFollowsTitle) super.setDraft('slug', slugFromTitle(String(value)));
  }

  protected _fieldsTemplate(): TemplateResult {
    return html`${this.textField('title', msg('Title'), { required: true, wide: true, maxlength: 120 })}
      ${this.textField('slug', msg('Slug'), {
        required: true,
        code: true,
        maxlength: 80,
        pattern: '\\s*[a-z0-9]+(-[a-z0-9]+)*\\s*',
        hint: this.editing === 'new'
          ? msg('Suggested from the title. Lower-case letters, digits and dashes; it names the page in links.')
          : msg('Lower-case letters, digits and dashes. Changing it breaks links partners saved to this page.'),
      })}
      ${this.textField('position', msg('Order'), { type: 'number', min: 0, max: 1000000, hint: msg('Lower numbers come first.') })}
      ${this.textField('html', msg('Content (HTML)'), {
        wide: true,
        rows: 16,
        code: true,
        maxlength: 100000,
        placeholder: '<h2>Our brand in a nutshell</h2>\n<p>Use our logo on a light background…</p>',
        hint: msg('Headings, paragraphs, lists, links, quotes, code, tables, and images with alt text (https or uploaded). Scripts, styles, forms and event attributes are removed when you save.'),
      })}
      ${this.switchField('published', msg('Published'), msg('Partners see published pages; drafts stay here.'))}`;
  }

  protected override _asideTemplate(): TemplateResult {
    const current = this.editing === 'new' ? null : this.editing;
    if (!current) {
      return html`<div class="panel">
        <div class="panel-header">${this.heading(msg('Preview'), 1)}</div>
        <p class="muted" part="preview">${msg('Save the page (as a draft, if you like) to preview it exactly as partners will see it.')}</p>
      </div>`;
    }
    const changed = this.draft.html !== this.baseline.html;
    return html`<div class="panel">
        <div class="panel-header">
          ${this.heading(msg('Stored HTML'), 1)}
          <p class="panel-intro">${msg('What the server kept after sanitizing: exactly what partners get.')}</p>
        </div>
        ${sanitizerNotice(this.sanitizerReport, this.locale)}
        ${this.sanitizerReport && (this.sanitizerReport.tags.length || this.sanitizerReport.attributes.length) && this.draft.html !== current.html
          ? html`<p class="actions"><button type="button" class="secondary small" part="use-stored-button" @click=${this.#useStored}>
              ${msg('Put the stored HTML in the editor')}
            </button></p>`
          : nothing}
        <pre class="code" part="stored-html">${current.html || msg('(empty)')}</pre>
      </div>
      <div class="panel">
        <div class="panel-header">
          ${this.heading(msg('Preview'), 1)}
          <p class="panel-intro">${changed ? msg('Of the saved version; save to see your latest changes.') : msg('As partners will see it.')}</p>
        </div>
        <div class="rich" part="preview">${renderStoredHtml(current.html, this.store.apiBase)}</div>
      </div>`;
  }

  async #useStored(): Promise<void> {
    const current = this.editing === 'new' ? null : this.editing;
    if (!current) return;
    this.setDraft('html', current.html);
    this.baseline = { ...this.baseline, html: current.html };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#f-html')?.focus();
  }
}

RpAdminResourcePages.define('rp-admin-resource-pages');

declare global {
  interface HTMLElementTagNameMap {
    'rp-admin-resource-pages': RpAdminResourcePages;
  }
}
