// Which visitors clicked which link lately: the redirect asks on every click, so this is kept in
// flat typed arrays rather than a Map of small objects. A Map at 100,000 visitors cost the
// redirect ~8 µs a click in the running server (measured by switching it off): not the lookup
// itself, but the garbage collector, as every click stored several new objects into a large,
// long-lived structure. Here a click stores numbers and bytes only.

/**
 * Longest click id kept as bytes; a longer one, or one not in printable ASCII (the redirect makes
 * neither), goes in a side map.
 */
const ID_BYTES = 32;
const PRINTABLE = /^[\x20-\x7e]*$/;
/** Multiplier that spreads link ids over the table (the golden ratio in 32 bits). */
const SPREAD = 0x9e3779b1;

/**
 * A bounded memory of (link, visitor) → the first click's id and time, oldest forgotten first.
 * Entries sit in a ring in the order they were remembered (about time order); an open-addressing
 * index (linear probing, 2–4 buckets per entry) finds them by key. The key is the link id and the
 * first 16 bytes (128 bits) of the visitor's HMAC: a collision is as likely as guessing it.
 */
export class RepeatMemory {
  readonly #capacity: number;
  readonly #mask: number;
  /** Bucket → ring slot + 1; 0 is an empty bucket. */
  readonly #index: Int32Array;
  /** Ring slot → link id; 0 marks a slot whose entry was forgotten or replaced. */
  readonly #links: Float64Array;
  /** Ring slot → the visitor hash's first 16 bytes, as four 32-bit words. */
  readonly #words: Int32Array;
  readonly #at: Float64Array;
  readonly #idBytes: Buffer;
  readonly #idLength: Uint8Array;
  readonly #longIds = new Map<number, string>();
  /** Oldest slot in use, and how many are in use from there. */
  #tail = 0;
  #size = 0;
  // The words of the last hash read: the redirect asks about a visitor, then remembers them.
  #lastHash = '';
  #w0 = 0;
  #w1 = 0;
  #w2 = 0;
  #w3 = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    let buckets = 4;
    while (buckets < this.#capacity * 2) buckets *= 2;
    this.#mask = buckets - 1;
    this.#index = new Int32Array(buckets);
    this.#links = new Float64Array(this.#capacity);
    this.#words = new Int32Array(this.#capacity * 4);
    this.#at = new Float64Array(this.#capacity);
    this.#idBytes = Buffer.alloc(this.#capacity * ID_BYTES);
    this.#idLength = new Uint8Array(this.#capacity);
  }

