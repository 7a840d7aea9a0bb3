import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { RpElement } from '../core/rp-element.js';
import { errorText } from '../core/api-client.js';
import { LoadMore } from '../core/load-more.js';
import { baseStyles } from '../core/styles.js';
import { stateStyles } from '../core/state-styles.js';
import { sectionStyles } from '../core/section-styles.js';
import { emptyState, errorState, loadingState, signedOutState } from '../core/states.js';
import { formatDate, formatDay, formatMoney } from '../core/format.js';
import type { CommissionStatus, Money } from '@rp/contract';
import { downloadCsv } from './download.js';
import { reportStyles } from './report.styles.js';

/** One column of a report table. The first column is the row header. */
export interface Column<R> {
  label: string;
  cell: (row: R) => unknown;
  /** Numbers and money: aligned to the end. */
  num?: boolean;
}

/** A page of a keyset-paginated report. */
export interface Page<R> {
  rows: R[];
  nextCursor: string | null;
}

const DAY_MS = 86_400_000;
/** `YYYY-MM-DD` (UTC) of a time. */
export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** A status badge; the text says what the colour shows. */
export const badge = (kind: string, label: string): TemplateResult =>
  html`<span class="badge ${kind}" part="badge">${label}</span>`;

/** The label of a commission's (or a sale's) status. */
export const commissionStatusLabel = (status: CommissionStatus): string =>
  ({ pending: msg('Pending'), available: msg('Available'), paid: msg('Paid'), reversed: msg('Reversed') })[status];

