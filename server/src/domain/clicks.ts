import { createHmac, randomBytes, randomFillSync } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';

/** Coarse class of the visitor's device, all a report needs; the user agent itself is not kept. */
export type UaClass = 'desktop' | 'mobile' | 'tablet' | 'other';

/** A click as the redirect hands it over; written to the table by the next batch. */
export interface Click {
  /** The click id the redirect already put in the Location, before the row exists. */
  publicId: string;
  linkId: number;
  partnerId: number;
  /** HMAC-SHA256 of address and user agent under the server's secret: never the raw address. */
  visitorHash: Buffer;
  /** Host of the referring page only, never its path or query. */
  referrerHost: string;
  uaClass: UaClass;
  createdAt: number;
}

/** A repeat click by one visitor on one link within this window counts once. */
export const REPEAT_WINDOW_MS = 30 * 60 * 1000;

/** Random bytes drawn a pool at a time: one system call per 341 click ids instead of one each. */
const pool = Buffer.alloc(12 * 341);
let poolOffset = pool.length;

/** 12 random bytes (from the CSPRNG): 16 URL-safe characters. */
export function newClickId(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 12;
  return pool.toString('base64url', poolOffset - 12, poolOffset);
}

/**
 * Crawlers, link-preview fetchers, monitors and command-line clients. They get the redirect (a
 * preview should show the merchant's page) but are not counted and get no click id.
 * curl, wget and HTTP libraries count as bots: no person is behind them and no checkout will
 * ever carry their click id. Headless Chrome is NOT listed: it is what browser tests drive.
 */
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|preview|whatsapp|telegram|discord|slack|skypeuripreview|vkshare|pinterest|redditbot|applebot|yandex|baiduspider|duckduck|bingpreview|lighthouse|pingdom|uptime|statuscake|site24x7|datadog|^curl\/|^wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|^java\/|okhttp|libwww|httpclient|^axios|node-fetch|^undici|scrapy|phantomjs|feedfetcher|mediapartners|adsbot|google-inspectiontool|ia_archiver|archive\.org/i;

/** Whether a user agent is a bot or preview fetcher; an empty or absent one counts as a bot. */
export function isBot(userAgent: string): boolean {
  return userAgent.trim() === '' || BOT_PATTERN.test(userAgent);
}

