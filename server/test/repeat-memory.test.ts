import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RepeatMemory } from '../src/domain/repeat-memory.ts';
import { prng } from '../src/seed/prng.ts';

/** A 32-byte latin1 "hash" whose first 4 bytes (the bucket) and the rest are chosen apart. */
const hashOf = (bucketBytes: number, rest: number) =>
  Buffer.concat([Buffer.alloc(4, bucketBytes), Buffer.alloc(28, rest)]).toString('latin1');

/**
 * A hash whose home bucket on this link is `home` (white-box: the memory's home is the first
 * 32-bit word XOR the link id times 0x9e3779b1, masked), so a test can crowd the last buckets
 * and make probe runs wrap round the end of the index.
 */
const hashAt = (home: number, linkId: number, rest: number) => {
  const head = Buffer.alloc(4);
  head.writeInt32LE((home ^ Math.imul(linkId, 0x9e3779b1)) | 0);
  return Buffer.concat([head, Buffer.alloc(28, rest)]).toString('latin1');
};

/** The same rules, the plain way: a list in the order remembered, the newest entry per key live. */
class Model {
  entries: Array<{ key: string; publicId: string; at: number; live: boolean }> = [];
  constructor(readonly capacity: number) {}
  get(linkId: number, hash: string) {
    const e = this.entries.find((x) => x.live && x.key === `${linkId}:${hash.slice(0, 16)}`);
    return e && { publicId: e.publicId, at: e.at };
  }
  remember(linkId: number, hash: string, publicId: string, at: number, olderThan: number) {
    while (this.entries.length > 0 && (this.entries.length >= this.capacity || this.entries[0]!.at <= olderThan)) this.entries.shift();
    const key = `${linkId}:${hash.slice(0, 16)}`;
    for (const e of this.entries) if (e.key === key) e.live = false;
    this.entries.push({ key, publicId, at, live: true });
  }
}

describe('the repeat-visitor memory', () => {
  it('finds a visitor on a link, apart from other links and visitors', () => {
    const m = new RepeatMemory(10);
    const a = hashOf(1, 1);
    m.remember(7, a, 'click-a', 1000, 0);
    assert.deepEqual(m.get(7, a), { publicId: 'click-a', at: 1000 });
    assert.equal(m.get(8, a), undefined, 'another link');
    assert.equal(m.get(7, hashOf(1, 2)), undefined, 'another visitor in the same bucket');
    // Only the first 16 bytes make the key.
    assert.deepEqual(m.get(7, a.slice(0, 16) + 'x'.repeat(16)), { publicId: 'click-a', at: 1000 });
  });

  it('forgets what is out of the window, and the oldest when full', () => {
    const m = new RepeatMemory(3);
    for (let i = 1; i <= 3; i++) m.remember(1, hashOf(i, i), `c${i}`, i * 100, 0);
    assert.equal(m.size, 3);
    m.remember(1, hashOf(4, 4), 'c4', 400, 0); // full: c1 goes
    assert.equal(m.get(1, hashOf(1, 1)), undefined);
    assert.equal(m.get(1, hashOf(2, 2))?.publicId, 'c2');
    m.remember(1, hashOf(5, 5), 'c5', 500, 350); // c2 (200) and c3 (300) are out of the window
    assert.equal(m.size, 2);
    assert.equal(m.get(1, hashOf(3, 3)), undefined);
    assert.equal(m.get(1, hashOf(4, 4))?.publicId, 'c4');
  });

  it('keeps ids of any length and characters', () => {
    const m = new RepeatMemory(4);
    const long = `clk_${'x'.repeat(60)}`;
    m.remember(1, hashOf(1, 1), long, 1, 0);
    m.remember(1, hashOf(2, 2), '', 2, 0);
    m.remember(1, hashOf(3, 3), 'clic☕', 3, 0);
    assert.equal(m.get(1, hashOf(1, 1))?.publicId, long);
    assert.equal(m.get(1, hashOf(2, 2))?.publicId, '');
    assert.equal(m.get(1, hashOf(3, 3))?.publicId, 'clic☕');
    assert.throws(() => m.remember(1, 'short', 'c', 4, 0), /at least 16 bytes/);
  });

  for (const [capacity, buckets, links] of [
    [1, 2, 1],
    [5, 3, 2],
    [16, 4, 3],
    [64, 40, 5],
  ] as const) {
    // The index has 2–4 buckets per entry (at least 4): these are its last and first buckets.
    let size = 4;
    while (size < capacity * 2) size *= 2;
    const homes = [size - 2, size - 1, 0, 1];
    it(`agrees with the plain model over random clicks (capacity ${capacity}, crowded buckets)`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const r = prng(seed * 7919 + capacity);
        const m = new RepeatMemory(capacity);
        const model = new Model(capacity);
        let now = 0;
        for (let step = 0; step < 400; step++) {
          now += r.int(0, 30);
          // Few distinct bucket bytes: long probe runs, wrapping round the index, and removals inside them.
          const linkId = r.int(1, links);
          const hash = r.chance(0.5) ? hashOf(r.int(0, buckets), r.int(0, 6)) : hashAt(r.pick(homes), linkId, r.int(0, 6));
          const context = `seed ${seed}, step ${step}`;
          assert.deepEqual(m.get(linkId, hash), model.get(linkId, hash), context);
          if (r.chance(0.7)) {
            const window = r.int(20, 200);
            m.remember(linkId, hash, `c${step}`, now, now - window);
            model.remember(linkId, hash, `c${step}`, now, now - window);
          }
          assert.equal(m.size, model.entries.filter((e) => e.live).length, context);
        }
        // Everything the model knows is found, after all the removals.
        for (const e of model.entries.filter((x) => x.live)) {
          const [link, head] = [Number(e.key.slice(0, e.key.indexOf(':'))), e.key.slice(e.key.indexOf(':') + 1)];
          assert.equal(m.get(link, head)?.publicId, e.publicId, `seed ${seed}: ${e.publicId} lost`);
        }
      }
    });
  }
});
