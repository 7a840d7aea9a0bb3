// CSV exports that stream. Rows come from a better-sqlite3 statement's `.iterate()` and leave in
// chunks of about 64 KB through a pull-based ReadableStream, so memory stays flat however many
// rows there are, and a slow client only slows its own export.
//
// The export reads through its own read-only connection inside one read transaction: an open
// `.iterate()` makes a better-sqlite3 connection refuse every other statement until it ends, so
// iterating on the app's shared connection across awaits would break every other request; and the
// read transaction gives the whole file one snapshot (WAL lets it read while the app writes).

import Database from 'better-sqlite3';
import type { Db } from '../db/database.ts';

/**
 * Quote a cell per RFC 4180 when it needs it. Text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR first) is defused with a leading `'`; plain numbers such as `-12.50` stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = value;
  // A plain decimal number (money) is data, never a formula; any other text starting so is defused.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A stream of the lines `produce` yields, read from a private read-only connection to the same
 * database file. The connection is closed when the lines end, on error, or when the client goes
 * away (cancel).
 */
export function csvStream(db: Db, produce: (reader: Db) => Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let reader: Db | null = null;
  let lines: Iterator<string> | null = null;
  const close = () => {
    try {
      lines?.return?.();
    } finally {
      lines = null;
      if (reader?.open) {
        if (reader.inTransaction) reader.exec('COMMIT');
        reader.close();
      }
      reader = null;
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start() {
        if (db.memory) {
          // Tests on ':memory:' have no file to open twice; read on the shared connection.
          lines = produce(db);
          return;
        }
        reader = new Database(db.name, { readonly: true, fileMustExist: true });
        reader.pragma('busy_timeout = 5000');
        reader.exec('BEGIN'); // one snapshot for the whole file
        lines = produce(reader);
      },
      pull(controller) {
        try {
          let chunk = '';
          while (chunk.length < CHUNK_BYTES) {
            const next = lines?.next();
            if (!next || next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              close();
              controller.close();
              return;
            }
            chunk += next.value;
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          close();
          controller.error(error);
        }
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Headers of a CSV download. The name is reduced to safe characters. */
export function csvHeaders(filename: string): Record<string, string> {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${safe}"`,
  };
}
