import { html, type TemplateResult } from 'lit';
import { localized, msg } from '@lit/localize';
import type { ClickRow } from '@rp/contract';
import { RpReport, type Column } from '../reports/rp-report.js';
import { formatDay, formatNumber } from '../core/format.js';

/**
 * Clicks on the partner's links, per link and day, in a compact table. Date range, Load more and
 * CSV download as every report. `<rp-link-generator>` shows one under the links; it also works alone.
 *
 * Inherits from `RpReport` its slots (`header`, `loading`, `empty`, `signed-out`), parts
 * (`heading`, `intro`, `filters`, `input`, `download-button`, `table-wrap`, `table`, `row`,
 * `more-button`, and the states) and `--rp-*` custom properties.
 *
 * @summary Clicks per link and day.
 *
 * @slot header - Replaces the heading ("Clicks per link and day") and its introduction.
 * @slot empty - Shown when the period has no clicks.
 */
@localized()
export class RpClicks extends RpReport<ClickRow> {
  protected readonly path = '/partner/reports/clicks';

  protected get heading(): string {
    return msg('Clicks per link and day');
  }

  protected get intro(): string {
    return msg('Counted once per visitor within a short window; bots and link previews are left out.');
  }

  protected get emptyText(): string {
    return msg('No clicks in this period.');
  }

  /** An `h3`: this report usually sits under the link generator's `h2`. */
  protected override _headerTemplate(): TemplateResult {
    return html`<h3 part="heading">${this.heading}</h3>
      <p class="intro" part="intro">${this.intro}</p>`;
  }

  protected columns(): Column<ClickRow>[] {
    return [
      { label: msg('Day'), cell: (r) => formatDay(r.day, this.locale) },
      { label: msg('Link'), cell: (r) => html`<span class="mono">${r.slug}</span><span class="sub">${r.destinationName}</span>` },
      { label: msg('Campaign'), cell: (r) => r.campaign || '—' },
      { label: msg('Clicks'), cell: (r) => formatNumber(r.clicks, this.locale), num: true },
    ];
  }
}

RpClicks.define('rp-clicks');

declare global {
  interface HTMLElementTagNameMap {
    'rp-clicks': RpClicks;
  }
}