export function uaClass(userAgent: string): UaClass {
  if (/iPad|Tablet|PlayBook|Silk\/|Kindle|Nexus (7|9|10)|Android(?!.*Mobile)/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone|IEMobile|Opera Mini|BlackBerry/i.test(userAgent)) return 'mobile';
  if (/Windows NT|Macintosh|X11|Linux|CrOS/i.test(userAgent)) return 'desktop';
  return 'other';
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

/** Keyed hash of the visitor: HMAC-SHA256 over address and user agent. */
export function visitorHasher(secret: Buffer): (address: string, userAgent: string) => Buffer {
  return (address, userAgent) => createHmac('sha256', secret).update(address).update('\n').update(userAgent).digest();
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
}

interface Remembered {
  publicId: string;
  at: number;
}

/** Memory key of a visitor on a link: the link id and half the visitor hash (128 bits is plenty). */
const repeatKey = (linkId: number, visitorHash: Buffer) => `${linkId}:${visitorHash.toString('base64', 0, 16)}`;

/**
 * Writes clicks in batches, off the redirect's path: the redirect answers at once, and one
 * transaction per batch inserts the clicks and bumps `links.click_count` once per link (the
 * table's trigger keeps the per-day counts). Clicks may be lost on a crash (at most one batch,
 * ~200 ms); money never is, and it does not go through here.
 *
 * Also answers "did this visitor click this link within the repeat window?" from memory alone,
 * with no query on the hot path: on first use it loads the window's clicks from the table (so a
 * restart forgets nothing), then remembers every click it records. Memory is bounded
 * (`maxRemembered`, ~25 MB at the default); past the bound the oldest visitors are forgotten early,
 * and a repeat of theirs would count again.
 */
export class ClickRecorder {
  readonly #db: Db;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #maxRemembered: number;
  readonly #log: (message: string, error: unknown) => void;
  #buffer: Click[] = [];
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Repeat key → first click in the window; insertion order is (about) time order. */
  readonly #recent = new Map<string, Remembered>();
  #loaded = false;
  #insert: Statement<unknown[]> | undefined;
  #bump: Statement<unknown[]> | undefined;

  constructor(db: Db, options: ClickRecorderOptions = {}) {
    this.#db = db;
    this.#flushIntervalMs = options.flushIntervalMs ?? 200;
    this.#maxBuffered = options.maxBuffered ?? 500;
    this.#maxRemembered = options.maxRemembered ?? 100_000;
    this.#log = options.log ?? ((message, error) => console.error(message, error));
  }

  /** Clicks waiting for the next batch. */
  get pending(): number {
    return this.#buffer.length;
  }

  /** The id of this visitor's earlier click on this link if it is within the repeat window, else null. */
  repeatOf(linkId: number, visitorHash: Buffer, now: number): string | null {
    if (!this.#loaded) this.#load(now);
    const seen = this.#recent.get(repeatKey(linkId, visitorHash));
    return seen && now - seen.at < REPEAT_WINDOW_MS && seen.at <= now ? seen.publicId : null;
  }

  /** Queue a click for the next batch. */
  record(click: Click): void {
    this.#remember(repeatKey(click.linkId, click.visitorHash), { publicId: click.publicId, at: click.createdAt }, click.createdAt);
    this.#buffer.push(click);
    if (this.#closed || this.#buffer.length >= this.#maxBuffered) {
      this.flush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => this.flush(), this.#flushIntervalMs);
      this.#timer.unref(); // a pending batch never keeps the process alive; close() writes it
    }
  }

  /**
   * Write every buffered click now, in one transaction; answers how many were written.
   * Synchronous, so a caller that needs the clicks in the table (attribution by click id) calls
   * this first and then reads.
   */
  flush(): number {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#buffer.length === 0) return 0;
    const batch = this.#buffer;
    this.#buffer = [];
    if (!this.#db.open) {
      this.#log(`${batch.length} clicks dropped: the database is closed`, null);
      return 0;
    }
    try {
      this.#write(batch);
      return batch.length;
    } catch {
      // One bad row (say, its link was deleted meanwhile) must not lose the others: retry one by one.
      let written = 0;
      for (const click of batch) {
        try {
          this.#write([click]);
          written += 1;
        } catch (rowError) {
          this.#log(`click ${click.publicId} not recorded:`, rowError);
        }
      }
      return written;
    }
  }

  /** Write what is buffered; later clicks are written one batch each, at once. */
  close(): void {
    this.#closed = true;
    this.flush();
  }

  #write(clicks: Click[]): void {
    this.#insert ??= this.#db.prepare(
      `INSERT INTO clicks (public_id, link_id, partner_id, visitor_hash, referrer_host, ua_class, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#bump ??= this.#db.prepare('UPDATE links SET click_count = click_count + ? WHERE id = ?');
    const insert = this.#insert;
    const bump = this.#bump;
    this.#db.transaction(() => {
      const perLink = new Map<number, number>();
      for (const c of clicks) {
        insert.run(c.publicId, c.linkId, c.partnerId, c.visitorHash, c.referrerHost, c.uaClass, c.createdAt);
        perLink.set(c.linkId, (perLink.get(c.linkId) ?? 0) + 1);
      }
      for (const [linkId, n] of perLink) bump.run(n, linkId);
    })();
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
    // Oldest first, so the first click of each visitor wins and the map stays in time order.
    for (const row of rows.reverse()) {
      const key = repeatKey(row.link_id, row.visitor_hash);
      if (!this.#recent.has(key)) this.#recent.set(key, { publicId: row.public_id, at: row.created_at });
    }
  }

  #remember(key: string, value: Remembered, now: number): void {
    this.#recent.delete(key); // re-insert at the end: the map stays in time order
    this.#recent.set(key, value);
    // Forget what is out of the window, oldest first; and, over the bound, the oldest anyway.
    for (const [oldKey, old] of this.#recent) {
      if (now - old.at < REPEAT_WINDOW_MS && this.#recent.size <= this.#maxRemembered) break;
      this.#recent.delete(oldKey);
    }
  }
}