  /** Entries remembered now (at most the capacity). */
  get size(): number {
    let live = 0;
    for (let i = 0, s = this.#tail; i < this.#size; i++, s = (s + 1) % this.#capacity) if (this.#links[s] !== 0) live++;
    return live;
  }

  /** The remembered click of this visitor on this link, or undefined. `visitorHash` is latin1, at least 16 characters. */
  get(linkId: number, visitorHash: string): { publicId: string; at: number } | undefined {
    this.#read(visitorHash);
    const bucket = this.#find(linkId);
    if (bucket < 0) return undefined;
    const slot = this.#index[bucket]! - 1;
    return { publicId: this.#idOf(slot), at: this.#at[slot]! };
  }

  /**
   * Remember a click (replacing what was remembered for this visitor and link). First forgets
   * the oldest entries while they are `olderThan` or less (out of the window), and the oldest
   * anyway while the memory is full.
   */
  remember(linkId: number, visitorHash: string, publicId: string, at: number, olderThan: number): void {
    if (linkId === 0) throw new RangeError('link ids start at 1');
    while (this.#size > 0 && (this.#size >= this.#capacity || this.#at[this.#tail]! <= olderThan)) this.#forgetOldest();
    this.#read(visitorHash);
    let bucket = this.#find(linkId);
    if (bucket >= 0) {
      const old = this.#index[bucket]! - 1;
      this.#unindex(bucket);
      this.#links[old] = 0;
      this.#longIds.delete(old);
      bucket = this.#find(linkId);
    }
    const slot = (this.#tail + this.#size) % this.#capacity;
    this.#size += 1;
    this.#links[slot] = linkId;
    this.#words[4 * slot] = this.#w0;
    this.#words[4 * slot + 1] = this.#w1;
    this.#words[4 * slot + 2] = this.#w2;
    this.#words[4 * slot + 3] = this.#w3;
    this.#at[slot] = at;
    if (publicId.length <= ID_BYTES && PRINTABLE.test(publicId)) {
      this.#idLength[slot] = this.#idBytes.write(publicId, slot * ID_BYTES, ID_BYTES, 'latin1');
    } else {
      this.#idLength[slot] = 0;
      this.#longIds.set(slot, publicId);
    }
    this.#index[-bucket - 1] = slot + 1;
  }

  /** Whether this visitor's click on this link is remembered. */
  has(linkId: number, visitorHash: string): boolean {
    this.#read(visitorHash);
    return this.#find(linkId) >= 0;
  }

  #read(hash: string): void {
    if (hash === this.#lastHash) return;
    if (hash.length < 16) throw new RangeError('a visitor hash has at least 16 bytes');
    this.#lastHash = hash;
    this.#w0 = hash.charCodeAt(0) | (hash.charCodeAt(1) << 8) | (hash.charCodeAt(2) << 16) | (hash.charCodeAt(3) << 24);
    this.#w1 = hash.charCodeAt(4) | (hash.charCodeAt(5) << 8) | (hash.charCodeAt(6) << 16) | (hash.charCodeAt(7) << 24);
    this.#w2 = hash.charCodeAt(8) | (hash.charCodeAt(9) << 8) | (hash.charCodeAt(10) << 16) | (hash.charCodeAt(11) << 24);
    this.#w3 = hash.charCodeAt(12) | (hash.charCodeAt(13) << 8) | (hash.charCodeAt(14) << 16) | (hash.charCodeAt(15) << 24);
  }

  /** The HMAC's bytes are uniform already; the link id is mixed in so one visitor's links spread too. */
  #home(linkId: number, w0: number): number {
    return (w0 ^ Math.imul(linkId, SPREAD)) & this.#mask;
  }

  /** The bucket holding the last read hash on this link, or -(empty bucket where it would go) - 1. */
  #find(linkId: number): number {
    const index = this.#index;
    const words = this.#words;
    for (let b = this.#home(linkId, this.#w0); ; b = (b + 1) & this.#mask) {
      const entry = index[b]!;
      if (entry === 0) return -b - 1;
      const s = entry - 1;
      if (this.#links[s] === linkId && words[4 * s] === this.#w0 && words[4 * s + 1] === this.#w1 && words[4 * s + 2] === this.#w2 && words[4 * s + 3] === this.#w3) {
        return b;
      }
    }
  }

  #forgetOldest(): void {
    const slot = this.#tail;
    if (this.#links[slot] !== 0) {
      let b = this.#home(this.#links[slot]!, this.#words[4 * slot]!);
      while (this.#index[b] !== slot + 1) b = (b + 1) & this.#mask;
      this.#unindex(b);
      this.#links[slot] = 0;
      this.#longIds.delete(slot);
    }
    this.#tail = (this.#tail + 1) % this.#capacity;
    this.#size -= 1;
  }

  /** Empty a bucket, moving later entries of its probe run back so that every lookup still finds them. */
  #unindex(bucket: number): void {
    const index = this.#index;
    const mask = this.#mask;
    let hole = bucket;
    index[hole] = 0;
    for (let b = (hole + 1) & mask; index[b] !== 0; b = (b + 1) & mask) {
      const s = index[b]! - 1;
      const home = this.#home(this.#links[s]!, this.#words[4 * s]!);
      // The entry may move into the hole only if its home is not between the hole and it (cyclically).
      const stays = hole <= b ? home > hole && home <= b : home > hole || home <= b;
      if (stays) continue;
      index[hole] = index[b]!;
      index[b] = 0;
      hole = b;
    }
  }

  #idOf(slot: number): string {
    const length = this.#idLength[slot]!;
    return length === 0 ? (this.#longIds.get(slot) ?? '') : this.#idBytes.toString('latin1', slot * ID_BYTES, slot * ID_BYTES + length);
  }
}
