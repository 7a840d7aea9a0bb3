import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { CurrencyCode, LocaleTag } from '@rp/contract';

/** The repository root: this file lives in `<root>/server/src/`. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The admin key of the demo. Public knowledge, so it is refused outside demo mode. */
export const DEMO_ADMIN_KEY = 'demo-admin-key';

export interface Config {
  port: number;
  databasePath: string;
  corsOrigins: string[];
  adminKey: string;
  currency: string;
  locale: string;
  demo: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Public origin of this server, no trailing slash: tracked links are `<publicUrl>/r/<slug>`. */
  publicUrl: string;
  /** Parent domain the redirect sets the attribution cookie for (`.example.com`), or null for none. */
  cookieDomain: string | null;
  /** SMTP server for outgoing mail (RP_SMTP_URL, `smtps://user:pass@host:465`); unset means mail goes to the outbox table. */
  smtpUrl?: string;
  /** Sender of outgoing mail (RP_MAIL_FROM); unset means `no-reply@<host of publicUrl>`. */
  mailFrom?: string;
  /** Where uploaded images are stored (RP_MEDIA_DIR); unset means `media/` beside the database. */
  mediaDir?: string;
}

/** Thrown by `loadConfig` with one readable line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'Use true, false, 1 or 0.' })
  .transform((v) => v === 'true' || v === '1');

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'Use a whole number.')
    .transform(Number)
    .pipe(z.number().min(min, `Use a number from ${min} to ${max}.`).max(max, `Use a number from ${min} to ${max}.`));

/** An exact origin: scheme, host and optional port, nothing else (no path, no trailing slash). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const corsOrigins = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://shop.example.com.` });
    }
  }
  return origins;
});

/** An origin, a trailing slash and upper case forgiven: `https://Partners.Example.com/` is read as `https://partners.example.com`. */
const publicUrl = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if (/^https?:\/\/[^/?#]+\/?$/i.test(value) && isOrigin(url.origin) && !url.username && !url.password) return url.origin;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: 'custom', message: 'Use an origin such as https://partners.example.com (no path).' });
  return z.NEVER;
});

/** A domain name for a cookie's Domain attribute, with an optional leading dot; stored without it, lower case. */
const cookieDomain = z
  .string()
  .regex(/^\.?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i, 'Use a domain such as .example.com.')
  .max(253)
  .transform((value) => value.replace(/^\./, '').toLowerCase());

/** An SMTP server as a URL: smtp: or smtps:, with a host. Credentials may be in it. */
const smtpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'Use a URL such as smtps://user:password@mail.example.com:465.' },
);

/** `partners@example.com` or `Example Partners <partners@example.com>`. */
const mailFrom = z
  .string()
  .max(254)
  .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, 'Use an address such as partners@example.com or "Name <partners@example.com>".');

const EnvSchema = z.object({
  PORT: wholeNumber(0, 65535).default(8787),
  RP_DATABASE: z.string().default(resolve(repoRoot, 'data/rp.sqlite')),
  RP_CORS_ORIGINS: corsOrigins.default([]),
  RP_ADMIN_KEY: z.string().optional(),
  RP_CURRENCY: CurrencyCode.default('USD'),
  RP_LOCALE: LocaleTag.default('en-US'),
  RP_DEMO: flag.default(false),
  RP_TRUST_PROXY: flag.default(false),
  RP_SESSION_IDLE_MINUTES: wholeNumber(1, 7 * 24 * 60).default(120),
  RP_SESSION_MAX_HOURS: wholeNumber(1, 30 * 24).default(12),
  RP_PUBLIC_URL: publicUrl.optional(),
  RP_COOKIE_DOMAIN: cookieDomain.optional(),
  RP_SMTP_URL: smtpUrl.optional(),
  RP_MAIL_FROM: mailFrom.optional(),
  RP_MEDIA_DIR: z.string().optional(),
});

/** A browser only accepts a cookie's Domain if it is the host of the page setting it or a parent of it. */
function cookieDomainProblem(domain: string | undefined, url: string): string | undefined {
  if (domain === undefined) return undefined;
  const host = new URL(url).hostname;
  if (host === domain || host.endsWith(`.${domain}`)) return undefined;
  return `"${domain}" is not ${host} or a parent domain of it (RP_PUBLIC_URL), so browsers would refuse the cookie.`;
}

/**
 * The admin key rule depends on RP_DEMO, so it is checked beside the schema rather than in a
 * refinement: zod skips refinements once any field fails, and every problem should be listed.
 */
function adminKeyProblem(key: string | undefined, demo: boolean): string | undefined {
  if (demo) return undefined; // demo mode falls back to the public demo key
  if (key === undefined) return 'Required outside demo mode (at least 16 characters), or set RP_DEMO=true.';
  if (key === DEMO_ADMIN_KEY) return `"${DEMO_ADMIN_KEY}" is public and only allowed with RP_DEMO=true.`;
  if (key.length < 16) return 'Use at least 16 characters.';
  return undefined;
}

/**
 * Parse the environment. Empty variables count as unset, so `PORT=` in a shell means the default.
 * Throws a ConfigError listing every problem, one line each, so a person can fix them all at once.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.shape)) {
    const value = env[name]?.trim();
    if (value) present[name] = value;
  }
  const result = EnvSchema.safeParse(present);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  const demo = flag.safeParse(present['RP_DEMO'] ?? 'false');
  const keyProblem = demo.success ? adminKeyProblem(present['RP_ADMIN_KEY'], demo.data) : undefined;
  if (keyProblem) problems.push(`RP_ADMIN_KEY: ${keyProblem}`);
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  const publicUrlValue = e.RP_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const domainProblem = cookieDomainProblem(e.RP_COOKIE_DOMAIN, publicUrlValue);
  if (domainProblem) throw new ConfigError([`RP_COOKIE_DOMAIN: ${domainProblem}`]);
  return {
    port: e.PORT,
    databasePath: resolve(e.RP_DATABASE),
    corsOrigins: e.RP_CORS_ORIGINS,
    adminKey: e.RP_ADMIN_KEY ?? DEMO_ADMIN_KEY,
    currency: e.RP_CURRENCY,
    locale: e.RP_LOCALE,
    demo: e.RP_DEMO,
    trustProxy: e.RP_TRUST_PROXY,
    sessionIdleMinutes: e.RP_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.RP_SESSION_MAX_HOURS,
    publicUrl: publicUrlValue,
    cookieDomain: e.RP_COOKIE_DOMAIN ?? null,
    ...(e.RP_SMTP_URL ? { smtpUrl: e.RP_SMTP_URL } : {}),
    ...(e.RP_MAIL_FROM ? { mailFrom: e.RP_MAIL_FROM } : {}),
    ...(e.RP_MEDIA_DIR ? { mediaDir: resolve(e.RP_MEDIA_DIR) } : {}),
  };
}
