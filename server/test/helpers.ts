import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { AdminSignInResponse, ErrorBody, SignInResponse } from '@rp/contract';
import { createApp, type App, type AppOptions } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { migrate, openDatabase, type Db } from '../src/db/database.ts';
import { createAdminSession } from '../src/domain/admin-sessions.ts';
import { ClickRecorder } from '../src/domain/clicks.ts';
import { insertPartner, type NewPartner } from '../src/domain/partners.ts';
import { hashPassword } from '../src/domain/passwords.ts';
import { createSession } from '../src/domain/sessions.ts';
import { sessionPolicy } from '../src/http/guards.ts';

export const ADMIN_KEY = 'test-admin-key-0123456789';

/** A clock the test moves by hand. */
export function testClock(start = Date.parse('2030-01-15T09:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface TestContext {
  app: App;
  db: Db;
  config: Config;
  clock: ReturnType<typeof testClock>;
  dir: string;
  /** The app's click recorder: `flush()` writes buffered clicks now. */
  clicks: ClickRecorder;
}

/**
 * The real app on a real SQLite file in a fresh temp directory, removed when the test file ends.
 * `env` overrides the test environment, as the server would read it.
 */
export function makeApp(env: Record<string, string> = {}, options: Pick<AppOptions, 'site'> = {}): TestContext {
  const dir = mkdtempSync(join(tmpdir(), 'rp-server-test-'));
  const config = loadConfig({ RP_DATABASE: join(dir, 'rp.sqlite'), RP_ADMIN_KEY: ADMIN_KEY, ...env });
  const db = openDatabase(config.databasePath);
  migrate(db);
  const clock = testClock();
  const clicks = new ClickRecorder(db);
  const app = createApp({ db, config, now: clock.now, clicks, ...options });
  after(() => {
    clicks.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, db, config, clock, dir, clicks };
}

let counter = 0;
export const DEFAULT_PASSWORD = 'a-test-password';

/**
 * Hashes by password: a real scrypt hash costs ~0.4 s, and most test partners can share one
 * password without weakening any test (each is a distinct row with its own code).
 */
const hashes = new Map<string, Promise<string>>();
function hashFor(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** A partner with sensible defaults; active unless told otherwise. */
export async function addPartner(t: TestContext, fields: Partial<NewPartner> = {}) {
  counter += 1;
  const code = fields.code ?? `partner${counter}`;
  const password = fields.password ?? DEFAULT_PASSWORD;
  const { password: _, ...rest } = { name: `Partner ${counter}`, email: `${code}@example.com`, status: 'active' as const, ...fields, code };
  const id = insertPartner(t.db, rest, await hashFor(password), t.clock.now());
  return { id, code, password };
}

/**
 * A session token made directly, without the scrypt cost of a sign-in. For tests about what a
 * session may do; the sign-in route itself is tested in auth.test.ts.
 */
export function sessionFor(t: TestContext, partnerId: number): string {
  return createSession(t.db, partnerId, sessionPolicy(t.config), t.clock.now()).token;
}

/** A back-office (admin) user, written directly: DEFAULT_PASSWORD unless told, a unique email. */
export async function addAdminUser(t: TestContext, fields: { email?: string; name?: string; password?: string } = {}) {
  counter += 1;
  const email = fields.email ?? `admin${counter}@example.com`;
  const password = fields.password ?? DEFAULT_PASSWORD;
  const id = Number(
    t.db
      .prepare('INSERT INTO admin_users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(email, fields.name ?? `Admin ${counter}`, await hashFor(password), t.clock.now()).lastInsertRowid,
  );
  return { id, email, password };
}

/** An admin session token made directly, without a sign-in (see sessionFor). */
export function adminSessionFor(t: TestContext, adminUserId: number): string {
  return createAdminSession(t.db, adminUserId, sessionPolicy(t.config), t.clock.now()).token;
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One request through `app.request()`, JSON by default. */
export async function call(app: App, method: string, path: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await app.request(`/api${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Sign in and return the token; fails the test on anything but success. */
export async function signIn(t: TestContext, code: string, password: string, headers: Record<string, string> = {}) {
  const res = await call(t.app, 'POST', '/auth/sign-in', { body: { code, password }, headers });
  assert.equal(res.status, 200, res.text);
  return SignInResponse.parse(res.json).token;
}

/** Sign an admin user in to the back office and return the token; fails the test on anything but success. */
export async function signInAdmin(t: TestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await call(t.app, 'POST', '/auth/admin/sign-in', { body: { email, password }, headers });
  assert.equal(res.status, 200, res.text);
  return AdminSignInResponse.parse(res.json).token;
}

/** Assert an error answer: status, code, and that the body is exactly the contract's error shape. */
export function assertError(res: { status: number; json: unknown; text: string }, status: number, code: string) {
  assert.equal(res.status, status, res.text);
  const body = ErrorBody.parse(res.json);
  assert.equal(body.error.code, code);
  return body.error;
}