/** A table in a focusable scroll box: caption, column headers, the first column as row headers. */
export function table<R>(caption: string, columns: Column<R>[], rows: R[]): TemplateResult {
  return html`<div class="table-wrap" part="table-wrap" tabindex="0" role="region" aria-label=${caption}>
    <table part="table">
      <caption>${caption}</caption>
      <thead>
        <tr>${columns.map((c) => html`<th scope="col" class=${c.num ? 'num' : ''}>${c.label}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr part="row">
            ${columns.map((c, i) =>
              i
                ? html`<td class=${c.num ? 'num' : ''} data-label=${c.label}><span>${c.cell(row)}</span></td>`
                : html`<th scope="row">${c.cell(row)}</th>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * Base of the partner's reports (commissions, leads, sales, clicks, ledger): a From/To date
 * filter (the last 90 days by default), a table with a caption and row headers, keyset
 * pagination with **Load more**, **Download CSV** of the same filter, and the loading, empty,
 * error and signed-out states. A report names its `path`, its columns and its texts; the
 * protected `_…Template()` methods can be overridden to restyle a part without forking.
 *
 * Subclasses document their own slots and parts; all reports share these:
 *
 * @slot header - Replaces the heading and its introduction.
 * @slot loading - Replaces the loading text.
 * @slot empty - Shown instead of the default text when the period has no rows.
 * @slot signed-out - Shown instead of the default text when no partner is signed in.
 *
 * @csspart heading - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart filters - The bar with the date range (and other filters) and the download button.
 * @csspart input - Each filter control.
 * @csspart download-button - The "Download CSV" button.
 * @csspart table-wrap - The scrollable box around the table.
 * @csspart table - The table.
 * @csspart row - Each row of the table.
 * @csspart badge - Status badges.
 * @csspart more-button - The "Load more" button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @csspart signed-out - The signed-out state.
 *
 * @cssprop --rp-accent - Accent colour (buttons, focus).
 * @cssprop --rp-text - Text colour.
 * @cssprop --rp-muted - Colour of secondary text.
 * @cssprop --rp-surface - Table background.
 * @cssprop --rp-surface-alt - Background of the header row and the filter bar.
 * @cssprop --rp-border - Border colour.
 * @cssprop --rp-success - Colour of positive amounts and "available" badges.
 * @cssprop --rp-danger - Colour of negative amounts, errors and "reversed" badges.
 * @cssprop --rp-warning - Colour of "pending" badges.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Base spacing unit.
 * @cssprop --rp-font - Font family (inherits the page's by default).
 */
export abstract class RpReport<R, P = Page<R>> extends RpElement {
  static override styles = [baseStyles, stateStyles, sectionStyles, reportStyles];

  /** First day of the period, `YYYY-MM-DD` (UTC). Defaults to 89 days before today. */
  @property() from = isoDay(Date.now() - 89 * DAY_MS);
  /** Last day of the period, `YYYY-MM-DD` (UTC), inclusive. Defaults to today. */
  @property() to = isoDay(Date.now());

  /** Every row loaded so far (the first page, then each "Load more"). */
  @state() protected rows: R[] = [];
  @state() protected downloading = false;
  @state() protected downloadError = '';
  /** Text of the polite live region. */
  @state() protected announcement = '';

  /** The API path of the report, e.g. `/partner/reports/commissions`; CSV is the same plus `.csv`. */
  protected abstract readonly path: string;
  /** The heading ("Commissions"). */
  protected abstract get heading(): string;
  protected abstract get intro(): string;
  protected abstract get emptyText(): string;
  protected abstract columns(): Column<R>[];

  /** The "Load more" button and the request behind it. */
  protected readonly more = new LoadMore(this, {
    fetch: async (cursor, signal) => {
      const query = this.query();
      query.set('cursor', cursor);
      const page = this.pageOf(await this.store.client.get<P>(`${this.path}?${query}`, { signal }));
      this.rows = [...this.rows, ...page.rows];
      const n = page.rows.length;
      this.announcement = n === 1 ? msg('1 more row loaded.') : msg(str`${n} more rows loaded.`);
      return page.nextCursor;
    },
    // The button is gone: keep keyboard users in the table, not at the top of the page.
    atEnd: () => this.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus(),
  });

  /** Turns the answer into rows and the next cursor (reports answer `{ rows, nextCursor }`). */
  protected pageOf(page: P): Page<R> {
    return page as unknown as Page<R>;
  }

  /** The query of the current filters, without cursor. */
  protected query(): URLSearchParams {
    return new URLSearchParams({ from: this.from, to: this.to });
  }

  protected readonly task = new Task(this, {
    args: () => [this.store, this.store.session?.token ?? null, this.query().toString()] as const,
    task: async ([store, token, query], { signal }) => {
      this.more.abort();
      if (!token) return initialState;
      const page = await store.client.get<P>(`${this.path}?${query}`, { signal });
      ({ rows: this.rows, nextCursor: this.more.cursor } = this.pageOf(page));
      return page;
    },
  });


  protected override render(): TemplateResult {
    return html`<section>
      <div class="head"><slot name="header">${this._headerTemplate()}</slot></div>
      ${this.store.signedIn
        ? html`${this._beforeTableTemplate()}${this._filtersTemplate()}
          ${this.task.render({
            pending: () => loadingState(),
            complete: (page) => this._contentTemplate(page),
            error: (error) => errorState(error, () => void this.task.run()),
          })}`
        : signedOutState()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  protected _headerTemplate(): TemplateResult {
    return html`<h2 part="heading">${this.heading}</h2>
      <p class="intro" part="intro">${this.intro}</p>`;
  }

  /** The filter bar: From, To, the subclass's extra filters, and Download CSV. */
  protected _filtersTemplate(): TemplateResult {
    return html`<form class="filters" part="filters" aria-label=${msg('Filters')} @change=${this.#filter} @submit=${prevent}>
        <div class="field">
          <label for="from">${msg('From')}</label>
          <input id="from" name="from" part="input" type="date" required .value=${this.from} max=${this.to} />
        </div>
        <div class="field">
          <label for="to">${msg('To')}</label>
          <input id="to" name="to" part="input" type="date" required .value=${this.to} min=${this.from} />
        </div>
        ${this._extraFiltersTemplate()}
        <button type="button" class="csv" part="download-button" ?disabled=${this.downloading} @click=${this.download}>
          ${this.downloading ? msg('Preparing…') : msg('Download CSV')}
        </button>
      </form>
      ${this.downloadError ? html`<p class="field-error" role="alert">${this.downloadError}</p>` : nothing}`;
  }

  /** More filter controls; each `name` is the property it sets. None by default. */
  protected _extraFiltersTemplate(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Shown above the filters and the table, not filtered (the ledger's balances now). Nothing by default. */
  protected _beforeTableTemplate(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected _contentTemplate(_page: P): TemplateResult {
    return this.rows.length ? this._tableTemplate() : emptyState(this.emptyText);
  }

  protected get caption(): string {
    const from = formatDay(this.from, this.locale);
    const to = formatDay(this.to, this.locale);
    return msg(str`${this.heading}, ${from} to ${to}`);
  }

  protected _tableTemplate(): TemplateResult {
    return html`${table(this.caption, this.columns(), this.rows)} ${this.more.template()}`;
  }

  /** Money in the center's locale; zero is muted. */
  protected money(money: Money): TemplateResult {
    return html`<span class=${money.amount ? '' : 'zero'}>${formatMoney(money, this.locale)}</span>`;
  }

  protected date(iso: string): string {
    return formatDate(iso, this.locale);
  }

  /** Appends the next page. */
  loadMore(): Promise<void> {
    return this.more.load();
  }

  /** Downloads the report of the current filters as CSV. */
  async download(): Promise<void> {
    this.downloading = true;
    this.downloadError = '';
    const query = this.query();
    try {
      await downloadCsv(this.store, `${this.path}.csv?${query}`, `${this.path.split('/').pop()}-${this.from}-${this.to}.csv`);
      this.announcement = msg('Download started.');
    } catch (error) {
      this.downloadError = errorText(error);
    } finally {
      this.downloading = false;
    }
  }

  #filter(event: Event): void {
    const control = event.target as HTMLInputElement;
    if (control.name && control.checkValidity()) (this as unknown as Record<string, string>)[control.name] = control.value;
  }

}

const prevent = (event: Event) => event.preventDefault();

