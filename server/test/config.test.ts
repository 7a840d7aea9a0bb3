import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, repoRoot } from '../src/config.ts';

const KEY = 'a-long-enough-admin-key';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('has defaults for everything but the admin key', () => {
    assert.deepEqual(loadConfig({ RP_ADMIN_KEY: KEY }), {
      port: 8787,
      databasePath: resolve(repoRoot, 'data/rp.sqlite'),
      corsOrigins: [],
      adminKey: KEY,
      currency: 'USD',
      locale: 'en-US',
      demo: false,
      trustProxy: false,
      sessionIdleMinutes: 120,
      sessionMaxHours: 12,
      publicUrl: 'http://localhost:8787',
      cookieDomain: null,
    });
    assert.equal(resolve(repoRoot, 'server/src/config.ts'), resolve(import.meta.dirname, '../src/config.ts'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      RP_DATABASE: '/tmp/x/rp.sqlite',
      RP_CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      RP_ADMIN_KEY: KEY,
      RP_CURRENCY: 'EUR',
      RP_LOCALE: 'de-DE',
      RP_DEMO: '0',
      RP_TRUST_PROXY: '1',
      RP_SESSION_IDLE_MINUTES: '30',
      RP_SESSION_MAX_HOURS: '24',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.databasePath, '/tmp/x/rp.sqlite');
    assert.deepEqual(config.corsOrigins, ['https://shop.example.com', 'http://localhost:5173']);
    assert.equal(config.currency, 'EUR');
    assert.equal(config.locale, 'de-DE');
    assert.equal(config.demo, false);
    assert.equal(config.trustProxy, true);
    assert.equal(config.sessionIdleMinutes, 30);
    assert.equal(config.sessionMaxHours, 24);
  });

  it('demo mode defaults the admin key to the demo key', () => {
    assert.equal(loadConfig({ RP_DEMO: 'true' }).adminKey, 'demo-admin-key');
    assert.equal(loadConfig({ RP_DEMO: 'true', RP_ADMIN_KEY: KEY }).adminKey, KEY);
  });

  it('refuses to start without an admin key outside demo mode', () => {
    assert.deepEqual(problems({}), ['RP_ADMIN_KEY: Required outside demo mode (at least 16 characters), or set RP_DEMO=true.']);
    assert.deepEqual(problems({ RP_ADMIN_KEY: '   ' }), ['RP_ADMIN_KEY: Required outside demo mode (at least 16 characters), or set RP_DEMO=true.']);
  });

  it('refuses the public demo key and short keys outside demo mode', () => {
    assert.deepEqual(problems({ RP_ADMIN_KEY: 'demo-admin-key' }), [
      'RP_ADMIN_KEY: "demo-admin-key" is public and only allowed with RP_DEMO=true.',
    ]);
    assert.deepEqual(problems({ RP_ADMIN_KEY: 'short' }), ['RP_ADMIN_KEY: Use at least 16 characters.']);
  });

  it('names a bad PORT', () => {
    assert.deepEqual(problems({ RP_ADMIN_KEY: KEY, PORT: 'eighty' }), ['PORT: Use a whole number.']);
    assert.deepEqual(problems({ RP_ADMIN_KEY: KEY, PORT: '70000' }), ['PORT: Use a number from 0 to 65535.']);
    assert.deepEqual(problems({ RP_ADMIN_KEY: KEY, PORT: '-1' }), ['PORT: Use a whole number.']);
  });

  it('names each bad CORS origin', () => {
    assert.deepEqual(problems({ RP_ADMIN_KEY: KEY, RP_CORS_ORIGINS: 'https://ok.example.com,shop.example.com,https://x.example.com/' }), [
      'RP_CORS_ORIGINS: "shop.example.com" is not an origin such as https://shop.example.com.',
      'RP_CORS_ORIGINS: "https://x.example.com/" is not an origin such as https://shop.example.com.',
    ]);
    assert.equal(problems({ RP_ADMIN_KEY: KEY, RP_CORS_ORIGINS: '*' }).length, 1);
    assert.equal(problems({ RP_ADMIN_KEY: KEY, RP_CORS_ORIGINS: 'ftp://files.example.com' }).length, 1);
  });

  it('lists every problem at once, one line each', () => {
    const list = problems({
      PORT: 'x',
      RP_CURRENCY: 'usd',
      RP_LOCALE: '!!',
      RP_DEMO: 'yes',
      RP_TRUST_PROXY: 'maybe',
      RP_SESSION_IDLE_MINUTES: '0',
      RP_SESSION_MAX_HOURS: '1.5',
    });
    assert.deepEqual(
      list.map((line) => line.split(':')[0]),
      ['PORT', 'RP_CURRENCY', 'RP_LOCALE', 'RP_DEMO', 'RP_TRUST_PROXY', 'RP_SESSION_IDLE_MINUTES', 'RP_SESSION_MAX_HOURS'],
    );
    // The admin key is reported beside other problems, not only once they are fixed.
    assert.deepEqual(problems({ PORT: 'x' }), [
      'PORT: Use a whole number.',
      'RP_ADMIN_KEY: Required outside demo mode (at least 16 characters), or set RP_DEMO=true.',
    ]);
    assert.ok(list.includes('RP_DEMO: Use true, false, 1 or 0.'));
    assert.ok(list.includes('RP_CURRENCY: Use a three-letter ISO 4217 code such as USD.'));
    for (const line of list) assert.doesNotMatch(line, /\n/);
    // The error's message carries them all, for a plain `throw`.
    try {
      loadConfig({ PORT: 'x', RP_DEMO: 'yes' });
    } catch (error) {
      assert.match(String(error), /PORT: .*\n.*RP_DEMO: /s);
    }
  });
});
