import nodemailer from 'nodemailer';
import type { OutboxMessage } from '@rp/contract';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** How the server sends mail. Chosen once at start: SMTP when RP_SMTP_URL is set, else the outbox. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * The default: mail is stored in the `outbox` table and not delivered, so nothing needs a mail
 * server; the merchant (and the demo) read it through `GET /api/admin/outbox`.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async send({ to, subject, text, html }: MailMessage): Promise<void> {
    this.db
      .prepare('INSERT INTO outbox ("to", subject, text, html, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(to, subject, text, html ?? null, this.now());
  }
}

/** The part of a nodemailer transport used here, so tests can look at what would be sent. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown>;
}

/** Sends through an SMTP server given as a URL (`smtps://user:pass@mail.example.com:465`), with nodemailer. */
export class SmtpMailer implements Mailer {
  readonly transport: MailTransport;

  constructor(
    readonly url: string,
    readonly from: string,
    createTransport: (url: string) => MailTransport = (u) => nodemailer.createTransport(u),
  ) {
    this.transport = createTransport(url);
  }

  async send({ to, subject, text, html }: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to, subject, text, ...(html === undefined ? {} : { html }) });
  }
}

/** The sender when RP_MAIL_FROM is not set: `no-reply@<host of the public URL>`. */
export function defaultFrom(publicUrl: string): string {
  return `no-reply@${new URL(publicUrl).hostname}`;
}

/** SMTP when RP_SMTP_URL is configured, else the outbox table. */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
  db: Db,
  now: () => number,
  createTransport?: (url: string) => MailTransport,
): Mailer {
  if (!config.smtpUrl) return new OutboxMailer(db, now);
  return new SmtpMailer(config.smtpUrl, config.mailFrom ?? defaultFrom(config.publicUrl), createTransport);
}

/**
 * Send without making the caller wait: the request that triggers a mail answers at once, so
 * its timing does not depend on whether a mail was sent. A failure is logged, never thrown.
 */
export function sendInBackground(mailer: Mailer, message: MailMessage): void {
  setImmediate(() => {
    mailer.send(message).catch((err: unknown) => console.error('Sending mail failed:', err));
  });
}

interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  created_at: number;
  sent_at: number | null;
}

/** The outbox, newest first. */
export function listOutbox(db: Db, limit: number): OutboxMessage[] {
  const rows = db
    .prepare('SELECT id, "to", subject, text, html, created_at, sent_at FROM outbox ORDER BY id DESC LIMIT ?')
    .all(limit) as OutboxRow[];
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at === null ? null : new Date(r.sent_at).toISOString(),
  }));
}
