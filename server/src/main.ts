import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './start.ts';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error('The server cannot start:');
  for (const problem of error.problems) console.error(`  ${problem}`);
  process.exit(1);
}

const server = await startServer(config);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: shutting down`);
    void server.close().then(() => process.exit(0));
  });
}
