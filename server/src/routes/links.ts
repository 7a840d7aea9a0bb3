import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { LinkCreate, ReportQuery } from '@rp/contract';
import { CLICKS_CSV_COLUMNS, clickReport, clickRowsForCsv } from '../domain/click-report.ts';
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
      deps.clicks.flush();
      const partnerId = c.get('session').partnerId;
      const query = c.req.valid('query');
      const pages = clickRowsForCsv(db, partnerId, query); // throws on a bad range before anything is sent
      const encoder = new TextEncoder();
      // Pulled one page at a time: memory stays flat however long the report, and the database is
      // never held between pages (better-sqlite3 iterators would block every other request).
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(stringify([CLICKS_CSV_COLUMNS], { record_delimiter: 'windows' })));
        },
        pull(controller) {
          const next = pages.next();
          if (next.done) return controller.close();
          controller.enqueue(encoder.encode(stringify(next.value, { escape_formulas: true, record_delimiter: 'windows' })));
        },
      });
      const range = `${query.from ?? 'start'}_${query.to ?? 'today'}`;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="clicks_${range}.csv"`);
      return c.body(body);
    });
}
