// CSV exports that stream. Rows come from a better-sqlite3 statement's `.iterate()` and leave in
// batches through a pull-based ReadableStream, so memory stays flat however many rows there are,
// and a slow client only slows its own export.
//
// The export reads through its own read-only connection inside one read transaction: an open
// `.iterate()` makes a better-sqlite3 connection refuse every other statement until it ends, so
// iterating on the app's shared connection across awaits would break every other request; and the
// read transaction gives the whole file one snapshot (WAL lets it read while the app writes).
//
// The text itself is csv-stringify's, configured once here for every export.

import Database from 'better-sqlite3';
import { stringify, type Options } from 'csv-stringify/sync';
import type { Db } from '../db/database.ts';

export type CsvCell = string | number | null;
export type CsvRow = ReadonlyArray<CsvCell>;

/**
 * Text a spreadsheet would run as a formula starts with one of these (the full-width forms too:
 * Apple Numbers normalises them).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain decimal number, such as the money column's `-12.50`: data, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * RFC 4180 with CRLF records; a cell is quoted only when it must be (delimiter, quote, CR or LF,
 * or leading/trailing blanks that a reader might trim).
 *
 * Formulas are defused in `cast.string` rather than with csv-stringify's `escape_formulas`: that
 * option spares a leading `-` only for JS numbers, and our money leaves as exact decimal strings
 * (`-12.50`; as a number it would lose its trailing zero), so it would turn every negative amount
 * into the text `'-12.50`. The rule here is the same one with that exception added: text starting
 * with `= + - @`, tab or CR (or their full-width forms) gets a leading `'`, plain numbers stay.
 */
const CSV_OPTIONS: Options = {
  record_delimiter: 'windows',
  // Setting record_delimiter turns this off by default, which would leave a lone LF in a cell unquoted.
  quote_record_delimiter: true,
  quoted_match: /^\s|\s$/,
  cast: { string: (value) => (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value) },
};

/** Rows as CSV text, each line CRLF-terminated; with `columns`, a header line first. */
export function csvText(rows: readonly CsvRow[], columns?: readonly string[]): string {
  return stringify(rows as CsvCell[][], columns ? { ...CSV_OPTIONS, header: true, columns: [...columns] } : CSV_OPTIONS);
}

/** Rows stringified per call; a batch of them is one chunk of the response (tens of KB). */
const BATCH_ROWS = 500;

/**
 * A CSV stream: the header line, then the rows `produce` yields, read from a private read-only
 * connection to the same database file. The connection is closed when the rows end, on error, or
 * when the client goes away (cancel).
 */
export function csvStream(db: Db, columns: readonly string[], produce: (reader: Db) => Iterator<CsvRow>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let reader: Db | null = null;
  let rows: Iterator<CsvRow> | null = null;
  let header = true;
  const close = () => {
    try {
      rows?.return?.();
    } finally {
      rows = null;
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
          rows = produce(db);
          return;
        }
        reader = new Database(db.name, { readonly: true, fileMustExist: true });
        reader.pragma('busy_timeout = 5000');
        reader.exec('BEGIN'); // one snapshot for the whole file
        rows = produce(reader);
      },
      pull(controller) {
        try {
          const batch: CsvRow[] = [];
          let next = rows?.next();
          while (next && !next.done) {
            batch.push(next.value);
            if (batch.length === BATCH_ROWS) break;
            next = rows?.next();
          }
          if (batch.length > 0 || header) controller.enqueue(encoder.encode(csvText(batch, header ? columns : undefined)));
          header = false;
          if (!next || next.done) {
            close();
            controller.close();
          }
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
