// Entry point of the click writer's worker thread. Node 20 does not carry the parent's
// `--import tsx` loader hooks into worker threads (the worker sees them in execArgv, yet a `.ts`
// entry fails with ERR_UNKNOWN_FILE_EXTENSION, under `tsx src/main.ts` and under
// `node --import tsx` alike), so this plain module registers tsx here, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./click-writer.worker.ts');
