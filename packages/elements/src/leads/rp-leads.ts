import { localized, msg } from '@lit/localize';
import type { LeadRow } from '@rp/contract';
import { RpReport, badge, type Column } from '../reports/rp-report.js';

/**
 * Lead tracking: the leads the partner referred in a period, with the merchant's lead id, the
 * contact masked by the server (`d•••@example.com`) and whether it converted into a sale. Date
 * range, Load more and CSV download as every report.
 *
 * Inherits from `RpReport` its slots (`header`, `loading`, `empty`, `signed-out`), parts
 * (`heading`, `intro`, `filters`, `input`, `download-button`, `table-wrap`, `table`, `row`,
 * `badge`, `more-button`, and the states) and `--rp-*` custom properties.
 *
 * @summary Lead tracking report.
 *
 * @slot header - Replaces the heading ("Lead Tracking") and its introduction.
 * @slot empty - Shown when the period has no leads.
 *
 * @csspart badge - The status badges.
 *
 * @customElement rp-leads
 */
@localized()
export class RpLeads extends RpReport<LeadRow> {
  protected readonly path = '/partner/reports/leads';

  protected get heading(): string {
    return msg('Lead Tracking');
  }

  protected get intro(): string {
    return msg('People you referred who signed up or asked to be contacted. Contact details are masked.');
  }

  protected get emptyText(): string {
    return msg('No leads in this period.');
  }

  protected columns(): Column<LeadRow>[] {
    return [
      { label: msg('Date'), cell: (r) => this.date(r.createdAt) },
      { label: msg('Program'), cell: (r) => r.programName },
      { label: msg('Lead'), cell: (r) => r.leadId },
      { label: msg('Contact'), cell: (r) => r.contact },
      { label: msg('Status'), cell: (r) => badge(r.status, r.status === 'new' ? msg('New') : msg('Converted')) },
    ];
  }
}

RpLeads.define('rp-leads');

declare global {
  interface HTMLElementTagNameMap {
    'rp-leads': RpLeads;
  }
}
