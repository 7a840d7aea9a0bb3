import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createMailer, listOutbox, OutboxMailer, SmtpMailer, type MailTransport } from '../src/domain/mailer.ts';
import { makeApp } from './helpers.ts';

const KEY = 'test-admin-key-0123456789';

function fakeTransport() {
  const made: string[] = [];
  const sent: unknown[] = [];
  const create = (url: string): MailTransport => {
    made.push(url);
    return { sendMail: async (mail) => void sent.push(mail) };
  };
  return { made, sent, create };
}

describe('mailer', () => {
  it('defaults to the outbox table, newest first', async () => {
    const t = makeApp();
    const mailer = createMailer(t.config, t.db, t.clock.now);
    assert.ok(mailer instanceof OutboxMailer);
    await mailer.send({ to: 'a@example.com', subject: 'First', text: 'one' });
    t.clock.advance(60_000);
    await mailer.send({ to: 'b@example.com', subject: 'Second', text: 'two', html: '<p>two</p>' });
    const mails = listOutbox(t.db, 10);
    assert.deepEqual(
      mails.map(({ id: _, ...m }) => m),
      [
        { to: 'b@example.com', subject: 'Second', text: 'two', html: '<p>two</p>', createdAt: '2030-01-15T09:01:00.000Z', sentAt: null },
        { to: 'a@example.com', subject: 'First', text: 'one', html: null, createdAt: '2030-01-15T09:00:00.000Z', sentAt: null },
      ],
    );
    assert.equal(listOutbox(t.db, 1).length, 1);
  });

  it('uses SMTP when RP_SMTP_URL is configured, with the transport made from that URL', async () => {
    const t = makeApp();
    const url = 'smtps://user:secret@mail.example.com:465';
    const config = loadConfig({ RP_ADMIN_KEY: KEY, RP_SMTP_URL: url, RP_PUBLIC_URL: 'https://partners.example.com' });
    assert.equal(config.smtpUrl, url);
    const fake = fakeTransport();
    const mailer = createMailer(config, t.db, t.clock.now, fake.create);
    assert.ok(mailer instanceof SmtpMailer);
    assert.deepEqual(fake.made, [url]);
    await mailer.send({ to: 'p@example.com', subject: 'Hi', text: 'Hello' });
    assert.deepEqual(fake.sent, [{ from: 'no-reply@partners.example.com', to: 'p@example.com', subject: 'Hi', text: 'Hello' }]);
    assert.equal(listOutbox(t.db, 10).length, 0, 'SMTP mail is not kept in the outbox');

    const withFrom = loadConfig({ RP_ADMIN_KEY: KEY, RP_SMTP_URL: url, RP_MAIL_FROM: 'Partners <partners@shop.example>' });
    const other = fakeTransport();
    await createMailer(withFrom, t.db, t.clock.now, other.create).send({ to: 'p@example.com', subject: 'Hi', text: 'x', html: '<b>x</b>' });
    assert.deepEqual(other.sent, [{ from: 'Partners <partners@shop.example>', to: 'p@example.com', subject: 'Hi', text: 'x', html: '<b>x</b>' }]);
  });

  it('builds a real nodemailer SMTP transport from the URL without connecting', () => {
    const mailer = new SmtpMailer('smtps://user:secret@mail.example.com:465', 'a@example.com');
    const options = (mailer.transport as unknown as { options: { host: string; port: number; secure: boolean; auth: unknown } }).options;
    assert.deepEqual(
      { host: options.host, port: options.port, secure: options.secure, auth: options.auth },
      { host: 'mail.example.com', port: 465, secure: true, auth: { user: 'user', pass: 'secret' } },
    );
  });

  it('refuses an SMTP URL or sender that is not one', () => {
    for (const [name, value] of [
      ['RP_SMTP_URL', 'http://mail.example.com'],
      ['RP_SMTP_URL', 'mail.example.com:25'],
      ['RP_SMTP_URL', 'smtp://'],
      ['RP_MAIL_FROM', 'not an address'],
      ['RP_MAIL_FROM', 'Name <x@y.z'],
    ] as const) {
      assert.throws(
        () => loadConfig({ RP_ADMIN_KEY: KEY, [name]: value }),
        (err: unknown) => err instanceof ConfigError && err.problems.length === 1 && err.problems[0]!.startsWith(`${name}: `),
        `${name}=${value}`,
      );
    }
    const ok = loadConfig({ RP_ADMIN_KEY: KEY, RP_SMTP_URL: 'smtp://localhost:1025', RP_MAIL_FROM: 'x@y.example' });
    assert.equal(ok.smtpUrl, 'smtp://localhost:1025');
    assert.equal(ok.mailFrom, 'x@y.example');
    assert.equal(loadConfig({ RP_ADMIN_KEY: KEY }).smtpUrl, undefined);
  });
});
