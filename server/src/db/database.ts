import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Open (and create on first run) the SQLite database, with the pragmas this app relies on. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL: readers never block the writer, and the single writer does not block readers.
  db.pragma('journal_mode = WAL');
  // FULL rather than NORMAL: with NORMAL a power loss may roll back the last commits, and
  // the money tables (conversions, ledger, payouts) must survive that.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI) may hold the write lock briefly; wait instead of failing.
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations are `NNN_name.sql` files, applied in order of their number. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .map((file) => ({
      version: Number.parseInt(file, 10),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Bring the schema up to date. `PRAGMA user_version` records the last applied migration;
 * each migration runs in its own transaction together with the version bump, so a failure
 * leaves the database at the previous version, never half-migrated.
 */
export function migrate(db: Db, migrations = readMigrations()): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version takes no bound parameters; the value is an integer we parsed ourselves.
      db.pragma(`user_version = ${migration.version}`);
    })();
    current = migration.version;
  }
  return current;
}
