import { localized, msg } from '@lit/localize';
import type { SaleRow } from '@rp/contract';
import { RpReport, badge, commissionStatusLabel, type Column } from '../reports/rp-report.js';

/**
 * The sales the partner referred in a period: date, program, the merchant's order id, order
 * amount, the part refunded, the partner's commission and its status. Date range, Load more and
 * CSV download as every report.
 *
 * Inherits from `RpReport` its slots (`header`, `loading`, `empty`, `signed-out`), parts
 * (`heading`, `intro`, `filters`, `input`, `download-button`, `table-wrap`, `table`, `row`,
 * `badge`, `more-button`, and the states) and `--rp-*` custom properties.
 *
 * @summary Sales report.
 *
 * @slot header - Replaces the heading ("Sales") and its introduction.
 * @slot empty - Shown when the period has no sales.
 *
 * @csspart badge - The status badges.
 *
 * @customElement rp-sales
 */
@localized()
export class RpSales extends RpReport<SaleRow> {
  protected readonly path = '/partner/reports/sales';

  protected get heading(): string {
    return msg('Sales');
  }

  protected get intro(): string {
    return msg('Orders you referred, what was refunded, and your commission on each.');
  }

  protected get emptyText(): string {
    return msg('No sales in this period.');
  }

  protected columns(): Column<SaleRow>[] {
    return [
      { label: msg('Date'), cell: (r) => this.date(r.createdAt) },
      { label: msg('Program'), cell: (r) => r.programName },
      { label: msg('Order'), cell: (r) => r.orderId },
      { label: msg('Amount'), cell: (r) => this.money(r.amount), num: true },
      { label: msg('Refunded'), cell: (r) => this.money(r.refunded), num: true },
      { label: msg('Commission'), cell: (r) => this.money(r.commission), num: true },
      { label: msg('Status'), cell: (r) => badge(r.status, commissionStatusLabel(r.status)) },
    ];
  }
}

RpSales.define('rp-sales');

declare global {
  interface HTMLElementTagNameMap {
    'rp-sales': RpSales;
  }
}
