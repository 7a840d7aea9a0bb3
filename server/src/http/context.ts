import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { ClickRecorder } from '../domain/clicks.ts';
import type { Mailer } from '../domain/mailer.ts';
import type { ActiveSession } from '../domain/sessions.ts';

/** What every router needs; passed in, never a module-level singleton, so each test has its own. */
export interface Deps {
  db: Db;
  config: Config;
  /** The clock, in epoch ms. Tests pass their own to move time. */
  now: () => number;
  /** Buffers the redirect's clicks and writes them in batches; `flush()` before reading clicks by id. */
  clicks: ClickRecorder;
  /** Sends mail: the outbox table by default, SMTP when RP_SMTP_URL is set. */
  mailer: Mailer;
}

/** Hono environment of the app: the signed-in partner, set by `requirePartner`. */
export interface AppEnv {
  Variables: {
    session: ActiveSession;
  };
}
