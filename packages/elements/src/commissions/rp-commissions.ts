import { localized, msg } from '@lit/localize';
import type { CommissionRow } from '@rp/contract';
import { RpReport, badge, commissionStatusLabel, type Column } from '../reports/rp-report.js';

/**
 * The partner's commissions in a period: date, program, the sale or lead it came from, amount,
 * the part reversed by refunds, status (pending, available, paid, reversed) and the day it
 * becomes available. Date range, Load more and CSV download as every report.
 *
 * Inherits from `RpReport` its slots (`header`, `loading`, `empty`, `signed-out`), parts
 * (`heading`, `intro`, `filters`, `input`, `download-button`, `table-wrap`, `table`, `row`,
 * `badge`, `more-button`, and the states) and `--rp-*` custom properties.
 *
 * @summary Commissions report.
 *
 * @slot header - Replaces the heading ("Commissions") and its introduction.
 * @slot empty - Shown when the period has no commissions.
 *
 * @csspart badge - The status badges.
 *
 * @customElement rp-commissions
 */
@localized()
export class RpCommissions extends RpReport<CommissionRow> {
  protected readonly path = '/partner/reports/commissions';

  protected get heading(): string {
    return msg('Commissions');
  }

  protected get intro(): string {
    return msg('What you earned on each sale and lead, and when it becomes available.');
  }

  protected get emptyText(): string {
    return msg('No commissions in this period.');
  }

  protected columns(): Column<CommissionRow>[] {
    return [
      { label: msg('Date'), cell: (r) => this.date(r.createdAt) },
      { label: msg('Program'), cell: (r) => r.programName },
      { label: msg('Source'), cell: (r) => (r.source === 'sale' ? msg('Sale') : msg('Lead')) },
      { label: msg('Reference'), cell: (r) => r.reference },
      { label: msg('Amount'), cell: (r) => this.money(r.amount), num: true },
      { label: msg('Reversed'), cell: (r) => this.money(r.reversed), num: true },
      { label: msg('Status'), cell: (r) => badge(r.status, commissionStatusLabel(r.status)) },
      { label: msg('Available on'), cell: (r) => this.date(r.availableAt) },
    ];
  }
}

RpCommissions.define('rp-commissions');

declare global {
  interface HTMLElementTagNameMap {
    'rp-commissions': RpCommissions;
  }
}
