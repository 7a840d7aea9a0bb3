import { Hono } from 'hono';
import { LedgerQuery, ReportQuery } from '@rp/contract';
import { csvHeaders, csvStream } from '../domain/csv.ts';
import {
  COMMISSIONS_CSV_COLUMNS,
  commissionsCsv,
  LEDGER_CSV_COLUMNS,
  ledgerCsv,
  LEADS_CSV_COLUMNS,
  leadsCsv,
  SALES_CSV_COLUMNS,
  salesCsv,
} from '../domain/exports.ts';
import { commissionsPage, leadsPage, ledgerPage, parseRange, partnerBalance, salesPage, summary } from '../domain/reports.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

const SummaryQuery = ReportQuery.pick({ from: true, to: true });

/** `ledger-demo-2030-01-01-to-2030-01-31.csv` */
function fileName(kind: string, code: string, q: { from?: string | undefined; to?: string | undefined }): string {
  return `${kind}-${code}${q.from ? `-from-${q.from}` : ''}${q.to ? `-to-${q.to}` : ''}.csv`;
}

/**
 * The partner's money reports. Mounted inside `partnerRoutes`, behind `requirePartner`: every
 * query takes the partner id from the session, never from the request.
 */
export function reportRoutes(deps: Deps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get('/balance', (c) => c.json(partnerBalance(db, c.get('session').partnerId, now())))
    .get('/summary', valid('query', SummaryQuery), (c) => c.json(summary(db, c.get('session').partnerId, c.req.valid('query'), now())))
    .get('/ledger', valid('query', LedgerQuery), (c) => c.json(ledgerPage(db, c.get('session').partnerId, c.req.valid('query'), now())))
    .get('/reports/commissions', valid('query', ReportQuery), (c) =>
      c.json(commissionsPage(db, c.get('session').partnerId, c.req.valid('query'), now())),
    )
    .get('/reports/leads', valid('query', ReportQuery), (c) => c.json(leadsPage(db, c.get('session').partnerId, c.req.valid('query'))))
    .get('/reports/sales', valid('query', ReportQuery), (c) => c.json(salesPage(db, c.get('session').partnerId, c.req.valid('query'), now())))
    .get('/ledger.csv', valid('query', LedgerQuery), (c) => {
      const q = c.req.valid('query');
      const { partnerId, code } = c.get('session');
      const range = parseRange(q);
      const at = now();
      return c.body(csvStream(db, LEDGER_CSV_COLUMNS, (reader) => ledgerCsv(reader, partnerId, range, q, q.type, at)), 200, csvHeaders(fileName('ledger', code, q)));
    })
    .get('/reports/commissions.csv', valid('query', ReportQuery), (c) => {
      const q = c.req.valid('query');
      const { partnerId, code } = c.get('session');
      const range = parseRange(q);
      const at = now();
      return c.body(csvStream(db, COMMISSIONS_CSV_COLUMNS, (reader) => commissionsCsv(reader, partnerId, range, at)), 200, csvHeaders(fileName('commissions', code, q)));
    })
    .get('/reports/leads.csv', valid('query', ReportQuery), (c) => {
      const q = c.req.valid('query');
      const { partnerId, code } = c.get('session');
      const range = parseRange(q);
      return c.body(csvStream(db, LEADS_CSV_COLUMNS, (reader) => leadsCsv(reader, partnerId, range)), 200, csvHeaders(fileName('leads', code, q)));
    })
    .get('/reports/sales.csv', valid('query', ReportQuery), (c) => {
      const q = c.req.valid('query');
      const { partnerId, code } = c.get('session');
      const range = parseRange(q);
      const at = now();
      return c.body(csvStream(db, SALES_CSV_COLUMNS, (reader) => salesCsv(reader, partnerId, range, at)), 200, csvHeaders(fileName('sales', code, q)));
    });
}
