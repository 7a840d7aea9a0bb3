import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { migrate, openDatabase, readMigrations } from '../src/db/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'rp-server-db-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('is created on first run, folders included, with the pragmas money needs', () => {
    const path = join(dir, 'nested', 'folder', 'rp.sqlite');
    const db = openDatabase(path);
    assert.ok(existsSync(path));
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2); // FULL
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    db.close();
  });

  it('migrates to the latest version once; a second run changes nothing', () => {
    const db = openDatabase(join(dir, 'migrate.sqlite'));
    const migrations = readMigrations();
    assert.deepEqual(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
      'numbered 1, 2, 3… without gaps',
    );
    const latest = migrations.length;
    assert.equal(migrate(db), latest);
    assert.equal(db.pragma('user_version', { simple: true }), latest);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name);
    for (const table of ['commission_rules', 'enrollments', 'login_throttle', 'partners', 'programs', 'sessions', 'settings']) {
      assert.ok(tables.includes(table), table);
    }
    assert.equal(migrate(db), latest);
    db.close();
  });

  it('a failing migration leaves the database at the previous version, nothing half-applied', () => {
    const db = openDatabase(join(dir, 'broken.sqlite'));
    const latest = migrate(db);
    const broken = [
      ...readMigrations(),
      { version: latest + 1, name: 'broken.sql', sql: 'CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;' },
    ];
    assert.throws(() => migrate(db, broken), /syntax error/);
    assert.equal(db.pragma('user_version', { simple: true }), latest);
    assert.deepEqual(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get(), { n: 0 });
    db.close();
  });

  it('enforces partner codes unique regardless of case', () => {
    const db = openDatabase(join(dir, 'unique.sqlite'));
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO partners (code, password_hash, name, email, created_at, updated_at) VALUES (?, 'x', 'n', 'e@x.com', 0, 0)`,
    );
    insert.run('Coffee');
    assert.throws(() => insert.run('coffee'), /UNIQUE constraint failed/);
    db.close();
  });
});
