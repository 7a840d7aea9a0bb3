import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CenterPublic, SignInResponse } from '@rp/contract';
import { loadConfig } from '../src/config.ts';
import { migrate, openDatabase } from '../src/db/database.ts';
import { createPartner } from '../src/domain/partners.ts';
import { startServer, type RunningServer } from '../src/start.ts';

const serverDir = join(import.meta.dirname, '..');

describe('the listening server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-server-listen-'));
  const databasePath = join(dir, 'rp.sqlite');
  const logs: string[] = [];
  let server: RunningServer;

  before(async () => {
    const db = openDatabase(databasePath);
    migrate(db);
    await createPartner(db, { code: 'listener', password: 'listener-password', name: 'Lis Tener', email: 'l@example.com', status: 'active' }, Date.now());
    db.close();
    const config = loadConfig({ PORT: '0', RP_DATABASE: databasePath, RP_ADMIN_KEY: 'listening-test-admin-key' });
    server = await startServer(config, { staticRoots: { demoDir: dir, elementsDir: join(dir, 'dist') }, log: (line) => logs.push(line) });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers HTTP on a real port and logs its URL', async () => {
    assert.ok(server.port > 0);
    assert.match(logs[0] ?? '', new RegExp(`listening on http://localhost:${server.port}`));
    const res = await fetch(`${server.url}/api/center`);
    assert.equal(res.status, 200);
    CenterPublic.parse(await res.json());
  });

  it('signs in over HTTP and throttles by the socket address', async () => {
    const ok = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'LISTENER', password: 'listener-password' }),
    });
    assert.equal(ok.status, 200);
    SignInResponse.parse(await ok.json());

    const bad = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
      body: JSON.stringify({ code: 'listener', password: 'wrong' }),
    });
    assert.equal(bad.status, 401);
    const db = openDatabase(databasePath);
    const keys = (db.prepare(`SELECT key FROM login_throttle WHERE key LIKE 'addr:%'`).all() as Array<{ key: string }>).map((r) => r.key);
    db.close();
    assert.equal(keys.length, 1);
    assert.match(keys[0] ?? '', /^addr:(::ffff:)?127\.0\.0\.1$|^addr:::1$/);
  });

  it('names no demo sign-in outside demo mode', () => {
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.doesNotMatch(logs.join('\n'), /demo|back office/i);
  });

  it('stops listening on close', async () => {
    await server.close();
    await assert.rejects(fetch(`${server.url}/api/health`));
  });
});

describe('the start-up message in demo mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-server-demo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the demo partner, the admin key, and the back-office page with its sign-in', async () => {
    const logs: string[] = [];
    const config = loadConfig({ PORT: '0', RP_DEMO: 'true', RP_DATABASE: join(dir, 'rp.sqlite') });
    const server = await startServer(config, { staticRoots: { demoDir: dir, elementsDir: join(dir, 'dist') }, log: (line) => logs.push(line) });
    await server.close();
    assert.match(logs[1] ?? '', /^Demo mode: partner "demo" \/ "demo-partner", admin key "demo-admin-key"$/);
    assert.equal(logs[2], `Back office: ${server.url}/back-office.html, sign in with "admin@harborandpine.example" / "back-office-demo"`);
  });
});

describe('main', () => {
  it('prints each configuration problem and exits 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env['PATH'], PORT: 'http', RP_CORS_ORIGINS: 'shop.example.com' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /The server cannot start:/);
    assert.match(result.stderr, /PORT: Use a whole number\./);
    assert.match(result.stderr, /RP_CORS_ORIGINS: "shop.example.com" is not an origin/);
    assert.match(result.stderr, /RP_ADMIN_KEY: Required outside demo mode/);
  });
});
