import { hash, randomBytes, randomFillSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import {
  CLAIM,
  CLOSED,
  clickWriter,
  DONE,
  HASH_BYTES,
  STATE_SLOTS,
  WRITTEN,
  type ClickBatch,
  type ClickWriterData,
  type FromWorker,
  type ToWorker,
  type WorkerConnection,
} from './click-writer.ts';
import { RepeatMemory } from './repeat-memory.ts';

/** Coarse class of the visitor's device, all a report needs; the user agent itself is not kept. */
export type UaClass = 'desktop' | 'mobile' | 'tablet' | 'other';

/** A click as the redirect hands it over; written to the table by the next batch. */
export interface Click {
  /** The click id the redirect already put in the Location, before the row exists. */
  publicId: string;
  linkId: number;
  partnerId: number;
  /** HMAC-SHA256 of address and user agent under the server's secret: never the raw address. */
  visitorHash: VisitorHash;
  /** Host of the referring page only, never its path or query. */
  referrerHost: string;
  uaClass: UaClass;
  createdAt: number;
}

/**
 * A visitor hash: the 32 bytes of an HMAC-SHA256 as a latin1 string (one character per byte), so
 * making, comparing and queueing it allocates no Buffer (each is a malloc and a backing store for
 * the garbage collector); written to `clicks.visitor_hash` as the same 32 bytes.
 */
export type VisitorHash = string;

/** A repeat click by one visitor on one link within this window counts once. */
export const REPEAT_WINDOW_MS = 30 * 60 * 1000;

/** Random bytes drawn a pool at a time: one system call per 455 click ids instead of one each. */
const RANDOM_BYTES = 9;
const POOL_IDS = 455;
const pool = Buffer.alloc(RANDOM_BYTES * POOL_IDS);
/** The pool as base64url (9 bytes are exactly 12 characters, so no padding between ids), cut per id. */
let poolText = '';
let poolNext = POOL_IDS;
/** The time part of the last id made: under load many clicks share a millisecond. */
let prefixAt = -1;
let prefix = '';

/**
 * A click id: the time in milliseconds (9 base-36 digits, so ids sort by time) and 9 random bytes
 * from the CSPRNG (12 URL-safe characters) — 21 characters. Time first because ids that sort in
 * arrival order land on the same index pages: a random id touched a new page per click and cost
 * several times more to write.
 */
export function newClickId(now: number = Date.now()): string {
  if (poolNext === POOL_IDS) {
    randomFillSync(pool);
    poolText = pool.toString('base64url');
    poolNext = 0;
  }
  const at = 12 * poolNext++;
  if (now !== prefixAt) {
    prefixAt = now;
    prefix = now.toString(36).padStart(9, '0');
  }
  return prefix + poolText.slice(at, at + 12);
}

/**
 * Crawlers, link-preview fetchers, monitors and command-line clients. They get the redirect (a
 * preview should show the merchant's page) but are not counted and get no click id.
 * curl, wget and HTTP libraries count as bots: no person is behind them and no checkout will
 * ever carry their click id. Headless Chrome is NOT listed: it is what browser tests drive.
 * This and the device patterns below are matched against the lower-cased user agent: a
 * case-sensitive match is about twice as fast as the same pattern with the `i` flag.
 */
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|preview|whatsapp|telegram|discord|slack|skypeuripreview|vkshare|pinterest|redditbot|applebot|yandex|baiduspider|duckduck|bingpreview|lighthouse|pingdom|uptime|statuscake|site24x7|datadog|^curl\/|^wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|^java\/|okhttp|libwww|httpclient|^axios|node-fetch|^undici|scrapy|phantomjs|feedfetcher|mediapartners|adsbot|google-inspectiontool|ia_archiver|archive\.org/;
const TABLET = /ipad|tablet|playbook|silk\/|kindle|nexus (7|9|10)|android(?!.*mobile)/;
const MOBILE = /mobi|iphone|ipod|android|windows phone|iemobile|opera mini|blackberry/;
const DESKTOP = /windows nt|macintosh|x11|linux|cros/;

const classOf = (lower: string): UaClass =>
  TABLET.test(lower) ? 'tablet' : MOBILE.test(lower) ? 'mobile' : DESKTOP.test(lower) ? 'desktop' : 'other';

/** Whether a user agent is a bot or preview fetcher; an empty or absent one counts as a bot. */
export function isBot(userAgent: string): boolean {
  return userAgent.trim() === '' || BOT_PATTERN.test(userAgent.toLowerCase());
}

export function uaClass(userAgent: string): UaClass {
  return classOf(userAgent.toLowerCase());
}

/** isBot() and uaClass() at once, lower-casing once: 'bot' or the device class. */
export function classifyUserAgent(userAgent: string): UaClass | 'bot' {
  if (userAgent.trim() === '') return 'bot';
  const lower = userAgent.toLowerCase();
  return BOT_PATTERN.test(lower) ? 'bot' : classOf(lower);
}

/** The host of a Referer header (lower case, at most 253 characters), or '' for none or junk. */
export function referrerHost(referer: string | undefined): string {
  if (!referer) return '';
  try {
    const url = new URL(referer);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.hostname.slice(0, 253);
  } catch {
    return '';
  }
}

/**
 * A secret this server generates once and keeps in its database (a fresh database gets a new
 * one). Two starts racing both insert-or-ignore, then both read the one that won.
 */
export function serverSecret(db: Db, name: string, now: number): Buffer {
  db.prepare('INSERT OR IGNORE INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, randomBytes(32), now);
  return (db.prepare('SELECT value FROM server_secrets WHERE name = ?').get(name) as { value: Buffer }).value;
}

/** SHA-256 works on 64-byte blocks: the HMAC key is padded (or first hashed) to one block. */
const SHA256_BLOCK = 64;

/**
 * Keyed hash of the visitor: HMAC-SHA256 (RFC 2104) over `${address}\n${userAgent}`, the same
 * bytes `createHmac('sha256', secret)` gives, computed as H((K ^ opad) || H((K ^ ipad) || message))
 * with two one-shot `crypto.hash()` calls over buffers prepared once. On the redirect's path for
 * every new visitor: createHmac() sets up an OpenSSL HMAC context and a stream object per call,
 * which cost ~2 µs more a redirect in the running server (of ~6 µs for the hash; alternating
 * runs at a fixed rate). A SHA-256 in JavaScript was no faster. Answered as a latin1 string (see
 * VisitorHash): a Buffer per call cost more again.
 */
export function visitorHasher(secret: Buffer): (address: string, userAgent: string) => VisitorHash {
  const key = secret.length > SHA256_BLOCK ? hash('sha256', secret, 'buffer') : secret;
  const outer = Buffer.alloc(SHA256_BLOCK + HASH_BYTES); // K ^ opad, then the inner hash
  let inner = Buffer.alloc(SHA256_BLOCK + 1024); // K ^ ipad, then the message (grown for a longer one)
  for (let i = 0; i < SHA256_BLOCK; i++) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  return (address, userAgent) => {
    const message = `${address}\n${userAgent}`;
    // A UTF-8 encoding is at most 3 bytes per UTF-16 unit: room checked without encoding twice.
    if (SHA256_BLOCK + 3 * message.length > inner.length) {
      const grown = Buffer.alloc(2 * (SHA256_BLOCK + 3 * message.length));
      inner.copy(grown, 0, 0, SHA256_BLOCK);
      inner = grown;
    }
    const end = SHA256_BLOCK + inner.write(message, SHA256_BLOCK, 'utf8');
    // 'binary' is latin1: one character per byte.
    outer.write(hash('sha256', inner.subarray(0, end), 'binary'), SHA256_BLOCK, 'latin1');
    return hash('sha256', outer, 'binary');
  };
}

export interface ClickRecorderOptions {
  /** A partly filled batch is written this long after its first click. */
  flushIntervalMs?: number;
  /** A batch this large is written at once. */
  maxBuffered?: number;
  /** Visitors remembered for repeat detection; beyond this the oldest are forgotten early. */
  maxRemembered?: number;
  /** Where a failed batch is reported. */
  log?: (message: string, error: unknown) => void;
  /**
   * Write batches on a worker thread with its own connection (the default for a database file).
   * An in-memory database cannot be shared with another connection: there, and with `false`,
   * batches are written on the main thread, on the app's connection.
   */
  worker?: boolean;
  /** How long `flush()`, `close()` and a full queue wait for the worker before they log and go on. */
  flushTimeoutMs?: number;
  /**
   * Batches posted to the worker and not yet written, at most. Past it, posting a batch waits
   * until the worker is back under it: the redirect slows to the pace the database takes clicks
   * instead of queueing without bound or dropping any.
   */
  maxQueued?: number;
}

/** The worker's entry: a plain module that registers tsx in the worker, then loads click-writer.worker.ts. */
const WORKER_ENTRY = new URL('./click-writer.boot.js', import.meta.url);

/**
 * Writes clicks in batches, off the redirect's path: the redirect answers at once; the clicks
 * are buffered here (a few array pushes each) and posted as one compact batch every
 * `flushIntervalMs` (200 ms) or `maxBuffered` (2000) clicks to a worker thread, which writes the
 * batch in one transaction (the clicks, plus `links.click_count` and `click_days` bumped once per
 * link and day) on its OWN connection with synchronous=NORMAL. So the main thread never pays for
 * the inserts nor waits on a commit's fsync. At most `maxQueued` batches wait for the worker;
 * past that the redirect waits for it (see #backpressure): clicks are never dropped to keep up.
 * Clicks may be lost only when the process ends badly: on a killed process, what was not yet
 * written (~200 ms); on a power loss, also the last batches written since the main connection
 * last committed (at FULL, its commit fsyncs the WAL, clicks included). Money never goes through
 * here and stays at FULL.
 *
 * `flush()` stays synchronous: it posts what is buffered and blocks (Atomics.wait on shared
 * memory; the worker needs nothing from this thread's event loop) until the worker has committed
 * it and everything posted before it. Called inside a write transaction of the app's connection
 * (attribution runs inside the conversion's), it cannot wait for the worker, which needs the
 * write lock: it takes back every batch the worker has not claimed and writes them in that
 * transaction (a savepoint), and checks after the transaction that they stayed (a refused
 * conversion rolls back, and its clicks are then queued again).
 *
 * A database in memory (`:memory:`: a second connection would be another database) or a worker
 * that cannot start or dies: batches are written on the main thread, on the app's connection.
 *
 * Also answers "did this visitor click this link within the repeat window?" from memory alone,
 * with no query on the hot path: on first use it loads the window's clicks from the table (so a
 * restart forgets nothing), then remembers every click it records. Memory is bounded
 * (`maxRemembered`: ~7.5 MB of typed arrays at the default, see RepeatMemory); past the bound the
 * oldest visitors are forgotten early, and a repeat of theirs would count again.
 */
export class ClickRecorder {
  readonly #db: Db;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #maxRemembered: number;
  readonly #flushTimeoutMs: number;
  readonly #maxQueued: number;
  readonly #log: (message: string, error: unknown) => void;
  // The batch being filled, in the compact form it is posted in (see ClickBatch).
  #n = 0;
  #strings: string[] = [];
  // Numbers and hashes written straight into typed arrays (grown as needed, copied out per
  // batch): no array of 2,000 small objects kept alive for the garbage collector to move.
  #nums = new Float64Array(3 * 256);
  #hashes = Buffer.alloc(HASH_BYTES * 256);
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Who clicked which link within the window (see RepeatMemory). */
  readonly #recent: RepeatMemory;
  #loaded = false;
  /** Writes on the app's connection: the fallback, and batches taken back inside a transaction. */
  #mainWriter: ((batch: ClickBatch) => number) | undefined;
  /** Whether the worker may be used: not for an in-memory database, nor once it failed or closed. */
  #useWorker: boolean;
  #worker: Worker | undefined;
  #state: Int32Array | undefined;
  /** Number of the last batch posted to the worker. */
  #seq = 0;
  /** Number of the last batch taken back from the worker (written here instead). */
  #takenBack = 0;
  /** Batches posted and not yet known done, by number: written again here if the worker dies. */
  readonly #inFlight = new Map<number, ClickBatch>();
  /** Batches written here inside a caller's transaction, to check once it is over. */
  #unconfirmed: ClickBatch[] = [];
  #workerConnection: WorkerConnection | undefined;

  constructor(db: Db, options: ClickRecorderOptions = {}) {
    this.#db = db;
    this.#flushIntervalMs = options.flushIntervalMs ?? 200;
    // 2000, not 500: at full load a batch fills in well under the 200 ms anyway, and fewer,
    // larger batches mean fewer messages and commits competing with the redirect for the CPU.
    // The loss window (the timer) is unchanged.
    this.#maxBuffered = options.maxBuffered ?? 2000;
    this.#maxRemembered = options.maxRemembered ?? 100_000;
    this.#recent = new RepeatMemory(this.#maxRemembered);
    this.#flushTimeoutMs = options.flushTimeoutMs ?? 5000;
    // 50 batches: up to 100,000 clicks (~20 MB) waiting; the worker writes one in ~10 ms.
    this.#maxQueued = Math.max(1, options.maxQueued ?? 50);
    this.#log = options.log ?? ((message, error) => console.error(message, error));
    this.#useWorker = (options.worker ?? true) && !db.memory && !db.readonly;
  }

  /** Clicks waiting for the next batch. */
  get pending(): number {
    return this.#n;
  }

  /** Whether batches go to the worker thread (false: written on the main thread). */
  get usesWorker(): boolean {
    return this.#useWorker;
  }

  /** The settings of the worker's connection as it reported them once open (for tests and diagnostics). */
  get workerConnection(): WorkerConnection | undefined {
    return this.#workerConnection;
  }

  /** The id of this visitor's earlier click on this link if it is within the repeat window, else null. */
  repeatOf(linkId: number, visitorHash: VisitorHash, now: number): string | null {
    if (!this.#loaded) this.#load(now);
    const seen = this.#recent.get(linkId, visitorHash);
    return seen && now - seen.at < REPEAT_WINDOW_MS && seen.at <= now ? seen.publicId : null;
  }

  /** Queue a click for the next batch. */
  record(click: Click): void {
    if (click.visitorHash.length !== HASH_BYTES) throw new TypeError(`a visitor hash is ${HASH_BYTES} bytes`);
    this.#recent.remember(click.linkId, click.visitorHash, click.publicId, click.createdAt, click.createdAt - REPEAT_WINDOW_MS);
    this.#push(click.publicId, click.referrerHost, click.uaClass, click.linkId, click.partnerId, click.createdAt, click.visitorHash);
    if (this.#closed) {
      this.flush();
    } else if (this.#n >= this.#maxBuffered) {
      this.#post();
    } else {
      this.#schedule();
    }
  }

  /**
   * Every click recorded so far is in the table when this returns (written by the worker, which
   * this waits for, at most `flushTimeoutMs`; past that it logs and returns). Synchronous, so a
   * caller that needs the clicks in the table (attribution by click id) calls this first and then
   * reads. Answers how many of the buffered clicks it wrote.
   */
  flush(): number {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    this.#reconcile();
    if (this.#useWorker && this.#db.inTransaction) return this.#takeBack();
    const own = this.#n > 0;
    const sent = this.#send();
    if ('written' in sent) {
      // Written here; earlier batches may still be with the worker (it died, or we are in a transaction).
      if (this.#state && !this.#db.inTransaction) this.#waitDone(this.#seq, 'flush');
      return sent.written;
    }
    if (!this.#waitDone(sent.seq, 'flush') || !own) return 0;
    return Atomics.load(this.#state!, WRITTEN);
  }

  /** Write what is buffered and close the worker's connection; later clicks are written one batch each, at once, here. */
  close(): void {
    this.#closed = true;
    this.flush();
    const worker = this.#worker;
    if (worker && this.#state) {
      this.#worker = undefined;
      this.#useWorker = false;
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      this.#wait(CLOSED, 1, 'close');
      void worker.terminate();
    }
    this.#useWorker = false;
  }

  #push(publicId: string, referrer: string, ua: string, linkId: number, partnerId: number, createdAt: number, hash: VisitorHash): void {
    const n = this.#n;
    if (3 * (n + 1) > this.#nums.length) {
      const nums = new Float64Array(this.#nums.length * 2);
      nums.set(this.#nums);
      this.#nums = nums;
      const hashes = Buffer.alloc(this.#hashes.length * 2);
      this.#hashes.copy(hashes);
      this.#hashes = hashes;
    }
    this.#strings.push(publicId, referrer, ua);
    this.#nums[3 * n] = linkId;
    this.#nums[3 * n + 1] = partnerId;
    this.#nums[3 * n + 2] = createdAt;
    this.#hashes.write(hash, n * HASH_BYTES, HASH_BYTES, 'latin1');
    this.#n = n + 1;
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#reconcile();
      this.#post();
    }, this.#flushIntervalMs);
    this.#timer.unref(); // a pending batch never keeps the process alive; close() writes it
  }

  /** The batch being filled, taken out. */
  #take(): ClickBatch {
    const n = this.#n;
    // Copies: Uint8Array's slice(), as a Buffer's own slice() would share the memory.
    const hashes = Uint8Array.prototype.slice.call(this.#hashes, 0, n * HASH_BYTES);
    const batch: ClickBatch = { n, strings: this.#strings, nums: this.#nums.slice(0, 3 * n), hashes };
    this.#n = 0;
    this.#strings = [];
    return batch;
  }

  /** Post the buffered clicks to the worker, if any, without waiting. */
  #post(): void {
    if (this.#n > 0) this.#send();
  }

  /**
   * Send the buffered clicks on their way: to the worker (answers the batch's number, or with no
   * clicks the last one posted), or written here on the main thread (answers how many).
   */
  #send(): { seq: number } | { written: number } {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const worker = this.#useWorker && this.#n > 0 ? this.#startWorker() : this.#worker;
    if (!worker) return { written: this.#n > 0 ? this.#writeHere(this.#take()) : 0 };
    if (this.#n === 0) return { seq: this.#seq };
    const batch = this.#take();
    this.#forgetDone();
    const seq = ++this.#seq;
    this.#inFlight.set(seq, batch);
    worker.postMessage({ type: 'batch', seq, batch } satisfies ToWorker);
    this.#backpressure();
    return { seq };
  }

  /**
   * With more than `maxQueued` batches at the worker (it writes slower than clicks come: a slow
   * disk, or another process holding the write lock), block until it is back under the bound.
   * Every click is kept; requests wait meanwhile. Not inside a transaction of the app's
   * connection (the worker may be waiting for that very lock: flush() takes batches back there).
   * A worker stuck past `flushTimeoutMs` is logged, and the queue then grows rather than lose
   * clicks; were the worker to die, its batches are written here (see #workerGone).
   */
  #backpressure(): void {
    const state = this.#state;
    const mustBeDone = this.#seq - this.#maxQueued;
    if (!state || mustBeDone < 1 || this.#db.inTransaction || Atomics.load(state, DONE) >= mustBeDone) return;
    this.#waitDone(mustBeDone, 'a full queue');
  }

  /** Write a batch on the app's connection; inside a caller's transaction, to be checked after it. */
  #writeHere(batch: ClickBatch): number {
    if (batch.n === 0) return 0;
    if (!this.#db.open) {
      this.#log(`${batch.n} clicks dropped: the database is closed`, null);
      return 0;
    }
    this.#mainWriter ??= clickWriter(this.#db, this.#log);
    if (this.#db.inTransaction) {
      this.#unconfirmed.push(batch);
      this.#schedule();
    }
    try {
      return this.#mainWriter(batch);
    } catch (error) {
      this.#log(`${batch.n} clicks not recorded:`, error);
      return 0;
    }
  }

  /**
   * flush() inside a transaction of the app's connection. If it holds the write lock, the worker
   * cannot write until it ends, so waiting would only deadlock: take back every batch the worker
   * has not claimed (it claims a batch only while holding the write lock, so any claimed batch is
   * committed and visible to this transaction) and write them, and the buffer, right here.
   */
  #takeBack(): number {
    const state = this.#state;
    if (!state) return this.#writeHere(this.#take()); // no worker yet: nothing posted
    let claimed = Atomics.load(state, CLAIM);
    while (claimed < this.#seq) {
      const seen = Atomics.compareExchange(state, CLAIM, claimed, this.#seq);
      if (seen === claimed) break;
      claimed = seen;
    }
    // Batches up to `claimed` that were not taken back before are the worker's own.
    const workerClaimed = claimed > this.#takenBack ? claimed : 0;
    this.#takenBack = Math.max(this.#takenBack, this.#seq);
    let written = 0;
    for (const [seq, batch] of [...this.#inFlight]) {
      if (seq <= claimed) continue;
      this.#inFlight.delete(seq);
      written += this.#writeHere(batch);
    }
    if (this.#n > 0) written += this.#writeHere(this.#take());
    // The worker's claimed batches are committed already when this transaction holds the write
    // lock; never wait for one it has not claimed: to skip it, it needs that very lock.
    if (workerClaimed) this.#waitDone(workerClaimed, 'flush');
    return written;
  }

  /** Block until the worker is done with batch `seq`; false if it did not get there in time. */
  #waitDone(seq: number, what: string): boolean {
    const ok = this.#wait(DONE, seq, what);
    this.#forgetDone();
    return ok;
  }

  #wait(slot: number, atLeast: number, what: string): boolean {
    const state = this.#state;
    if (!state) return true;
    const deadline = performance.now() + this.#flushTimeoutMs;
    for (;;) {
      const value = Atomics.load(state, slot);
      if (value >= atLeast) return true;
      const left = deadline - performance.now();
      if (left <= 0) {
        this.#log(`click writer: ${what} gave up waiting for the worker after ${this.#flushTimeoutMs} ms; its clicks are still on their way`, null);
        return false;
      }
      Atomics.wait(state, slot, value, left);
    }
  }

  #forgetDone(): void {
    if (!this.#state || this.#inFlight.size === 0) return;
    const done = Atomics.load(this.#state, DONE);
    for (const seq of this.#inFlight.keys()) {
      if (seq > done) break;
      this.#inFlight.delete(seq);
    }
  }

  #startWorker(): Worker | undefined {
    if (this.#worker) return this.#worker;
    const state = new SharedArrayBuffer(STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const data: ClickWriterData = {
      path: this.#db.name,
      state,
      busyTimeoutMs: Number(this.#db.pragma('busy_timeout', { simple: true })) || 5000,
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: data });
    } catch (error) {
      this.#log('click writer: no worker thread, writing clicks on the main thread:', error);
      this.#useWorker = false;
      return undefined;
    }
    worker.unref(); // never keeps the process alive; close() ends it
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'log') this.#log(message.message, message.error);
      else if (message.type === 'opened') this.#workerConnection = message.settings;
    });
    worker.on('error', (error) => this.#log('click writer: the worker failed:', error));
    worker.once('exit', () => this.#workerGone(worker));
    this.#worker = worker;
    this.#state = new Int32Array(state);
    return worker;
  }

  /** The worker ended without being closed: from now on clicks are written here, starting with what it had not done. */
  #workerGone(worker: Worker): void {
    if (this.#worker !== worker) return; // closed on purpose
    this.#worker = undefined;
    this.#useWorker = false;
    this.#forgetDone();
    const left = [...this.#inFlight.values()];
    this.#inFlight.clear();
    if (left.length) this.#log(`click writer: the worker ended; writing its ${left.reduce((n, b) => n + b.n, 0)} clicks on the main thread`, null);
    for (const batch of left) this.#writeHere(batch);
  }

  /** Clicks written inside a caller's transaction that rolled back are queued again. */
  #reconcile(): void {
    if (this.#unconfirmed.length === 0 || this.#db.inTransaction || !this.#db.open) return;
    const batches = this.#unconfirmed;
    this.#unconfirmed = [];
    const exists = this.#db.prepare('SELECT 1 FROM clicks WHERE public_id = ?').pluck();
    for (const b of batches) {
      for (let i = 0; i < b.n; i++) {
        const s = 3 * i;
        if (exists.get(b.strings[s]) !== undefined) continue;
        const hash = Buffer.from(b.hashes.buffer, b.hashes.byteOffset + i * HASH_BYTES, HASH_BYTES).toString('latin1');
        this.#push(b.strings[s]!, b.strings[s + 1]!, b.strings[s + 2]!, b.nums[s]!, b.nums[s + 1]!, b.nums[s + 2]!, hash);
      }
    }
    if (this.#n > 0) this.#schedule();
  }

  /** The window's clicks from the table, newest first until one is older than the window. */
  #load(now: number): void {
    this.#loaded = true;
    if (!this.#db.open) return;
    const rows: Array<{ link_id: number; visitor_hash: Buffer; public_id: string; created_at: number }> = [];
    const all = this.#db.prepare('SELECT link_id, visitor_hash, public_id, created_at FROM clicks ORDER BY id DESC').iterate() as Iterable<(typeof rows)[number]>;
    for (const row of all) {
      if (now - row.created_at >= REPEAT_WINDOW_MS || rows.length >= this.#maxRemembered) break;
      rows.push(row);
    }
    // Oldest first, so the first click of each visitor wins and the ring stays in time order.
    for (const row of rows.reverse()) {
      const hash = row.visitor_hash.toString('latin1');
      if (hash.length < HASH_BYTES) continue; // not an HMAC: no redirect wrote this row
      if (!this.#recent.has(row.link_id, hash)) this.#recent.remember(row.link_id, hash, row.public_id, row.created_at, now - REPEAT_WINDOW_MS);
    }
  }
}
