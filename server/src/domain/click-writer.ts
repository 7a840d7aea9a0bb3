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
 * A function that writes one batch in one transaction (the clicks, plus `links.click_count`
 * bumped once per link, `click_days` once per partner, link and day) and answers how many
 * clicks it wrote. One bad row (say, its link was deleted meanwhile) must not lose the others:
 * the batch is then retried one click per savepoint, still in the same transaction (so the worker
 * never lets go of the write lock between the tries), and the bad ones are logged.
 * A failure of the transaction itself (a busy database, a full disk) is thrown to the caller.
 */
export function clickWriter(db: Db, log: ClickLog): (batch: ClickBatch, options?: WriteOptions) => number {
  const insert = db.prepare(
    `INSERT INTO clicks (public_id, link_id, partner_id, visitor_hash, referrer_host, ua_class, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare('UPDATE links SET click_count = click_count + ? WHERE id = ?');
  const countDays = clickDayCounter(db);
  // Always called inside `all`: a savepoint, rolled back alone when it throws.
  const rows = db.transaction((b: ClickBatch, from: number, to: number) => {
    const perLink = new Map<number, number>();
    const perDay = countDays.start();
    for (let i = from; i < to; i++) {
      const s = 3 * i;
      const hash = Buffer.from(b.hashes.buffer, b.hashes.byteOffset + i * HASH_BYTES, HASH_BYTES);
      insert.run(b.strings[s], b.nums[s], b.nums[s + 1], hash, b.strings[s + 1], b.strings[s + 2], b.nums[s + 2]);
      const linkId = b.nums[s]!;
      perLink.set(linkId, (perLink.get(linkId) ?? 0) + 1);
      perDay.add(b.nums[s + 1]!, linkId, b.nums[s + 2]!);
    }
    for (const [linkId, n] of perLink) bump.run(n, linkId);
    perDay.write();
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

/**
 * Adds clicks to `click_days` (per partner, UTC day and link) with one upsert per group rather
 * than one per click. `start()` begins a tally, `add()` counts a click, `write()` stores the tally;
 * call it inside the transaction that inserts the clicks.
 */
export function clickDayCounter(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO click_days (partner_id, day, link_id, clicks) VALUES (?, ?, ?, ?)
     ON CONFLICT (partner_id, day, link_id) DO UPDATE SET clicks = clicks + excluded.clicks`,
  );
  return {
    start() {
      const tally = new Map<string, { partnerId: number; linkId: number; day: string; clicks: number }>();
      return {
        add(partnerId: number, linkId: number, createdAt: number): void {
          const day = new Date(createdAt).toISOString().slice(0, 10);
          const key = `${partnerId} ${linkId} ${day}`;
          const entry = tally.get(key);
          if (entry) entry.clicks += 1;
          else tally.set(key, { partnerId, linkId, day, clicks: 1 });
        },
        write(): void {
          for (const { partnerId, day, linkId, clicks } of tally.values()) upsert.run(partnerId, day, linkId, clicks);
        },
      };
    },
  };
}
