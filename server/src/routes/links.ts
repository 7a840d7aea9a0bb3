import { Hono } from 'hono';
import { LinkCreate, ReportQuery } from '@rp/contract';
import { CLICKS_CSV_COLUMNS, clickReport, clickRowsForCsv } from '../domain/click-report.ts';
import { csvHeaders, csvStream } from '../domain/csv.ts';
import { listActiveDestinations } from '../domain/destinations.ts';
import { createLink, listLinks } from '../domain/links.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { valid } from '../http/validation.ts';

/**
 * The partner's redirect links and their clicks report. Mounted inside `partnerRoutes`, behind its
 * session guard (so at /api/partner/...). Every query takes the partner id from the session,
 * never from the request.
 */
export function linkRoutes(deps: Deps) {
  const { db, config, now } = deps;
  return new Hono<AppEnv>()
    .get('/destinations', (c) => c.json({ destinations: listActiveDestinations(db) }))
    .get('/links', (c) => {
      deps.clicks.flush(); // click counts include clicks still waiting for their batch
      return c.json({ links: listLinks(db, c.get('session').partnerId, config.publicUrl) });
    })
    .post('/links', valid('json', LinkCreate), (c) =>
      c.json(createLink(db, c.get('session').partnerId, c.req.valid('json'), { publicUrl: config.publicUrl, now: now() }), 201),
    )
    .get('/reports/clicks', valid('query', ReportQuery), (c) => {
      deps.clicks.flush(); // a report shows every click already redirected
      return c.json(clickReport(db, c.get('session').partnerId, c.req.valid('query')));
    })
    .get('/reports/clicks.csv', valid('query', ReportQuery.omit({ cursor: true, limit: true })), (c) => {
      deps.clicks.flush(); // the export's snapshot includes every click already redirected
      const query = c.req.valid('query');
      const rows = clickRowsForCsv(c.get('session').partnerId, query); // throws on a bad range before anything is sent
      const range = `${query.from ?? 'start'}_${query.to ?? 'today'}`;
      return c.body(csvStream(db, CLICKS_CSV_COLUMNS, rows), 200, csvHeaders(`clicks_${range}.csv`));
    });
}
