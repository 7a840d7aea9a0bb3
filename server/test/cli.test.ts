import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { AdminKeyList, AdminSignInResponse, Balance } from '@rp/contract';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, readMigrations } from '../src/db/database.ts';
import { ClickRecorder } from '../src/domain/clicks.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/rp-server.mjs');
const dir = mkdtempSync(join(tmpdir(), 'rp-cli-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without any RP_* of the shell running the tests: no admin key, no demo mode. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('RP_') && v !== undefined) env[k] = v;
  return env;
}

/** Spawn `rp-server` against a database; never rejects, answers code and output. */
function run(args: string[], database: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...baseEnv(), RP_DATABASE: database, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at |Error:/, text);

/** The server's app on the database the CLI wrote, with its own configured admin key. */
async function withApp<T>(database: string, use: (app: App) => Promise<T>): Promise<T> {
  const config = loadConfig({ RP_DATABASE: database, RP_ADMIN_KEY: 'a-different-configured-key' });
  const conn = openDatabase(database);
  const clicks = new ClickRecorder(conn);
  try {
    return await use(createApp({ db: conn, config, clicks }));
  } finally {
    clicks.close();
    conn.close();
  }
}

/** Sign an admin in to the back office through the app; answers the status and, on success, the body. */
async function adminSignIn(app: App, email: string, password: string) {
  const res = await app.request('/api/auth/admin/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: res.ok ? AdminSignInResponse.parse(await res.json()) : undefined };
}

describe('rp-server CLI', () => {
  const db = join(dir, 'cli.sqlite');

  it('migrates a new database, then reports it up to date', async () => {
    const latest = Math.max(...readMigrations().map((m) => m.version));
    const first = await run(['migrate'], db);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`from version 0 to ${latest}\\.`));
    const check = openDatabase(db);
    assert.equal(check.pragma('user_version', { simple: true }), latest);
    check.close();
    const second = await run(['migrate'], db);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /up to date/);
  });

  it('creates an admin key without RP_ADMIN_KEY; the key opens the admin API', async () => {
    const res = await run(['create-admin-key', 'Back office'], db);
    assert.equal(res.code, 0, res.stderr);
    const secret = /^(rpk_[A-Za-z0-9_-]{43})$/m.exec(res.stdout)?.[1];
    assert.ok(secret, res.stdout);
    await withApp(db, async (app) => {
      const answer = await app.request('/api/admin/keys', { headers: { Authorization: `Bearer ${secret}` } });
      assert.equal(answer.status, 200);
      assert.deepEqual(AdminKeyList.parse(await answer.json()).keys.map((k) => k.name), ['Back office']);
    });
  });

  it('creates admin users who sign in to the back office; a generated password is printed once', async () => {
    const generated = await run(['create-admin-user', '--email', 'Ops@Shop.example', '--name', 'Olu Ops'], db);
    assert.equal(generated.code, 0, generated.stderr);
    assert.match(generated.stdout, /Created admin user ops@shop\.example \(Olu Ops\)/);
    const password = /Password, shown only now: ([A-Za-z0-9_-]{24})\n/.exec(generated.stdout)?.[1];
    assert.ok(password, generated.stdout);
    const chosen = await run(['create-admin-user', '--name', 'Fay Finance', '--email', 'fay@shop.example', '--password', 'ledger-and-ledger-again'], db);
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.doesNotMatch(chosen.stdout, /Password/);

    await withApp(db, async (app) => {
      const ops = await adminSignIn(app, 'ops@shop.example', password);
      assert.equal(ops.status, 200);
      assert.deepEqual(ops.body?.admin, { email: 'ops@shop.example', name: 'Olu Ops' });
      const fay = await adminSignIn(app, 'FAY@shop.example', 'ledger-and-ledger-again');
      assert.equal(fay.status, 200);
      // The session opens the admin API, though the app's configured key is another one.
      const settings = await app.request('/api/admin/settings', { headers: { Authorization: `Bearer ${fay.body?.token}` } });
      assert.equal(settings.status, 200);
    });

    const disabled = await run(['disable-admin-user', 'fay@SHOP.example'], db);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.match(disabled.stdout, /Disabled admin user fay@SHOP\.example/);
    await withApp(db, async (app) => assert.equal((await adminSignIn(app, 'fay@shop.example', 'ledger-and-ledger-again')).status, 403));
  });

  it('creates a partner, printing a generated password once, and shows the balance', async () => {
    const created = await run(['create-partner', '--code', 'cli-ada', '--name', 'Ada', '--email', 'ada@example.com'], db);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created partner "cli-ada"/);
    assert.match(created.stdout, /Password, shown only now: [A-Za-z0-9_-]{24}\n/);
    const chosen = await run(['create-partner', '--code', 'cli-bo', '--name', 'Bo', '--email', 'bo@example.com', '--password', 'a-long-password', '--status', 'pending'], db);
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.doesNotMatch(chosen.stdout, /Password/);
    assert.match(chosen.stdout, /pending/);

    const text = await run(['balance', 'CLI-ADA'], db);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Partner "cli-ada" \(Ada\), active\n\s+Available\s+0\.00 USD\n\s+Pending\s+0\.00 USD\n\s+Total\s+0\.00 USD/);
    const json = await run(['balance', 'cli-ada', '--json'], db);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(Balance.parse(JSON.parse(json.stdout)).total, { amount: 0, currency: 'USD' });
  });

  it('fails with a clear message and exit code, no stack trace, and writes nothing', async () => {
    const count = () => {
      const conn = openDatabase(db);
      const n = (conn.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n;
      conn.close();
      return n;
    };
    const before = count();
    const cases: Array<[string[], number, RegExp, Record<string, string>?]> = [
      [['balance', 'nobody'], 1, /No partner with code "nobody"/],
      [['create-partner', '--code', 'cli-ada', '--name', 'X', '--email', 'x@example.com'], 1, /code "cli-ada" is taken/],
      [['create-partner', '--code', 'cli-new', '--name', 'X', '--email', 'ADA@example.com'], 1, /email exists/],
      [['create-partner', '--code', 'cli-new', '--name', 'X', '--email', 'x@example.com', '--program', '999'], 1, /No program 999/],
      [['create-partner', '--code', 'cli-new', '--name', 'X'], 2, /Missing --email/],
      [['create-partner', '--code', 'x y', '--name', 'X', '--email', 'nope', '--password', 'short'], 2, /--code: .*\n.*--email: .*|--email: [\s\S]*--password/],
      [['create-partner', '--bogus'], 2, /Unknown option '--bogus'/],
      [['create-admin-key'], 2, /Give the key a name/],
      [['create-admin-user', '--email', 'OPS@shop.example', '--name', 'Again'], 1, /admin user with the email ops@shop\.example exists/],
      [['create-admin-user', '--email', 'new@shop.example'], 2, /Missing --name/],
      [['create-admin-user', '--email', 'nope', '--name', ' ', '--password', 'short'], 2, /Cannot create the admin user:\n  --email: Enter a valid email address\.\n  --name: This field is required\.\n  --password: Use at least 12 characters\./],
      [['create-admin-user', '--email', 'new@shop.example', '--name', 'N', '--password', 'password1234'], 1, /too common/],
      [['create-admin-user', '--email', 'new@shop.example', '--name', 'N', 'extra'], 2, /Unexpected argument "extra"/],
      [['disable-admin-user', 'nobody@shop.example'], 1, /No admin user with the email nobody@shop\.example/],
      [['disable-admin-user'], 2, /Give the email/],
      [['create-admin-key', '   '], 2, /Invalid name/],
      [['balance'], 2, /partner code/],
      [['frobnicate'], 2, /Unknown command "frobnicate"/],
      [['migrate'], 1, /RP_CURRENCY: Use a three-letter/, { RP_CURRENCY: 'dollars' }],
    ];
    for (const [args, code, message, env] of cases) {
      const res = await run(args, db, env);
      assert.equal(res.code, code, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, message, args.join(' '));
      assert.equal(res.stdout, '', args.join(' '));
      noStack(res.stderr);
    }
    assert.equal(count(), before);
    const admins = openDatabase(db);
    assert.deepEqual(admins.prepare('SELECT email FROM admin_users ORDER BY id').all(), [{ email: 'ops@shop.example' }, { email: 'fay@shop.example' }]);
    admins.close();
  });

  it('prints help, and usage with exit code 2 when no command is given', async () => {
    const help = await run(['help'], db);
    assert.equal(help.code, 0);
    for (const command of ['migrate', 'seed-demo', 'create-admin-key', 'create-admin-user', 'disable-admin-user', 'create-partner', 'balance']) assert.match(help.stdout, new RegExp(command));
    const none = await run([], db);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /Usage: rp-server/);
  });

  it('seeds the demo into a new database once', async () => {
    const demoDb = join(dir, 'demo.sqlite');
    const first = await run(['seed-demo'], demoDb);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Seeded the demo merchant/);
    assert.match(first.stdout, /No back-office user outside demo mode/);
    const second = await run(['seed-demo'], demoDb);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already seeded/);
    const balance = await run(['balance', 'demo', '--json'], demoDb);
    assert.equal(balance.code, 0, balance.stderr);
    assert.ok(Balance.parse(JSON.parse(balance.stdout)).total.amount > 0);
    await withApp(demoDb, async (app) => assert.equal((await adminSignIn(app, 'admin@harborandpine.example', 'back-office-demo')).status, 401));

    // In demo mode the demo's back-office user is added, even to a database seeded before.
    const demoMode = await run(['seed-demo'], demoDb, { RP_DEMO: 'true' });
    assert.equal(demoMode.code, 0, demoMode.stderr);
    assert.match(demoMode.stdout, /already seeded[\s\S]*Back office: "admin@harborandpine\.example" \/ "back-office-demo"/);
    await withApp(demoDb, async (app) => {
      const signedIn = await adminSignIn(app, 'admin@harborandpine.example', 'back-office-demo');
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body?.admin.name, 'Maya Lindqvist');
    });
  });
});
