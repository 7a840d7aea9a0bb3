// Writing a batch of clicks: shared by the click writer's worker thread and by the main-thread
// fallback (an in-memory database, or a worker that could not start).
import type { Db } from '../db/database.ts';

/** Every visitor hash is an HMAC-SHA256: 32 bytes. */
export const HASH_BYTES = 32;

/**
 * A batch in the compact form posted to the worker (one structured clone per batch, no object per
 * click). Click `i` is `strings[3i..3i+2]` = public id, referrer host, UA class;
 * `nums[3i..3i+2]` = link id, partner id, created at; `hashes[32i..32i+31]` = visitor hash.
 */
export interface ClickBatch {
  n: number;
  strings: string[];
  nums: Float64Array;
  hashes: Uint8Array;
}

/** Slots of the state shared with the worker (an Int32Array over a SharedArrayBuffer); see click-writer.worker.ts. */
export const DONE = 0;
export const CLAIM = 1;
export const WRITTEN = 2;
export const CLOSED = 3;
export const STATE_SLOTS = 4;

/** What the worker is started with. */
export interface ClickWriterData {
  path: string;
  state: SharedArrayBuffer;
  busyTimeoutMs: number;
}

export type ToWorker = { type: 'batch'; seq: number; batch: ClickBatch } | { type: 'close' };
/** The worker's connection as it reports it once open: `synchronous` 1 is NORMAL (2 is FULL). */
export interface WorkerConnection {
  journalMode: string;
  synchronous: number;
  busyTimeoutMs: number;
  foreignKeys: boolean;
  /** The writer thread's nice value (see WRITER_NICE in click-writer.worker.ts). */
  nice: number;
}

export type FromWorker = { type: 'log'; message: string; error: string | null } | { type: 'opened'; settings: WorkerConnection };

export interface WriteOptions {
  /** BEGIN IMMEDIATE (the worker: take the write lock, or wait for it, before anything else). */
  immediate?: boolean;
  /**
   * Called first inside the transaction, with the write lock held; false means "not yours any
   * more" (the main thread took the batch back) and nothing is written: the answer is -1.
   */
  claim?: () => boolean;
}

export type ClickLog = (message: string, error: unknown) => void;

/** SQLITE_BUSY and friends: the write lock was not had within busy_timeout. Worth retrying whole. */
export const isBusy = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');

/**
 * Rows per INSERT statement, largest first: a batch goes in as many 500-row statements as fit,
 * then 100, 20, 5 and single rows for what is left (7 bound parameters a row, far under SQLite's
 * 32,766).
 */
const CHUNKS = [500, 100, 20, 5, 1] as const;
const CLICK_COLUMNS = '(public_id, link_id, partner_id, visitor_hash, referrer_host, ua_class, created_at)';

/**
 * A function that writes one batch in one transaction (the clicks, plus `links.click_count`
 * bumped once per link, `click_days` once per partner, link and day) and answers how many
 * clicks it wrote. One bad row (say, its link was deleted meanwhile) must not lose the others:
 * the batch is then retried one click per savepoint, still in the same transaction (so the worker
 * never lets go of the write lock between the tries), and the bad ones are logged.
 * A failure of the transaction itself (a busy database, a full disk) is thrown to the caller.
 *
 * Rows go in through prepared multi-row INSERTs (see CHUNKS): one call into SQLite (bind, step,
 * reset, and an answer object) per 500 clicks instead of per click; the writer's cost per click
 * fell by about a third.
 */
export function clickWriter(db: Db, log: ClickLog): (batch: ClickBatch, options?: WriteOptions) => number {
  const inserts = CHUNKS.map((rows) => ({
    rows,
    statement: db.prepare(`INSERT INTO clicks ${CLICK_COLUMNS} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
    params: new Array<unknown>(7 * rows),
  }));
  const bump = db.prepare('UPDATE links SET click_count = click_count + ? WHERE id = ?');
  const countDays = clickDayCounter(db);
  const hashOf = (b: ClickBatch, i: number) => Buffer.from(b.hashes.buffer, b.hashes.byteOffset + i * HASH_BYTES, HASH_BYTES);
  // Always called inside `all`: a savepoint, rolled back alone when it throws.
  const rows = db.transaction((b: ClickBatch, from: number, to: number) => {
    const perDay = countDays.start();
    let i = from;
    for (const { rows: chunk, statement, params } of inserts) {
      for (; i + chunk <= to; i += chunk) {
        for (let r = 0, p = 0; r < chunk; r++, p += 7) {
          const s = 3 * (i + r);
          params[p] = b.strings[s];
          params[p + 1] = b.nums[s];
          params[p + 2] = b.nums[s + 1];
          params[p + 3] = hashOf(b, i + r);
          params[p + 4] = b.strings[s + 1];
          params[p + 5] = b.strings[s + 2];
          params[p + 6] = b.nums[s + 2];
        }
        statement.run(params);
      }
    }
    for (let k = from; k < to; k++) perDay.add(b.nums[3 * k + 1]!, b.nums[3 * k]!, b.nums[3 * k + 2]!);
    for (const [linkId, n] of perDay.write()) bump.run(n, linkId);
  });
  const all = db.transaction((b: ClickBatch, claim: (() => boolean) | undefined) => {
    if (claim && !claim()) return -1;
    try {
      rows(b, 0, b.n);
      return b.n;
    } catch {
      let written = 0;
      for (let i = 0; i < b.n; i++) {
        try {
          rows(b, i, i + 1);
          written += 1;
        } catch (rowError) {
          log(`click ${b.strings[3 * i]} not recorded:`, rowError);
        }
      }
      return written;
    }
  });

  return (batch, { immediate = false, claim } = {}) => (immediate ? all.immediate(batch, claim) : all(batch, claim));
}

const DAY_MS = 86_400_000;

/**
 * Adds clicks to `click_days` (per partner, UTC day and link) with one upsert per group rather
 * than one per click. `start()` begins a tally, `add()` counts a click, `write()` stores the tally
 * and answers the clicks it counted per link; call it inside the transaction that inserts the
 * clicks. Days are counted as numbers (ms / day) and made `YYYY-MM-DD` once per group.
 */
export function clickDayCounter(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO click_days (partner_id, day, link_id, clicks) VALUES (?, ?, ?, ?)
     ON CONFLICT (partner_id, day, link_id) DO UPDATE SET clicks = clicks + excluded.clicks`,
  );
  return {
    start() {
      // Partner → (link, day) → clicks; a link and a day are one number: link × 2^20 + day (days
      // since 1970 stay under 2^20 until the year 4840; link ids under 2^33, exact in a double).
      const tally = new Map<number, Map<number, number>>();
      return {
        add(partnerId: number, linkId: number, createdAt: number): void {
          let perPartner = tally.get(partnerId);
          if (!perPartner) tally.set(partnerId, (perPartner = new Map()));
          const key = linkId * 1_048_576 + Math.floor(createdAt / DAY_MS);
          perPartner.set(key, (perPartner.get(key) ?? 0) + 1);
        },
        write(): Map<number, number> {
          const perLink = new Map<number, number>();
          for (const [partnerId, perPartner] of tally) {
            for (const [key, clicks] of perPartner) {
              const linkId = Math.floor(key / 1_048_576);
              const day = new Date((key % 1_048_576) * DAY_MS).toISOString().slice(0, 10);
              upsert.run(partnerId, day, linkId, clicks);
              perLink.set(linkId, (perLink.get(linkId) ?? 0) + clicks);
            }
          }
          return perLink;
        },
      };
    },
  };
}
