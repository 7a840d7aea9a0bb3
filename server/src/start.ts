import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { DEMO_ADMIN_KEY, type Config } from './config.ts';
import { migrate, openDatabase } from './db/database.ts';
import { ClickRecorder } from './domain/clicks.ts';
import { DEMO_ADMIN, DEMO_PARTNER, seedDemo } from './seed/demo.ts';
import { defaultStaticRoots, staticSite, type StaticRoots } from './static.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Everything `main` does except reading the environment and handling signals: open and
 * migrate the database, seed the demo, serve the API plus the static demo, listen.
 * Tests and e2e call this with their own config (port 0 picks a free port).
 */
export async function startServer(
  config: Config,
  options: { staticRoots?: StaticRoots; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = openDatabase(config.databasePath);
  migrate(db);
  if (config.demo) await seedDemo(db, config, Date.now());

  const clicks = new ClickRecorder(db);
  const app = createApp({ db, config, clicks, site: staticSite(options.staticRoots ?? defaultStaticRoots) });

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;

  log(`Referral Partner Center listening on ${url} (API at ${url}/api, database ${config.databasePath})`);
  if (config.demo) {
    // Only the public demo key is printed; a real key set in demo mode stays out of the logs.
    const key = config.adminKey === DEMO_ADMIN_KEY ? `"${DEMO_ADMIN_KEY}"` : 'from RP_ADMIN_KEY';
    log(`Demo mode: partner "${DEMO_PARTNER.code}" / "${DEMO_PARTNER.password}", admin key ${key}`);
    // The demo admin user exists only in demo mode (its password is public), so this line too.
    log(`Back office: ${url}/back-office.html, sign in with "${DEMO_ADMIN.email}" / "${DEMO_ADMIN.password}"`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          clicks.close(); // the last batch of clicks, before the database goes
          db.close();
          resolve();
        });
        // Keep-alive connections would hold close() open; nothing in flight matters at shutdown.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
