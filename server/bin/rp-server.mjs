#!/usr/bin/env node
// The `rp-server` command: runs the TypeScript CLI through tsx (a dependency of this package).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
