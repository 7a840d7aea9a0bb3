// CSV export of 100k rows: GET /api/partner/ledger.csv (the statement) through the real app's
// `app.request()`, consumed chunk by chunk, with memory sampled at every chunk — beside the same
// rows built the non-streaming way (`.all()`-style: collect every row, then stringify them at once), measured
// the same way in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrate, openDatabase, type Db } from '../server/src/db/database.ts';
import { ClickRecorder } from '../server/src/domain/clicks.ts';
import { csvText } from '../server/src/domain/csv.ts';
import { LEDGER_CSV_COLUMNS, ledgerCsv } from '../server/src/domain/exports.ts';
import { createSession } from '../server/src/domain/sessions.ts';
import type { Bench, BenchResult } from './types.ts';

const ROWS = 100_000;
const DAY = 86_400_000;
const MB = 1024 * 1024;
/** Flat means: the streamed export's live heap grows by less than this, whatever the row count. */
const BUDGET_HEAP_MB = 4;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settle(): NodeJS.MemoryUsage {
  gc();
  gc();
  return process.memoryUsage();
}

/** 100k earned entries (sale → commission → entry) for one partner, bulk-inserted. */
function generate(db: Db, now: number): number {
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    db.prepare("INSERT INTO partners (id, code, password_hash, name, email, status, created_at, updated_at) VALUES (1, 'csv', 'x', 'CSV Partner', 'c@example.com', 'active', ?, ?)").run(now, now);
    db.prepare("INSERT INTO programs (id, name, currency, attribution_window_days, hold_days, created_at) VALUES (1, 'Coffee, \"Subscriptions\"', 'USD', 30, 30, ?)").run(now);
    const sale = db.prepare("INSERT INTO sales (order_id, program_id, partner_id, attributed_by, amount, currency, occurred_at, created_at) VALUES (?, 1, 1, 'click', ?, 'USD', ?, ?)");
    const commission = db.prepare("INSERT INTO commissions (partner_id, program_id, sale_id, amount, currency, available_at, created_at) VALUES (1, 1, ?, ?, 'USD', ?, ?)");
    const entry = db.prepare(
      "INSERT INTO ledger_entries (partner_id, type, amount, currency, available_at, balance_after, commission_id, description, created_at) VALUES (1, 'earned', ?, 'USD', ?, ?, ?, ?, ?)",
    );
    let total = 0;
    for (let i = 0; i < ROWS - 2; i += 1) {
      const at = now - 365 * DAY + Math.floor((i / ROWS) * 365 * DAY);
      const amount = 1000 + ((i * 7919) % 20000);
      const saleId = Number(sale.run(`HP-${100000 + i}`, amount, at, at).lastInsertRowid);
      const earned = Math.floor((amount * 1250 + 5000) / 10000);
      const commissionId = Number(commission.run(saleId, earned, at + 30 * DAY, at).lastInsertRowid);
      total += earned;
      entry.run(earned, at + 30 * DAY, total, commissionId, `Commission on order HP-${100000 + i}`, at);
    }
    db.prepare("INSERT INTO balances (partner_id, currency, total, updated_at) VALUES (1, 'USD', ?, ?)").run(total, now);
  })();
  db.pragma('synchronous = FULL');
  return 1;
}

interface Measured {
  ms: number;
  bytes: number;
  lines: number;
  /** Peak growth of live heap: sampled right after a forced gc(). */
  liveHeapMb: number;
  /** Peak growth of heapUsed as sampled, garbage included. */
  heapMb: number;
  rssMb: number;
  externalMb: number;
}

