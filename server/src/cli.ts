import { randomBytes } from 'node:crypto';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type * as z from 'zod';
import { AdminKeyCreate, AdminPartnerCreate, type Balance } from '@rp/contract';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { migrate, openDatabase, type Db } from './db/database.ts';
import { createAdminKey } from './domain/admin-keys.ts';
import { createAdminPartner, partnerByCode, readAdminPartner } from './domain/admin-partners.ts';
import { AdminUserCreate, createAdminUser, disableAdminUser } from './domain/admin-sessions.ts';
import { ensureSettings } from './domain/center.ts';
import { decimalAmount } from './domain/money.ts';
import { DEMO_ADMIN, DEMO_PARTNER, seedDemo } from './seed/demo.ts';
import { ApiError } from './http/errors.ts';
import { fieldErrors } from './http/validation.ts';

// `rp-server`: the server's command line for the basics. It reads the same environment as the
// server (RP_DATABASE, RP_CURRENCY, …). Exit codes: 0 done, 1 the command failed (bad
// configuration, unknown partner, taken code…), 2 wrong usage. User errors print one readable
// message, never a stack trace.

export const HELP = `Usage: rp-server <command> [options]

Commands:
  migrate                         Create or update the database schema.
  seed-demo                       Fill an empty database with the demo merchant (and, with
                                  RP_DEMO=true, its back-office user).
  create-admin-key <name>         Make an admin API key; its secret is printed once.
  create-admin-user --email <email> --name <name> [--password <password>]
                                  Make a back-office user, who signs in to the admin elements
                                  with email and password; without --password one is
                                  generated and printed once.
  disable-admin-user <email>      Stop an admin user signing in, and end their sessions.
  create-partner --code <code> --name <name> --email <email> [--password <password>]
                 [--status active|pending|suspended] [--program <id>]...
                                  Make a partner; without --password one is generated and printed once.
  balance <code> [--json]         Show a partner's balance.
  help                            Show this help.

The database and defaults come from the same environment as the server: RP_DATABASE,
RP_CURRENCY, RP_LOCALE, RP_PUBLIC_URL, RP_DEMO. Every command brings the schema up to date first.
RP_ADMIN_KEY is not needed here.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A mistake of the person typing: printed as is, exit code 1 (or 2 for usage). */
class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const usage = (message: string) => new UserError(`${message}\nRun "rp-server help" for usage.`, 2);

/** For commands that take only options: no stray arguments, and every required option given. */
function requireOptions(values: Record<string, unknown>, positionals: string[], required: string[]) {
  if (positionals.length > 0) throw usage(`Unexpected argument "${positionals[0]}".`);
  const missing = required.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw usage(`Missing ${missing.map((k) => `--${k}`).join(', ')}.`);
}

/** Options that fail the input schema: one line per option, `--option: message`. */
function invalidOptions(what: string, error: z.core.$ZodError, option = (field: string) => field) {
  const lines = Object.entries(fieldErrors(error)).map(([field, message]) => `  --${option(field)}: ${message}`);
  return new UserError(`Cannot create the ${what}:\n${lines.join('\n')}`, 2);
}

/** The server's configuration, minus the admin key: the CLI serves nothing, so it needs none. */
function cliConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({ ...env, RP_ADMIN_KEY: randomBytes(24).toString('base64url') });
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O = {} as O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

function open(config: Config): Db {
  const db = openDatabase(config.databasePath);
  migrate(db);
  ensureSettings(db, config, Date.now());
  return db;
}

function formatBalance(b: Balance): string[] {
  const c = b.total.currency;
  return [
    `  Available  ${decimalAmount(b.available.amount, c)} ${c}`,
    `  Pending    ${decimalAmount(b.pending.amount, c)} ${c}`,
    `  Total      ${decimalAmount(b.total.amount, c)} ${c}`,
  ];
}

type Command = (args: string[], config: Config, io: Io) => Promise<void> | void;

const commands: Record<string, Command> = {
  migrate(args, config, io) {
    if (parse(args).positionals.length > 0) throw usage('migrate takes no arguments.');
    const db = openDatabase(config.databasePath);
    try {
      const before = db.pragma('user_version', { simple: true }) as number;
      const after = migrate(db);
      io.out(after === before ? `Database ${config.databasePath} is up to date (version ${after}).` : `Migrated ${config.databasePath} from version ${before} to ${after}.`);
    } finally {
      db.close();
    }
  },

  async 'seed-demo'(args, config, io) {
    if (parse(args).positionals.length > 0) throw usage('seed-demo takes no arguments.');
    const db = open(config);
    try {
      const seeded = await seedDemo(db, config, Date.now());
      io.out(seeded ? `Seeded the demo merchant. Partner "${DEMO_PARTNER.code}" / "${DEMO_PARTNER.password}".` : 'The demo is already seeded; nothing changed.');
      // The demo admin's password is public, so it exists only in demo mode.
      io.out(
        config.demo
          ? `Back office: "${DEMO_ADMIN.email}" / "${DEMO_ADMIN.password}".`
          : 'No back-office user outside demo mode (RP_DEMO=true): make one with create-admin-user.',
      );
    } finally {
      db.close();
    }
  },

  'create-admin-key'(args, config, io) {
    const { positionals } = parse(args);
    if (positionals.length !== 1) throw usage('Give the key a name: rp-server create-admin-key "<name>".');
    const input = AdminKeyCreate.safeParse({ name: positionals[0] });
    if (!input.success) throw new UserError(`Invalid name: ${fieldErrors(input.error)['name'] ?? input.error.issues[0]?.message}`, 2);
    const db = open(config);
    try {
      const key = createAdminKey(db, input.data.name, Date.now());
      io.out(`Created admin key #${key.id} "${key.name}". Its secret, shown only now:`);
      io.out(key.secret);
    } finally {
      db.close();
    }
  },

  async 'create-admin-user'(args, config, io) {
    const { values, positionals } = parse(args, { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } });
    requireOptions(values, positionals, ['email', 'name']);
    const input = AdminUserCreate.safeParse(values);
    if (!input.success) throw invalidOptions('admin user', input.error);
    const db = open(config);
    try {
      const { user, password } = await createAdminUser(db, input.data, Date.now());
      io.out(`Created admin user ${user.email} (${user.name}). They sign in to the back office with this email.`);
      if (password !== null) io.out(`Password, shown only now: ${password}`);
    } finally {
      db.close();
    }
  },

  'disable-admin-user'(args, config, io) {
    const { positionals } = parse(args);
    if (positionals.length !== 1) throw usage('Give the email: rp-server disable-admin-user <email>.');
    const db = open(config);
    try {
      if (!disableAdminUser(db, positionals[0]!, Date.now())) throw new UserError(`No admin user with the email ${positionals[0]}.`);
      io.out(`Disabled admin user ${positionals[0]}: they can no longer sign in, and their sessions have ended.`);
    } finally {
      db.close();
    }
  },

  async 'create-partner'(args, config, io) {
    const { values, positionals } = parse(args, {
      code: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      status: { type: 'string' },
      program: { type: 'string', multiple: true },
    });
    requireOptions(values, positionals, ['code', 'name', 'email']);
    const input = AdminPartnerCreate.safeParse({
      code: values.code,
      name: values.name,
      email: values.email,
      password: values.password,
      status: values.status,
      programIds: (values.program as string[] | undefined)?.map((id) => (/^\d+$/.test(id) ? Number(id) : id)),
    });
    if (!input.success) throw invalidOptions('partner', input.error, (field) => field.replace(/^programIds.*/, 'program'));
    const db = open(config);
    try {
      const { partner, password } = await createAdminPartner(db, input.data, Date.now());
      io.out(`Created partner "${partner.profile.code}" (${partner.profile.name}, ${partner.profile.email}), ${partner.profile.status}.`);
      if (password !== null) io.out(`Password, shown only now: ${password}`);
    } finally {
      db.close();
    }
  },

  balance(args, config, io) {
    const { positionals, values } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw usage('Give the partner code: rp-server balance <code>.');
    const db = open(config);
    try {
      const now = Date.now();
      const partner = readAdminPartner(db, partnerByCode(db, positionals[0]!).id, now);
      if (values.json) {
        io.out(JSON.stringify(partner.balance));
        return;
      }
      io.out(`Partner "${partner.profile.code}" (${partner.profile.name}), ${partner.profile.status}`);
      for (const line of formatBalance(partner.balance)) io.out(line);
    } finally {
      db.close();
    }
  },

  help(_args, _config, io) {
    io.out(HELP);
  },
};

/** Run one command line; answers the exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`Unknown command "${name}".\nRun "rp-server help" for usage.`);
    return 2;
  }
  try {
    await command(args, cliConfig(env), io);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err('Invalid configuration:');
      for (const problem of error.problems) io.err(`  ${problem}`);
      return 1;
    }
    if (error instanceof UserError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof ApiError) {
      const fields = Object.entries(error.extra.fields ?? {}).map(([field, message]) => `  ${field}: ${message}`);
      io.err([error.message, ...fields].join('\n'));
      return 1;
    }
    // Our bug, or the machine's (disk full, unreadable database): the detail helps.
    io.err(`rp-server ${name} failed unexpectedly:`);
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 70;
  }
}
