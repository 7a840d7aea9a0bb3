// The click writer's worker thread (started by ClickRecorder, through click-writer.boot.js): its
// own connection to the database file, with synchronous=NORMAL. A killed process loses nothing
// committed; a power loss may roll back the last batches of clicks, which the design allows for
// clicks and never for money (the main connection, which writes money, stays at FULL; and its
// next commit fsyncs the WAL, clicks included).
//
// Protocol (see ClickRecorder): batches arrive in order, numbered 1, 2, 3…; the shared state is
//   state[DONE]    the last batch number dealt with (written, or taken back by the main thread);
//   state[CLAIM]   the last batch number someone owns: the worker claims batch s (CAS s-1 → s) only
//                  once it holds the write lock; the main thread, inside its own write transaction,
//                  takes back every batch not yet claimed by raising CLAIM to the last one posted;
//   state[WRITTEN] how many clicks batch DONE wrote;
//   state[CLOSED]  1 once the connection is closed.
// The main thread blocks on DONE with Atomics.wait; it never needs this thread's event loop.
import { getPriority, setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CLAIM, CLOSED, clickWriter, DONE, isBusy, WRITTEN, type ClickWriterData, type FromWorker, type ToWorker, type WorkerConnection } from './click-writer.ts';

/**
 * How much nicer than the main thread the writer runs, on Linux only: each thread has its own nice
 * value there (setpriority() on "process 0" is the calling thread); elsewhere it would be the whole
 * server, so it is left alone. Where the writer shares a CPU with the main thread (the bench pins
 * both to one), a batch (~5–7 ms for 2,000 clicks) then yields to the redirects queued behind it
 * instead of holding them up. On the noisy 2-core bench machine the effect on p99 at half the bare
 * load is within the noise (7–10 ms run to run, with it or without; nice 10 measured the same).
 * Nice 5 still leaves it about a quarter of a contended CPU, several times what it needs at the
 * server's full redirect rate.
 */
const WRITER_NICE = 5;

/** How often a batch is retried whole while the database stays busy (each try waits busy_timeout). */
const BUSY_TRIES = 6;

if (!isMainThread && parentPort && (workerData as Partial<ClickWriterData> | null)?.state instanceof SharedArrayBuffer) {
  const port = parentPort;
  const { path, state: buffer, busyTimeoutMs } = workerData as ClickWriterData;
  const state = new Int32Array(buffer);
  const log = (message: string, error: unknown) =>
    port.postMessage({ type: 'log', message, error: error === null ? null : String((error as Error)?.stack ?? error) } satisfies FromWorker);

  if (process.platform === 'linux') {
    try {
      setPriority(Math.min(19, getPriority() + WRITER_NICE));
    } catch {
      // not allowed here: the writer keeps the main thread's priority
    }
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  const write = clickWriter(db, log);
  const settings: WorkerConnection = {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
    nice: getPriority(),
  };
  port.postMessage({ type: 'opened', settings } satisfies FromWorker);

  const done = (seq: number, written: number) => {
    Atomics.store(state, WRITTEN, written);
    Atomics.store(state, DONE, seq);
    Atomics.notify(state, DONE);
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      db.close();
      Atomics.store(state, CLOSED, 1);
      Atomics.notify(state, CLOSED);
      port.close();
      return;
    }
    const { seq, batch } = message;
    // Claimed with the write lock held: the main thread, which takes batches back only inside its
    // own write transaction, then cannot be holding it, so it sees a claimed batch committed.
    let mine = false; // claimed by an earlier try that then failed: still ours
    const claim = () => (mine ||= Atomics.compareExchange(state, CLAIM, seq - 1, seq) === seq - 1);
    for (let attempt = 1; ; attempt++) {
      try {
        const written = write(batch, { immediate: true, claim });
        done(seq, Math.max(0, written));
        return;
      } catch (error) {
        if (isBusy(error) && attempt < BUSY_TRIES) continue;
        log(`${batch.n} clicks not recorded:`, error);
        // Claim it anyway if nobody has, so later batches can still be claimed in order.
        Atomics.compareExchange(state, CLAIM, seq - 1, seq);
        done(seq, 0);
        return;
      }
    }
  });
}