export const csvBench: Bench = {
  id: 'csv',
  title: 'CSV export of 100k rows, streamed',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'rp-bench-csv-'));
    const path = join(dir, 'csv.sqlite');
    const db = openDatabase(path);
    const clicks = new ClickRecorder(db);
    try {
      migrate(db);
      const now = Date.now();
      const partnerId = generate(db, now);
      const config = loadConfig({ RP_DATABASE: path, RP_ADMIN_KEY: 'bench-admin-key-0123456789' });
      const app = createApp({ db, config, now: () => now, clicks });
      const token = createSession(db, partnerId, { maxHours: 12, idleMinutes: 120 }, now).token;

      const streamed = async (): Promise<Measured> => {
        const base = settle();
        let peak = { live: 0, heap: 0, rss: 0, external: 0 };
        let chunks = 0;
        let gcMs = 0;
        const sample = () => {
          chunks += 1;
          if (chunks % 16 === 0) {
            // What the export really holds: garbage collected first (its time left out below).
            const g0 = performance.now();
            gc();
            peak.live = Math.max(peak.live, process.memoryUsage().heapUsed - base.heapUsed);
            gcMs += performance.now() - g0;
          }
          const m = process.memoryUsage();
          peak = {
            live: peak.live,
            heap: Math.max(peak.heap, m.heapUsed - base.heapUsed),
            rss: Math.max(peak.rss, m.rss - base.rss),
            external: Math.max(peak.external, m.external + m.arrayBuffers - base.external - base.arrayBuffers),
          };
        };
        const t0 = performance.now();
        const res = await app.request('/api/partner/ledger.csv', { headers: { Authorization: `Bearer ${token}` } });
        if (res.status !== 200 || !res.body) throw new Error(`ledger.csv: ${res.status}`);
        const reader = res.body.getReader();
        let bytes = 0;
        let lines = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.length;
          for (const byte of value) if (byte === 10) lines += 1;
          sample();
        }
        const ms = performance.now() - t0 - gcMs;
        return { ms, bytes, lines, liveHeapMb: peak.live / MB, heapMb: peak.heap / MB, rssMb: peak.rss / MB, externalMb: peak.external / MB };
      };

      const materialized = (): Measured => {
        const base = settle();
        const t0 = performance.now();
        const rows = [...ledgerCsv(db, partnerId, { fromMs: null, toMs: null }, {}, undefined, now)];
        const text = csvText(rows, LEDGER_CSV_COLUMNS);
        const lineCount = rows.length + 1; // the header, then one line per row
        const bytes = new TextEncoder().encode(text);
        const ms = performance.now() - t0;
        const held = process.memoryUsage();
        gc(); // the rows and the text are still referenced: this is what the approach holds live
        const m = process.memoryUsage();
        const result = {
          ms,
          bytes: bytes.length,
          lines: lineCount,
          liveHeapMb: (m.heapUsed - base.heapUsed) / MB,
          heapMb: (held.heapUsed - base.heapUsed) / MB,
          rssMb: (m.rss - base.rss) / MB,
          externalMb: (m.external + m.arrayBuffers - base.external - base.arrayBuffers) / MB,
        };
        if (text.length === 0 || rows.length === 0 || bytes.length === 0) throw new Error('nothing built');
        return result;
      };

      await streamed(); // warm-up: JIT, page cache
      const s = await streamed();
      const s2 = await streamed();
      const m = materialized();
      const r = (n: number) => Number(n.toFixed(1));
      const row = (name: string, x: Measured) => [
        name,
        x.lines,
        r(x.bytes / MB),
        r(x.ms),
        Math.round(x.lines / (x.ms / 1000)),
        r(x.liveHeapMb),
        r(x.heapMb),
        r(x.externalMb),
        r(x.rssMb),
      ];
      const pass = Math.max(s.liveHeapMb, s2.liveHeapMb) < BUDGET_HEAP_MB;
      return {
        id: 'csv',
        title: `GET /api/partner/ledger.csv, ${ROWS.toLocaleString('en')} entries (statement with opening and closing lines)`,
        method:
          'in-process app.request(), body read chunk by chunk; peak growth over a gc()-settled baseline, sampled at every chunk; "built in memory" = the same rows collected and stringified at once, measured after',
        table: {
          columns: ['export', 'lines', 'MB', 'ms', 'rows/s', 'live heap Δ MB', 'heap Δ incl. garbage MB', 'external Δ MB', 'RSS Δ MB'],
          rows: [
            row('streamed (run 1)', s),
            row('streamed (run 2)', s2),
            row('built in memory (comparison)', m),
            ['streamed ÷ built in memory', null, null, Number((s.ms / m.ms).toFixed(2)), null, Number((s.liveHeapMb / m.liveHeapMb).toFixed(3)), Number((s.heapMb / m.heapMb).toFixed(2)), null, null],
          ],
        },
        data: { rows: ROWS, streamed: [s, s2], materialized: m },
        budgets: [{ name: `streamed peak heap growth < ${BUDGET_HEAP_MB} MB`, pass }],
        notes: [`budget: streamed export heap growth under ${BUDGET_HEAP_MB} MB — ${pass ? 'met' : 'MISSED'} (${r(Math.max(s.liveHeapMb, s2.liveHeapMb))} MB live for ${r(s.bytes / MB)} MB of CSV)`,
          'live heap = heapUsed sampled right after a forced gc() every 16 chunks (1 MB of CSV); the gc time is left out of ms',
        ],
      };
    } finally {
      clicks.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
